package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.ConnectSchema;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.Struct;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.Map;

/**
 * Sets the name ({@code schema.name}) and/or version ({@code schema.version}) of the key's or value's schema,
 * as Kafka Connect's {@code SetSchemaMetadata}; at least one must be given. A struct value is rebuilt against
 * the renamed schema. A record with a value but no schema on that side is a {@link
 * io.runnel.connect.errors.DataException}; one with neither passes unchanged.
 *
 * <p>Unlike Kafka 4.3, which fails on them, primitive, array and map schemas are renamed too.
 *
 * @param <R> the record type
 */
public abstract class SetSchemaMetadata<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("schema.name", ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, "Schema name to set.")
            .define("schema.version", ConfigDef.Type.INT, null, ConfigDef.Importance.HIGH, "Schema version to set."));

    private String schemaName;
    private Integer schemaVersion;

    SetSchemaMetadata(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        schemaName = config.getString("schema.name");
        schemaVersion = config.getInt("schema.version");
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
        if (schemaName == null && schemaVersion == null) {
            config.problem("Neither schema name nor version configured: set schema.name, schema.version or both");
        }
        config.throwProblems();
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        if (schema == null && operatingValue(record) == null) {
            return record;
        }
        Requirements.requireSchema(schema, "updating schema metadata");
        boolean isArray = schema.type() == Schema.Type.ARRAY;
        boolean isMap = schema.type() == Schema.Type.MAP;
        Schema updated = new ConnectSchema(schema.type(), schema.isOptional(), schema.defaultValue(),
                schemaName != null ? schemaName : schema.name(),
                schemaVersion != null ? schemaVersion : schema.version(), schema.doc(), schema.parameters(),
                schema.type() == Schema.Type.STRUCT ? schema.fields() : null, isMap ? schema.keySchema() : null,
                isMap || isArray ? schema.valueSchema() : null);
        Object value = operatingValue(record);
        if (value instanceof Struct original) {
            Struct rebuilt = new Struct(updated);
            for (Field field : updated.fields()) {
                rebuilt.put(field, fieldValue(original, field));
            }
            value = rebuilt;
        }
        return newRecord(record, updated, value);
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
    public static class Key<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {
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
    public static class Value<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
