package io.runnel.common.record;

/**
 * What a record batch's timestamps mean, as Kafka defines it: bit 3 of the RecordBatch v2 attributes
 * ({@code 0} = {@link #CREATE_TIME}, {@code 1} = {@link #LOG_APPEND_TIME}). Topics choose with
 * {@code message.timestamp.type}.
 */
public enum TimestampType {
    /** No timestamp type (only for "unknown"; never written in a v2 batch). */
    NO_TIMESTAMP_TYPE(-1, "NoTimestampType"),
    /** The producer's timestamp of each record. */
    CREATE_TIME(0, "CreateTime"),
    /** The log's clock when the batch was appended; every record of the batch then has the batch's max timestamp. */
    LOG_APPEND_TIME(1, "LogAppendTime");

    /** The numeric id (Kafka's). */
    public final int id;
    /** The name as Kafka's configuration and tools print it ({@code CreateTime}, {@code LogAppendTime}). */
    public final String name;

    TimestampType(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /**
     * @param name {@code CreateTime} or {@code LogAppendTime}
     * @return the type
     * @throws IllegalArgumentException for any other name
     */
    public static TimestampType forName(String name) {
        for (TimestampType t : values()) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Invalid timestamp type '" + name + "': expected CreateTime or LogAppendTime");
    }

    @Override
    public String toString() {
        return name;
    }
}
