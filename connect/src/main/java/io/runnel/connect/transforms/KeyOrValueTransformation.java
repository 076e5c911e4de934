package io.runnel.connect.transforms;

import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.Struct;
import io.runnel.connect.header.Headers;

/**
 * The shared base of transformations that come as {@code $Key} and {@code $Value} variants: which side of the
 * record they read and rebuild.
 *
 * @param <R> the record type
 */
abstract class KeyOrValueTransformation<R extends ConnectRecord<R>> implements Transformation<R> {

    private final boolean key;
    /** Whether a null struct field reads as its default ({@code replace.null.with.default}). */
    protected boolean replaceNullWithDefault = true;

    KeyOrValueTransformation(boolean key) {
        this.key = key;
    }

    /** @return whether this variant works on the key */
    protected final boolean isKey() {
        return key;
    }

    /**
     * @param record a record
     * @return the schema of the side this variant works on
     */
    protected final Schema operatingSchema(R record) {
        return key ? record.keySchema() : record.valueSchema();
    }

    /**
     * @param record a record
     * @return the side this variant works on
     */
    protected final Object operatingValue(R record) {
        return key ? record.key() : record.value();
    }

    /**
     * @param record a record
     * @param schema the new schema of this side
     * @param value  the new value of this side
     * @return a copy of the record with this side replaced
     */
    protected final R newRecord(R record, Schema schema, Object value) {
        return key
                ? record.newRecord(record.topic(), record.kafkaPartition(), schema, value, record.valueSchema(),
                record.value(), record.timestamp())
                : record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), schema,
                value, record.timestamp());
    }

    /**
     * @param record  a record
     * @param schema  the new schema of this side
     * @param value   the new value of this side
     * @param headers the new headers
     * @return a copy of the record with this side and the headers replaced
     */
    protected final R newRecord(R record, Schema schema, Object value, Headers headers) {
        return key
                ? record.newRecord(record.topic(), record.kafkaPartition(), schema, value, record.valueSchema(),
                record.value(), record.timestamp(), headers)
                : record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), schema,
                value, record.timestamp(), headers);
    }

    /**
     * @param struct a struct
     * @param field  one of its fields
     * @return the field's value, or its default when unset and {@code replace.null.with.default} is on
     */
    protected final Object fieldValue(Struct struct, Field field) {
        return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
    }

    /**
     * @param struct    a struct
     * @param fieldName one of its fields
     * @return the field's value, or its default when unset and {@code replace.null.with.default} is on
     */
    protected final Object fieldValue(Struct struct, String fieldName) {
        return replaceNullWithDefault ? struct.get(fieldName) : struct.getWithoutDefault(fieldName);
    }

    @Override
    public void close() {
    }
}
