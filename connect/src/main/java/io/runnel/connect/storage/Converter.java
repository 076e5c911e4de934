package io.runnel.connect.storage;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.header.Headers;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;

import java.io.Closeable;
import java.util.Map;

/**
 * Turns Connect data (a {@link Schema} and a value) into the bytes of a record key or value and back, as Kafka
 * Connect's {@code Converter}. Configured per worker ({@code key.converter}, {@code value.converter}) or per
 * connector, with settings under the {@code key.converter.} or {@code value.converter.} prefix.
 *
 * <p>A converter instance serves one task and one side (key or value); it is used from that task's thread only.
 */
public interface Converter extends Closeable {

    /**
     * @param configs the settings given under this converter's prefix, prefix removed
     * @param isKey   whether this converter handles keys (else values)
     * @throws io.runnel.common.config.ConfigException if the settings are invalid
     */
    void configure(Map<String, ?> configs, boolean isKey);

    /**
     * @param topic  the topic the bytes go to
     * @param schema the value's schema, or null
     * @param value  the value, or null
     * @return the bytes, or null
     * @throws io.runnel.connect.errors.DataException if the value cannot be converted
     */
    byte[] fromConnectData(String topic, Schema schema, Object value);

    /**
     * As {@link #fromConnectData(String, Schema, Object)}, with the record's headers (which a converter may add
     * to, for example a schema id). The default ignores them.
     *
     * @param topic   the topic
     * @param headers the record's byte headers
     * @param schema  the value's schema, or null
     * @param value   the value, or null
     * @return the bytes, or null
     */
    default byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    /**
     * @param topic the topic the bytes came from
     * @param value the bytes, or null
     * @return the schema and value ({@link SchemaAndValue#NULL} or a null value with an optional schema for null)
     * @throws io.runnel.connect.errors.DataException if the bytes cannot be read
     */
    SchemaAndValue toConnectData(String topic, byte[] value);

    /**
     * As {@link #toConnectData(String, byte[])}, with the record's headers. The default ignores them.
     *
     * @param topic   the topic
     * @param headers the record's byte headers
     * @param value   the bytes, or null
     * @return the schema and value
     */
    default SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        return toConnectData(topic, value);
    }

    /** @return the definition of this converter's settings (empty by default) */
    default ConfigDef config() {
        return new ConfigDef();
    }

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
