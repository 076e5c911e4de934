package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;

/**
 * The logical type of a time of day: an INT32 holding ms since midnight (0 to 86,400,000), named
 * {@value #LOGICAL_NAME} (Kafka Connect's name). The Java value is a {@link java.util.Date} on 1970-01-01 UTC.
 */
public final class Time {

    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Time";

    /** The required Time schema. */
    public static final Schema SCHEMA = builder().schema();

    private Time() {
    }

    /** @return a builder for the Time schema */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a Time schema
     * @param value  a time on 1970-01-01 UTC
     * @return ms since midnight
     * @throws DataException if the schema is not a Time or the value is on another day
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        checkSchema(schema);
        long ms = value.getTime();
        if (ms < 0 || ms > Date.MILLIS_PER_DAY) {
            throw new DataException("Kafka Connect Time type should not have any date fields set to non-zero values.");
        }
        return (int) ms;
    }

    /**
     * @param schema a Time schema
     * @param value  ms since midnight
     * @return the time on 1970-01-01 UTC
     * @throws DataException if the schema is not a Time or the value is out of range
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        checkSchema(schema);
        if (value < 0 || value > Date.MILLIS_PER_DAY) {
            throw new DataException("Time values must use number of milliseconds greater than 0 and less than 86400000");
        }
        return new java.util.Date(value);
    }

    private static void checkSchema(Schema schema) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Requested conversion of Time object but the schema does not match.");
        }
    }
}
