package io.runnel.connect.transforms.util;

import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.sink.SinkRecord;

import java.util.Map;

/** Checks of a record's shape, with the messages Kafka Connect's transformations give. Stateless. */
public final class Requirements {

    private Requirements() {
    }

    /**
     * @param schema  a schema
     * @param purpose what the transformation is doing, for the message
     * @throws DataException if the schema is null
     */
    public static void requireSchema(Schema schema, String purpose) {
        if (schema == null) {
            throw new DataException("Schema required for [" + purpose + "]");
        }
    }

    /**
     * @param value   a value
     * @param purpose what the transformation is doing
     * @return the value as a map
     * @throws DataException if it is not a map
     */
    @SuppressWarnings("unchecked") // schemaless Connect maps have string keys by convention, as in Kafka
    public static Map<String, Object> requireMap(Object value, String purpose) {
        if (!(value instanceof Map)) {
            throw new DataException("Only Map objects supported in absence of schema for [" + purpose + "], found: "
                    + className(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * @param value   a value or null
     * @param purpose what the transformation is doing
     * @return the value as a map, or null
     * @throws DataException if it is neither null nor a map
     */
    public static Map<String, Object> requireMapOrNull(Object value, String purpose) {
        return value == null ? null : requireMap(value, purpose);
    }

    /**
     * @param value   a value
     * @param purpose what the transformation is doing
     * @return the value as a struct
     * @throws DataException if it is not a struct
     */
    public static Struct requireStruct(Object value, String purpose) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("Only Struct objects supported for [" + purpose + "], found: " + className(value));
        }
        return struct;
    }

    /**
     * @param value   a value or null
     * @param purpose what the transformation is doing
     * @return the value as a struct, or null
     * @throws DataException if it is neither null nor a struct
     */
    public static Struct requireStructOrNull(Object value, String purpose) {
        return value == null ? null : requireStruct(value, purpose);
    }

    /**
     * @param record  a record
     * @param purpose what the transformation is doing
     * @return the record as a sink record
     * @throws DataException if it is not one
     */
    public static SinkRecord requireSinkRecord(ConnectRecord<?> record, String purpose) {
        if (!(record instanceof SinkRecord sink)) {
            throw new DataException("Only SinkRecord supported for [" + purpose + "], found: " + className(record));
        }
        return sink;
    }

    private static String className(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
