package io.runnel.streams.processor.api;

/**
 * A processor that cannot change keys (Kafka's {@code FixedKeyProcessor}): what the DSL's {@code processValues}
 * runs. Lifecycle and threading as {@link Processor}.
 *
 * @param <KIn>  the key type
 * @param <VIn>  the input value type
 * @param <VOut> the output value type
 */
public interface FixedKeyProcessor<KIn, VIn, VOut> {

    /**
     * Called once before the first record.
     *
     * @param context the task's context, valid for the life of this processor
     */
    default void init(FixedKeyProcessorContext<KIn, VOut> context) {
    }

    /**
     * Processes one record.
     *
     * @param record the input record
     */
    void process(FixedKeyRecord<KIn, VIn> record);

    /** Releases resources. */
    default void close() {
    }
}
