package io.runnel.connect.sink;

/**
 * Where a consumed record's timestamp came from, as Kafka's {@code TimestampType} (the same ids and names as the
 * RecordBatch v2 attribute).
 */
public enum TimestampType {
    /** The record has no timestamp. */
    NO_TIMESTAMP_TYPE(-1, "NoTimestampType"),
    /** Set by the producer. */
    CREATE_TIME(0, "CreateTime"),
    /** Set by the log when it appended the record. */
    LOG_APPEND_TIME(1, "LogAppendTime");

    /** Kafka's numeric id. */
    public final int id;
    /** Kafka's display name. */
    public final String name;

    TimestampType(int id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
