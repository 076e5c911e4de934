package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.ConnectSchema;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.SchemaUtil;
import io.runnel.connect.transforms.util.TransformConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens nested structs (with a schema) or maps (without) into one level, joining field names with {@code
 * delimiter} (default {@code .}), as Kafka Connect's {@code Flatten}: {@code {"a":{"b":1}}} becomes {@code
 * {"a.b":1}}. Arrays are kept as they are; with a schema, maps are kept too. A field is optional when it or any
 * struct above it is. A null key or value passes unchanged.
 *
 * @param <R> the record type
 */
public abstract class Flatten<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final String PURPOSE = "flattening";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("delimiter", ConfigDef.Type.STRING, ".", ConfigDef.Importance.MEDIUM,
                    "Delimiter to insert between field names from the input record when generating field names for "
                            + "the output record");

    private String delimiter;
    private final SchemaCache schemaCache = new SchemaCache();

    Flatten(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        delimiter = new TransformConfig(CONFIG_DEF, props).getString("delimiter");
    }

    @Override
    public R apply(R record) {
        if (operatingValue(record) == null) {
            return record;
        }
        if (operatingSchema(record) == null) {
            Map<String, Object> value = Requirements.requireMap(operatingValue(record), PURPOSE);
            Map<String, Object> flat = new LinkedHashMap<>();
            flattenSchemaless(value, "", flat);
            return newRecord(record, null, flat);
        }
        Struct value = Requirements.requireStructOrNull(operatingValue(record), PURPOSE);
        Schema schema = operatingSchema(record);
        Schema updatedSchema = schemaCache.get(schema, s -> {
            SchemaBuilder builder = SchemaUtil.copySchemaBasics(s, SchemaBuilder.struct());
            flattenSchema(s, "", builder, s.isOptional(), (Struct) s.defaultValue());
            return builder.build();
        });
        Struct flat = new Struct(updatedSchema);
        flattenStruct(value, "", flat);
        return newRecord(record, updatedSchema, flat);
    }

    private String fieldName(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + delimiter + name;
    }

    private void flattenSchemaless(Map<String, Object> original, String prefix, Map<String, Object> flat) {
        for (Map.Entry<String, Object> e : original.entrySet()) {
            String name = fieldName(prefix, e.getKey());
            Object value = e.getValue();
            if (value == null) {
                flat.put(name, null);
                continue;
            }
            Schema.Type type = ConnectSchema.schemaType(value.getClass());
            if (type == null) {
                throw new DataException("Flatten transformation was passed a value of type " + value.getClass()
                        + " which is not supported by Connect's data API");
            }
            switch (type) {
                case MAP -> flattenSchemaless(Requirements.requireMap(value, PURPOSE), name, flat);
                case STRUCT -> throw new DataException("Flatten transformation does not support " + value.getClass()
                        + " for record without schemas (for field " + name + ").");
                default -> flat.put(name, value);
            }
        }
    }

    private void flattenSchema(Schema schema, String prefix, SchemaBuilder builder, boolean optional,
                               Struct defaultFromParent) {
        for (Field field : schema.fields()) {
            String name = fieldName(prefix, field.name());
            boolean fieldOptional = optional || field.schema().isOptional();
            Object fieldDefault = field.schema().defaultValue() != null ? field.schema().defaultValue()
                    : defaultFromParent != null ? defaultFromParent.get(field) : null;
            if (field.schema().type() == Schema.Type.STRUCT) {
                flattenSchema(field.schema(), name, builder, fieldOptional, (Struct) fieldDefault);
            } else {
                SchemaBuilder fieldBuilder = SchemaUtil.copySchemaBasics(field.schema());
                if (fieldOptional) {
                    fieldBuilder.optional();
                }
                if (fieldDefault != null) {
                    fieldBuilder.defaultValue(fieldDefault);
                }
                builder.field(name, fieldBuilder.build());
            }
        }
    }

    private void flattenStruct(Struct struct, String prefix, Struct flat) {
        if (struct == null) {
            return;
        }
        for (Field field : struct.schema().fields()) {
            String name = fieldName(prefix, field.name());
            Object value = fieldValue(struct, field);
            if (field.schema().type() == Schema.Type.STRUCT) {
                flattenStruct((Struct) value, name, flat);
            } else {
                flat.put(name, value);
            }
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Flattens the key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends Flatten<R> {
        /** Creates the transformation. */
        public Key() {
            super(true);
        }
    }

    /**
     * Flattens the value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends Flatten<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
