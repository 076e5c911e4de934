package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.ConnectSchema;
import io.runnel.connect.data.Date;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Time;
import io.runnel.connect.data.Timestamp;
import io.runnel.connect.data.Values;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.SchemaUtil;
import io.runnel.connect.transforms.util.TransformConfig;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Casts fields, or the whole key or value, to another primitive type, as Kafka Connect's {@code Cast}: {@code
 * spec} is either one type ({@code int64}) for the whole value, or {@code field:type} pairs for fields of a
 * struct or map. Targets: int8, int16, int32, int64, float32, float64, boolean, string; sources: those and
 * bytes (cast to a base64 string) and the logical types (cast through their underlying value, or to their text
 * form for string). Numbers narrow as Java casts do; strings parse; booleans are 1/0; numbers are true when not
 * 0. The schema's name, version, doc, parameters, optionality and default are kept. A null key or value passes
 * unchanged.
 *
 * @param <R> the record type
 */
public abstract class Cast<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final String PURPOSE = "cast types";
    private static final String WHOLE_VALUE = "";
    private static final Set<Schema.Type> INPUT_TYPES = EnumSet.of(Schema.Type.INT8, Schema.Type.INT16,
            Schema.Type.INT32, Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN,
            Schema.Type.STRING, Schema.Type.BYTES);
    private static final Set<Schema.Type> OUTPUT_TYPES = EnumSet.of(Schema.Type.INT8, Schema.Type.INT16,
            Schema.Type.INT32, Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN,
            Schema.Type.STRING);

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("spec", ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> parseSpec(value),
                    ConfigDef.Importance.HIGH, "List of fields and the type to cast them to of the form "
                            + "field1:type,field2:type to cast fields of Maps or Structs. A single type to cast the "
                            + "entire value. Valid types are int8, int16, int32, int64, float32, float64, boolean, "
                            + "and string."));

    private Map<String, Schema.Type> casts;
    private Schema.Type wholeValueCastType;
    private final SchemaCache schemaCache = new SchemaCache();

    Cast(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        casts = parseSpec(config.getList("spec"));
        wholeValueCastType = casts.get(WHOLE_VALUE);
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    private static Map<String, Schema.Type> parseSpec(Object value) {
        List<?> mappings = (List<?>) value;
        if (mappings == null || mappings.isEmpty()) {
            throw new ConfigException("spec", value, "Must specify at least one field to cast.");
        }
        Map<String, Schema.Type> result = new LinkedHashMap<>();
        boolean wholeValue = false;
        for (Object m : mappings) {
            String mapping = String.valueOf(m);
            String[] parts = mapping.split(":");
            if (parts.length > 2) {
                throw new ConfigException("spec", value, "Invalid cast mapping: " + mapping);
            }
            String typeName = parts[parts.length - 1].trim();
            Schema.Type type;
            try {
                type = Schema.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("spec", value, "Invalid type found in casting spec: " + typeName);
            }
            if (!OUTPUT_TYPES.contains(type)) {
                throw new ConfigException("spec", value, "Cast transformation does not support casting to " + type
                        + "; supported types are " + OUTPUT_TYPES);
            }
            if (parts.length == 1) {
                wholeValue = true;
                result.put(WHOLE_VALUE, type);
            } else {
                result.put(parts[0].trim(), type);
            }
        }
        if (wholeValue && mappings.size() > 1) {
            throw new ConfigException("spec", value, "Cast transformations that specify a type to cast the entire "
                    + "value to may only specify a single cast in their spec");
        }
        return result;
    }

    @Override
    public R apply(R record) {
        if (operatingValue(record) == null) {
            return record;
        }
        return operatingSchema(record) == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applySchemaless(R record) {
        if (wholeValueCastType != null) {
            return newRecord(record, null, castValueToType(null, operatingValue(record), wholeValueCastType));
        }
        Map<String, Object> value = Requirements.requireMap(operatingValue(record), PURPOSE);
        Map<String, Object> updated = new HashMap<>(value);
        casts.forEach((field, type) -> updated.put(field, castValueToType(null, value.get(field), type)));
        return newRecord(record, null, updated);
    }

    private R applyWithSchema(R record) {
        Schema valueSchema = operatingSchema(record);
        Schema updatedSchema = schemaCache.get(valueSchema, this::updatedSchema);
        if (wholeValueCastType != null) {
            return newRecord(record, updatedSchema, castValueToType(valueSchema, operatingValue(record),
                    wholeValueCastType));
        }
        Struct value = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Struct updated = new Struct(updatedSchema);
        for (Field field : value.schema().fields()) {
            Object original = fieldValue(value, field);
            Schema.Type target = casts.get(field.name());
            updated.put(updatedSchema.field(field.name()), target == null ? original
                    : castValueToType(field.schema(), original, target));
        }
        return newRecord(record, updatedSchema, updated);
    }

    private Schema updatedSchema(Schema valueSchema) {
        SchemaBuilder builder;
        if (wholeValueCastType != null) {
            builder = SchemaUtil.copySchemaBasics(valueSchema, SchemaBuilder.type(wholeValueCastType));
        } else {
            builder = SchemaUtil.copySchemaBasics(valueSchema, SchemaBuilder.struct());
            for (Field field : valueSchema.fields()) {
                Schema.Type target = casts.get(field.name());
                if (target == null) {
                    builder.field(field.name(), field.schema());
                    continue;
                }
                SchemaBuilder fieldBuilder = SchemaBuilder.type(target);
                if (field.schema().isOptional()) {
                    fieldBuilder.optional();
                }
                if (field.schema().defaultValue() != null) {
                    fieldBuilder.defaultValue(castValueToType(field.schema(), field.schema().defaultValue(), target));
                }
                builder.field(field.name(), fieldBuilder.build());
            }
        }
        if (valueSchema.isOptional()) {
            builder.optional();
        }
        if (valueSchema.defaultValue() != null) {
            builder.defaultValue(castValueToType(valueSchema, valueSchema.defaultValue(), builder.type()));
        }
        return builder.build();
    }

    private static Object castValueToType(Schema schema, Object value, Schema.Type target) {
        if (value == null) {
            return null;
        }
        if (value instanceof Struct && target == Schema.Type.STRUCT) {
            return value;
        }
        Schema.Type inferred = schema == null ? ConnectSchema.schemaType(value.getClass()) : schema.type();
        if (inferred == null) {
            throw new DataException("Cast transformation was passed a value of type " + value.getClass()
                    + " which is not supported by Connect's data API");
        }
        if (!INPUT_TYPES.contains(inferred)) {
            throw new DataException("Cast transformation does not support casting from " + inferred
                    + "; supported types are " + INPUT_TYPES);
        }
        Object v = value;
        if (schema != null && schema.name() != null && target != Schema.Type.STRING) {
            v = encodeLogicalType(schema, value);
        }
        try {
            return switch (target) {
                case INT8 -> v instanceof Number n ? (Object) n.byteValue() : v instanceof Boolean b ? (byte) (b ? 1 : 0)
                        : v instanceof String s ? (Object) Byte.parseByte(s) : unexpected(v);
                case INT16 -> v instanceof Number n ? (Object) n.shortValue()
                        : v instanceof Boolean b ? (short) (b ? 1 : 0)
                        : v instanceof String s ? (Object) Short.parseShort(s) : unexpected(v);
                case INT32 -> v instanceof Number n ? (Object) n.intValue() : v instanceof Boolean b ? (b ? 1 : 0)
                        : v instanceof String s ? (Object) Integer.parseInt(s) : unexpected(v);
                case INT64 -> v instanceof Number n ? (Object) n.longValue() : v instanceof Boolean b ? (b ? 1L : 0L)
                        : v instanceof String s ? (Object) Long.parseLong(s) : unexpected(v);
                case FLOAT32 -> v instanceof Number n ? (Object) n.floatValue() : v instanceof Boolean b ? (b ? 1f : 0f)
                        : v instanceof String s ? (Object) Float.parseFloat(s) : unexpected(v);
                case FLOAT64 -> v instanceof Number n ? (Object) n.doubleValue()
                        : v instanceof Boolean b ? (b ? 1d : 0d)
                        : v instanceof String s ? (Object) Double.parseDouble(s) : unexpected(v);
                case BOOLEAN -> v instanceof Number n ? (Object) (n.longValue() != 0L) : v instanceof Boolean b ? b
                        : v instanceof String s ? (Object) Boolean.parseBoolean(s) : unexpected(v);
                case STRING -> castToString(v);
                default -> throw new DataException(target + " is not supported in the Cast transformation.");
            };
        } catch (NumberFormatException e) {
            throw new DataException("Value (" + v + ") was out of range for requested data type or not a number", e);
        }
    }

    private static Object unexpected(Object value) {
        throw new DataException("Unexpected type in Cast transformation: " + value.getClass());
    }

    private static Object encodeLogicalType(Schema schema, Object value) {
        return switch (schema.name()) {
            case Date.LOGICAL_NAME -> Date.fromLogical(schema, (java.util.Date) value);
            case Time.LOGICAL_NAME -> Time.fromLogical(schema, (java.util.Date) value);
            case Timestamp.LOGICAL_NAME -> Timestamp.fromLogical(schema, (java.util.Date) value);
            default -> value;
        };
    }

    private static String castToString(Object value) {
        if (value instanceof java.util.Date || value instanceof List<?> || value instanceof Map<?, ?>) {
            return Values.convertToString(null, value);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer dup = buffer.duplicate();
            byte[] bytes = new byte[dup.remaining()];
            dup.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Casts in the key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends Cast<R> {
        /** Creates the transformation. */
        public Key() {
            super(true);
        }
    }

    /**
     * Casts in the value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends Cast<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
