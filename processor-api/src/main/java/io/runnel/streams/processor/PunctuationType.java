package io.runnel.streams.processor;

/** Which time drives a punctuation (Kafka's {@code PunctuationType}). */
public enum PunctuationType {
    /** Event time: the task's stream time, advanced by record timestamps; nothing fires while no data arrives. */
    STREAM_TIME,
    /** The application's clock (the injected {@code Time}); fires even while no data arrives. */
    WALL_CLOCK_TIME
}
