package io.runnel.connect.storage;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * Converts values to and from strings, as Kafka Connect's {@code StringConverter}: writing calls {@code
 * toString()} on any value (the schema is ignored) and encodes it with {@code converter.encoding} (default
 * UTF-8); reading gives an optional STRING. Also a {@link HeaderConverter}.
 */
public class StringConverter implements Converter, HeaderConverter {

    private Charset charset = java.nio.charset.StandardCharsets.UTF_8;

    /** Creates the converter (UTF-8 until configured). */
    public StringConverter() {
    }

    @Override
    public ConfigDef config() {
        return StringConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        charset = new StringConverterConfig(configs).encoding();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> conf = new HashMap<>(configs);
        conf.put(StringConverterConfig.TYPE_CONFIG, isKey ? ConverterType.KEY.getName() : ConverterType.VALUE.getName());
        configure(conf);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return value == null ? null : value.toString().getBytes(charset);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, value == null ? null : new String(value, charset));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public void close() {
    }
}
