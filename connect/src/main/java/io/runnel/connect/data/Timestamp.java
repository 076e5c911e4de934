package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;

/**
 * The logical type of an instant: an INT64 holding ms since the Unix epoch, named {@value #LOGICAL_NAME} (Kafka
 * Connect's name). The Java value is a {@link java.util.Date}.
 */
public final class Timestamp {

    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Timestamp";

    /** The required Timestamp schema. */
    public static final Schema SCHEMA = builder().schema();

    private Timestamp() {
    }

    /** @return a builder for the Timestamp schema */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int64().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a Timestamp schema
     * @param value  an instant
     * @return ms since the epoch
     * @throws DataException if the schema is not a Timestamp
     */
    public static long fromLogical(Schema schema, java.util.Date value) {
        checkSchema(schema);
        return value.getTime();
    }

    /**
     * @param schema a Timestamp schema
     * @param value  ms since the epoch
     * @return the instant
     * @throws DataException if the schema is not a Timestamp
     */
    public static java.util.Date toLogical(Schema schema, long value) {
        checkSchema(schema);
        return new java.util.Date(value);
    }

    private static void checkSchema(Schema schema) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Requested conversion of Timestamp object but the schema does not match.");
        }
    }
}
