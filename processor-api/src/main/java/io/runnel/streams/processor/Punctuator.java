package io.runnel.streams.processor;

/**
 * A callback scheduled with {@code ProcessingContext.schedule} (Kafka's {@code Punctuator}). It runs on the task's
 * thread, may read and write the processor's stores and forward records (they carry the punctuation time as
 * timestamp unless given another).
 */
@FunctionalInterface
public interface Punctuator {

    /**
     * @param timestamp for {@link PunctuationType#STREAM_TIME} the stream time that triggered the call; for
     *                  {@link PunctuationType#WALL_CLOCK_TIME} the wall-clock time of the call, in ms
     */
    void punctuate(long timestamp);
}
