package io.runnel.connect.converters;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serializer;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.storage.Converter;
import io.runnel.connect.storage.ConverterConfig;
import io.runnel.connect.storage.ConverterType;
import io.runnel.connect.storage.HeaderConverter;

import java.util.HashMap;
import java.util.Map;

/**
 * The shared base of the single-number converters: the value is written with Kafka's serializer for the type
 * (big-endian, fixed width) and read back with the matching optional schema. Writing accepts any value of the
 * Java type, whatever its schema; a value of another type is a {@link DataException}.
 *
 * @param <T> the Java number type
 */
abstract class NumberConverter<T> implements Converter, HeaderConverter {

    private static final ConfigDef CONFIG_DEF = ConverterConfig.newConfigDef();

    private final Class<T> type;
    private final String typeName;
    private final Schema schema;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    NumberConverter(Class<T> type, String typeName, Schema schema, Serializer<T> serializer,
                    Deserializer<T> deserializer) {
        this.type = type;
        this.typeName = typeName;
        this.schema = schema;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        CONFIG_DEF.parse(configs);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> conf = new HashMap<>(configs);
        conf.put(ConverterConfig.TYPE_CONFIG, isKey ? ConverterType.KEY.getName() : ConverterType.VALUE.getName());
        configure(conf);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new DataException("Failed to serialize to " + typeName + " (was " + value.getClass() + ")");
        }
        return serializer.serialize(topic, type.cast(value));
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        try {
            return new SchemaAndValue(schema, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Failed to deserialize " + typeName + ": " + e.getMessage(), e);
        }
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
