package io.runnel.connect.transforms;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.transforms.util.Requirements;
import io.runnel.connect.transforms.util.TransformConfig;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Replaces the listed {@code fields} of the key or value with an empty value of their type (0, false, "",
 * epoch 0, an empty list or map), or with {@code replacement} parsed as the field's type (numbers and strings
 * only), as Kafka Connect's {@code MaskField}. The schema is unchanged. A null key or value is a {@link
 * DataException}, as in Kafka.
 *
 * @param <R> the record type
 */
public abstract class MaskField<R extends ConnectRecord<R>> extends KeyOrValueTransformation<R> {

    private static final String PURPOSE = "mask fields";

    private static final ConfigDef CONFIG_DEF = TransformConfig.withReplaceNullWithDefault(new ConfigDef()
            .define("fields", ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, TransformConfig.nonEmptyList(),
                    ConfigDef.Importance.HIGH, "Names of fields to mask.")
            .define("replacement", ConfigDef.Type.STRING, null, (name, value) -> {
                if (value != null && ((String) value).isEmpty()) {
                    throw new ConfigException(name, value, "String must be non-empty");
                }
            }, ConfigDef.Importance.LOW, "Custom value replacement, that will be applied to all 'fields' values "
                    + "(numeric or non-empty string values only)."));

    private static final Map<Class<?>, Object> EMPTY_VALUES = new HashMap<>();
    private static final Map<Class<?>, Function<String, ?>> REPLACEMENT_PARSERS = new HashMap<>();

    static {
        EMPTY_VALUES.put(Boolean.class, Boolean.FALSE);
        EMPTY_VALUES.put(Byte.class, (byte) 0);
        EMPTY_VALUES.put(Short.class, (short) 0);
        EMPTY_VALUES.put(Integer.class, 0);
        EMPTY_VALUES.put(Long.class, 0L);
        EMPTY_VALUES.put(Float.class, 0f);
        EMPTY_VALUES.put(Double.class, 0d);
        EMPTY_VALUES.put(BigInteger.class, BigInteger.ZERO);
        EMPTY_VALUES.put(BigDecimal.class, BigDecimal.ZERO);
        EMPTY_VALUES.put(java.util.Date.class, new java.util.Date(0));
        EMPTY_VALUES.put(String.class, "");

        REPLACEMENT_PARSERS.put(Byte.class, Byte::parseByte);
        REPLACEMENT_PARSERS.put(Short.class, Short::parseShort);
        REPLACEMENT_PARSERS.put(Integer.class, Integer::parseInt);
        REPLACEMENT_PARSERS.put(Long.class, Long::parseLong);
        REPLACEMENT_PARSERS.put(Float.class, Float::parseFloat);
        REPLACEMENT_PARSERS.put(Double.class, Double::parseDouble);
        REPLACEMENT_PARSERS.put(String.class, Function.identity());
        REPLACEMENT_PARSERS.put(BigDecimal.class, BigDecimal::new);
        REPLACEMENT_PARSERS.put(BigInteger.class, BigInteger::new);
    }

    private Set<String> maskedFields;
    private String replacement;

    MaskField(boolean key) {
        super(key);
    }

    @Override
    public void configure(Map<String, ?> props) {
        TransformConfig config = new TransformConfig(CONFIG_DEF, props);
        maskedFields = new HashSet<>(config.getList("fields"));
        replacement = config.getString("replacement");
        replaceNullWithDefault = config.getBoolean(TransformConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        if (operatingSchema(record) == null) {
            Map<String, Object> value = Requirements.requireMap(operatingValue(record), PURPOSE);
            Map<String, Object> updated = new HashMap<>(value);
            for (String field : maskedFields) {
                updated.put(field, masked(value.get(field)));
            }
            return newRecord(record, null, updated);
        }
        Struct value = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Struct updated = new Struct(value.schema());
        for (Field field : value.schema().fields()) {
            Object original = fieldValue(value, field);
            updated.put(field, maskedFields.contains(field.name()) ? masked(original) : original);
        }
        return newRecord(record, updated.schema(), updated);
    }

    private Object masked(Object value) {
        if (value == null) {
            return null;
        }
        if (replacement != null) {
            Function<String, ?> parser = REPLACEMENT_PARSERS.get(value.getClass());
            if (parser == null) {
                throw new DataException("Cannot mask value of type " + value.getClass() + " with custom replacement.");
            }
            try {
                return parser.apply(replacement);
            } catch (NumberFormatException e) {
                throw new DataException("Unable to convert " + replacement + " (" + replacement.getClass()
                        + ") to number", e);
            }
        }
        if (value instanceof List) {
            return List.of();
        }
        if (value instanceof Map) {
            return Map.of();
        }
        Object empty = EMPTY_VALUES.get(value.getClass());
        if (empty == null) {
            throw new DataException("Cannot mask value of type: " + value.getClass());
        }
        return empty;
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
    public static class Key<R extends ConnectRecord<R>> extends MaskField<R> {
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
    public static class Value<R extends ConnectRecord<R>> extends MaskField<R> {
        /** Creates the transformation. */
        public Value() {
            super(false);
        }
    }
}
