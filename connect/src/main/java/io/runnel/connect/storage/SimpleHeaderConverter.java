package io.runnel.connect.storage;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.data.Values;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The default header converter, as Kafka Connect's {@code SimpleHeaderConverter}: writes a header value as the
 * UTF-8 text {@link Values#convertToString} gives, and reads text back with {@link Values#parseString}, which
 * infers the schema (so {@code "42"} reads as an INT8 and {@code [1,2]} as an array). Stateless.
 */
public class SimpleHeaderConverter implements HeaderConverter {

    private static final ConfigDef CONFIG_DEF = new ConfigDef();

    /** Creates the converter. */
    public SimpleHeaderConverter() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        SchemaAndValue parsed = Values.parseString(text);
        return parsed == null ? SchemaAndValue.NULL : parsed;
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return value == null ? null : Values.convertToString(schema, value).getBytes(StandardCharsets.UTF_8);
    }
}
