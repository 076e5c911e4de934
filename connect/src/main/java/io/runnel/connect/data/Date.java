package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;

/**
 * The logical type of a calendar date: an INT32 holding days since the Unix epoch (1970-01-01, UTC), named
 * {@value #LOGICAL_NAME} (Kafka Connect's name, kept so serialized schemas interoperate). The Java value is a
 * {@link java.util.Date} at midnight UTC.
 */
public final class Date {

    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Date";

    /** One day in ms. */
    static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    /** The required Date schema. */
    public static final Schema SCHEMA = builder().schema();

    private Date() {
    }

    /** @return a builder for the Date schema, to make it optional or give it a default */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a Date schema
     * @param value  a date at midnight UTC
     * @return days since the epoch
     * @throws DataException if the schema is not a Date or the value has a time of day
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        checkSchema(schema);
        long ms = value.getTime();
        if (Math.floorMod(ms, MILLIS_PER_DAY) != 0) {
            throw new DataException("Kafka Connect Date type should not have any time fields set to non-zero values.");
        }
        return (int) Math.floorDiv(ms, MILLIS_PER_DAY);
    }

    /**
     * @param schema a Date schema
     * @param value  days since the epoch
     * @return the date at midnight UTC
     * @throws DataException if the schema is not a Date
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        checkSchema(schema);
        return new java.util.Date(value * MILLIS_PER_DAY);
    }

    private static void checkSchema(Schema schema) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Requested conversion of Date object but the schema does not match.");
        }
    }
}
