package io.runnel.connect.storage;

import io.runnel.common.Configurable;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;

import java.io.Closeable;

/**
 * Turns a Connect header value into the bytes of a log header and back, as Kafka Connect's {@code
 * HeaderConverter}. Configured with {@code header.converter} (default {@link SimpleHeaderConverter}) and
 * {@code header.converter.}-prefixed settings. Used from one task's thread.
 */
public interface HeaderConverter extends Configurable, Closeable {

    /**
     * @param topic     the topic
     * @param headerKey the header's key
     * @param value     the header's bytes, or null
     * @return the schema and value
     * @throws io.runnel.connect.errors.DataException if the bytes cannot be read
     */
    SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value);

    /**
     * @param topic     the topic
     * @param headerKey the header's key
     * @param schema    the value's schema, or null
     * @param value     the value, or null
     * @return the bytes, or null
     * @throws io.runnel.connect.errors.DataException if the value cannot be converted
     */
    byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value);

    /** @return the definition of this converter's settings */
    ConfigDef config();

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
