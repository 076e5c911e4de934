package io.runnel.connect.runtime.errors;

/** Where in the pipeline a record failed; written in the {@code __connect.errors.stage} header. */
public enum Stage {
    /** The sink task's {@code put}. */
    TASK_PUT,
    /** The source task's {@code poll}. */
    TASK_POLL,
    /** A transformation. */
    TRANSFORMATION,
    /** The key converter. */
    KEY_CONVERTER,
    /** The value converter. */
    VALUE_CONVERTER,
    /** The header converter. */
    HEADER_CONVERTER,
    /** Sending a source record to the log. */
    KAFKA_PRODUCE,
    /** Consuming a record for a sink. */
    KAFKA_CONSUME
}
