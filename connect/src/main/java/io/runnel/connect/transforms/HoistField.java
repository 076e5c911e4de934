package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.Collections;
import java.util.Map;

/**
 * Wraps the key or value in a struct (with a schema) or a map (without) with a single field named {@code
 * field}, as Kafka Connect's {@code HoistField}.
 *
 * @param <R> the record type
 */
public abstract class HoistField<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("field", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
                    "Field name for the single field that will be created in the resulting Struct or Map.");

    private String fieldName;
    private final SchemaCache schemaCache = new SchemaCache();

    HoistField(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        fieldName = new TransformConfig(CONFIG_DEF, props).getString("field");
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        Object value = operatingValue(record);
        if (schema == null) {
            return newRecord(record, null, Collections.singletonMap(fieldName, value));
        }
        Schema updated = schemaCache.get(schema, s -> SchemaBuilder.struct().field(fieldName, s).build());
        return newRecord(record, updated, new Struct(updated).put(fieldName, value));
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Works on the key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends HoistField<R> {
        /** Creates the transformation. */
        public Key() {
            super(true);
        }
    }

    /**
     * Works on the value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends HoistField<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
