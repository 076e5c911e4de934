package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Date;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Time;
import io.runnel.connect.data.Timestamp;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.SchemaCache;
import io.runnel.connect.transforms.util.SchemaUtil;
import io.runnel.connect.transforms.util.TransformConfig;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * Converts a timestamp between formats, as Kafka Connect's {@code TimestampConverter}: the whole key or value,
 * or the field named {@code field}, becomes {@code target.type}: {@code string} (rendered with the {@link
 * SimpleDateFormat} pattern {@code format}, in UTC), {@code unix} (an INT64 in {@code unix.precision}: seconds,
 * milliseconds, microseconds or nanoseconds), {@code Date}, {@code Time} or {@code Timestamp}. The source format
 * comes from the schema (Date/Time/Timestamp logical types, STRING, INT64) or, without a schema, from the Java
 * class (Date, Long, String). Nulls stay null.
 *
 * @param <R> the record type
 */
public abstract class TimestampConverter<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final String PURPOSE = "converting timestamp formats";
    private static final String TYPE_STRING = "string";
    private static final String TYPE_UNIX = "unix";
    private static final String TYPE_DATE = "Date";
    private static final String TYPE_TIME = "Time";
    private static final String TYPE_TIMESTAMP = "Timestamp";
    private static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("field", ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "The field containing the timestamp, or empty if the entire value is a timestamp")
            .define("target.type", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidString.in(TYPE_STRING, TYPE_UNIX, TYPE_DATE, TYPE_TIME, TYPE_TIMESTAMP),
                    ConfigDef.Importance.HIGH, "The desired timestamp representation: string, unix, Date, Time, or "
                            + "Timestamp")
            .define("format", ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "A SimpleDateFormat-compatible format for the timestamp. Used to generate the output when "
                            + "type=string or used to parse the input if the input is a string.")
            .define("unix.precision", ConfigDef.Type.STRING, "milliseconds",
                    ConfigDef.ValidString.in("nanoseconds", "microseconds", "milliseconds", "seconds"),
                    ConfigDef.Importance.LOW, "The desired Unix precision for the timestamp: seconds, milliseconds, "
                            + "microseconds, or nanoseconds. Used to generate the output when type=unix or used to "
                            + "parse the input if the input is a Long."));

    private String field;
    private String targetType;
    private SimpleDateFormat format;
    private String unixPrecision;
    private final SchemaCache schemaCache = new SchemaCache();

    TimestampConverter(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        field = config.getString("field");
        targetType = config.getString("target.type");
        unixPrecision = config.getString("unix.precision");
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
        String pattern = config.getString("format");
        if (targetType.equals(TYPE_STRING) && pattern.isBlank()) {
            config.problem("TimestampConverter requires format option to be specified when using string timestamps");
        }
        format = null;
        if (!pattern.isBlank()) {
            try {
                format = new SimpleDateFormat(pattern);
                format.setTimeZone(TimeZone.getTimeZone("UTC"));
            } catch (IllegalArgumentException e) {
                config.problem("TimestampConverter requires a SimpleDateFormat-compatible pattern for string "
                        + "timestamps: " + pattern + " (" + e.getMessage() + ")");
            }
        }
        config.throwProblems();
    }

    @Override
    public R apply(R record) {
        return operatingSchema(record) == null ? applySchemaless(record) : applyWithSchema(record);
    }

    private R applyWithSchema(R record) {
        Schema schema = operatingSchema(record);
        if (field.isEmpty()) {
            return newRecord(record, typeSchema(targetType, schema.isOptional()),
                    convert(operatingValue(record), typeFromSchema(schema)));
        }
        Struct value = Requirements.requireStructOrNull(operatingValue(record), PURPOSE);
        Schema updatedSchema = schemaCache.get(schema, this::updatedSchema);
        return newRecord(record, updatedSchema, convertStruct(value, updatedSchema));
    }

    private Schema updatedSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field f : schema.fields()) {
            builder.field(f.name(), f.name().equals(field) ? typeSchema(targetType, f.schema().isOptional())
                    : f.schema());
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.defaultValue() != null) {
            builder.defaultValue(convertStruct((Struct) schema.defaultValue(), builder));
        }
        return builder.build();
    }

    private Struct convertStruct(Struct value, Schema updatedSchema) {
        if (value == null) {
            return null;
        }
        Struct updated = new Struct(updatedSchema);
        for (Field f : value.schema().fields()) {
            Object v = fieldValue(value, f);
            updated.put(f.name(), f.name().equals(field) ? convert(v, typeFromSchema(f.schema())) : v);
        }
        return updated;
    }

    private R applySchemaless(R record) {
        Object raw = operatingValue(record);
        if (raw == null || field.isEmpty()) {
            return newRecord(record, null, convert(raw, null));
        }
        Map<String, Object> value = Requirements.requireMap(raw, PURPOSE);
        Map<String, Object> updated = new HashMap<>(value);
        updated.put(field, convert(value.get(field), null));
        return newRecord(record, null, updated);
    }

    private static Schema typeSchema(String type, boolean optional) {
        return switch (type) {
            case TYPE_STRING -> optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
            case TYPE_UNIX -> optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA;
            case TYPE_DATE -> optional ? Date.builder().optional().schema() : Date.SCHEMA;
            case TYPE_TIME -> optional ? Time.builder().optional().schema() : Time.SCHEMA;
            case TYPE_TIMESTAMP -> optional ? Timestamp.builder().optional().schema() : Timestamp.SCHEMA;
            default -> throw new ConnectException("Unsupported timestamp type: " + type);
        };
    }

    private static String typeFromSchema(Schema schema) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return TYPE_TIMESTAMP;
        } else if (Date.LOGICAL_NAME.equals(schema.name())) {
            return TYPE_DATE;
        } else if (Time.LOGICAL_NAME.equals(schema.name())) {
            return TYPE_TIME;
        } else if (schema.type() == Schema.Type.STRING) {
            return TYPE_STRING;
        } else if (schema.type() == Schema.Type.INT64) {
            return TYPE_UNIX;
        }
        throw new ConnectException("Schema " + schema + " does not correspond to a known timestamp type format");
    }

    private static String inferType(Object timestamp) {
        if (timestamp instanceof java.util.Date) {
            return TYPE_TIMESTAMP;
        } else if (timestamp instanceof Long) {
            return TYPE_UNIX;
        } else if (timestamp instanceof String) {
            return TYPE_STRING;
        }
        throw new DataException("TimestampConverter does not support " + timestamp.getClass()
                + " objects as timestamps");
    }

    private Object convert(Object timestamp, String sourceType) {
        if (timestamp == null) {
            return null;
        }
        String source = sourceType == null ? inferType(timestamp) : sourceType;
        return fromRaw(toRaw(timestamp, source));
    }

    private java.util.Date toRaw(Object orig, String source) {
        switch (source) {
            case TYPE_STRING: {
                if (!(orig instanceof String s)) {
                    throw new DataException("Expected string timestamp to be a String, but found " + orig.getClass());
                }
                if (format == null) {
                    throw new DataException("TimestampConverter needs the format option to parse string timestamps");
                }
                try {
                    synchronized (format) {
                        return format.parse(s);
                    }
                } catch (ParseException e) {
                    throw new DataException("Could not parse timestamp: value (" + s + ") does not match pattern ("
                            + format.toPattern() + ")", e);
                }
            }
            case TYPE_UNIX: {
                if (!(orig instanceof Long unix)) {
                    throw new DataException("Expected Unix timestamp to be a Long, but found " + orig.getClass());
                }
                return new java.util.Date(switch (unixPrecision) {
                    case "seconds" -> TimeUnit.SECONDS.toMillis(unix);
                    case "microseconds" -> TimeUnit.MICROSECONDS.toMillis(unix);
                    case "nanoseconds" -> TimeUnit.NANOSECONDS.toMillis(unix);
                    default -> unix;
                });
            }
            default: {
                if (!(orig instanceof java.util.Date d)) {
                    throw new DataException("Expected " + source + " to be a java.util.Date, but found "
                            + orig.getClass());
                }
                return d;
            }
        }
    }

    private Object fromRaw(java.util.Date raw) {
        long ms = raw.getTime();
        return switch (targetType) {
            case TYPE_STRING -> {
                synchronized (format) {
                    yield format.format(raw);
                }
            }
            case TYPE_UNIX -> switch (unixPrecision) {
                case "seconds" -> TimeUnit.MILLISECONDS.toSeconds(ms);
                case "microseconds" -> TimeUnit.MILLISECONDS.toMicros(ms);
                case "nanoseconds" -> TimeUnit.MILLISECONDS.toNanos(ms);
                default -> ms;
            };
            case TYPE_DATE -> new java.util.Date(ms - Math.floorMod(ms, MILLIS_PER_DAY));
            case TYPE_TIME -> new java.util.Date(Math.floorMod(ms, MILLIS_PER_DAY));
            default -> raw;
        };
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Converts in the key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends TimestampConverter<R> {
        /** Creates the transformation. */
        public Key() {
            super(true);
        }
    }

    /**
     * Converts in the value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends TimestampConverter<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
