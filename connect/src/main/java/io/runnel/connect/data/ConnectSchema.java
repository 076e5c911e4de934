package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable {@link Schema} implementation, and the checks of a Java value against a schema.
 *
 * <p>Instances are immutable and thread-safe. Two schemas are equal when every property is: type, optionality,
 * default, name, version, doc, parameters, fields, key and value schemas (a {@link SchemaBuilder} never equals a
 * built schema, as in Kafka).
 */
public class ConnectSchema implements Schema {

    private static final Map<Type, List<Class<?>>> SCHEMA_TYPE_CLASSES = new EnumMap<>(Type.class);
    private static final Map<String, List<Class<?>>> LOGICAL_TYPE_CLASSES = new LinkedHashMap<>();
    private static final Map<Class<?>, Type> JAVA_CLASS_SCHEMA_TYPES = new LinkedHashMap<>();

    static {
        SCHEMA_TYPE_CLASSES.put(Type.INT8, List.of(Byte.class));
        SCHEMA_TYPE_CLASSES.put(Type.INT16, List.of(Short.class));
        SCHEMA_TYPE_CLASSES.put(Type.INT32, List.of(Integer.class));
        SCHEMA_TYPE_CLASSES.put(Type.INT64, List.of(Long.class));
        SCHEMA_TYPE_CLASSES.put(Type.FLOAT32, List.of(Float.class));
        SCHEMA_TYPE_CLASSES.put(Type.FLOAT64, List.of(Double.class));
        SCHEMA_TYPE_CLASSES.put(Type.BOOLEAN, List.of(Boolean.class));
        SCHEMA_TYPE_CLASSES.put(Type.STRING, List.of(String.class));
        SCHEMA_TYPE_CLASSES.put(Type.BYTES, List.of(byte[].class, ByteBuffer.class));
        SCHEMA_TYPE_CLASSES.put(Type.ARRAY, List.of(List.class));
        SCHEMA_TYPE_CLASSES.put(Type.MAP, List.of(Map.class));
        SCHEMA_TYPE_CLASSES.put(Type.STRUCT, List.of(Struct.class));
        SCHEMA_TYPE_CLASSES.forEach((type, classes) -> classes.forEach(c -> JAVA_CLASS_SCHEMA_TYPES.put(c, type)));

        LOGICAL_TYPE_CLASSES.put(Decimal.LOGICAL_NAME, List.of(BigDecimal.class));
        LOGICAL_TYPE_CLASSES.put(Date.LOGICAL_NAME, List.of(java.util.Date.class));
        LOGICAL_TYPE_CLASSES.put(Time.LOGICAL_NAME, List.of(java.util.Date.class));
        LOGICAL_TYPE_CLASSES.put(Timestamp.LOGICAL_NAME, List.of(java.util.Date.class));
    }

    private final Type type;
    private final boolean optional;
    private final Object defaultValue;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Schema keySchema;
    private final Schema valueSchema;
    private final String name;
    private final Integer version;
    private final String doc;
    private final Map<String, String> parameters;

    /**
     * Creates a schema; most code uses {@link SchemaBuilder} instead.
     *
     * @param type         the type
     * @param optional     whether null is valid
     * @param defaultValue the default, or null
     * @param name         the name, or null
     * @param version      the version, or null
     * @param doc          documentation, or null
     * @param parameters   string properties, or null
     * @param fields       the fields of a STRUCT (null or empty otherwise)
     * @param keySchema    the key schema of a MAP, or null
     * @param valueSchema  the element schema of an ARRAY or value schema of a MAP, or null
     * @throws DataException if fields are given for a non-STRUCT type
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc,
                         Map<String, String> parameters, List<Field> fields, Schema keySchema, Schema valueSchema) {
        this.type = Objects.requireNonNull(type, "type");
        this.optional = optional;
        this.defaultValue = defaultValue;
        this.name = name;
        this.version = version;
        this.doc = doc;
        this.parameters = parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (type == Type.STRUCT) {
            this.fields = fields == null ? List.of() : List.copyOf(fields);
            Map<String, Field> byName = new LinkedHashMap<>();
            for (Field f : this.fields) {
                byName.put(f.name(), f);
            }
            this.fieldsByName = Collections.unmodifiableMap(byName);
        } else {
            if (fields != null && !fields.isEmpty()) {
                throw new DataException("Non-struct schemas should not have fields.");
            }
            this.fields = null;
            this.fieldsByName = null;
        }
        this.keySchema = keySchema;
        this.valueSchema = valueSchema;
    }

    /**
     * A schema with no fields, key or value schema.
     *
     * @param type         the type
     * @param optional     whether null is valid
     * @param defaultValue the default, or null
     * @param name         the name, or null
     * @param version      the version, or null
     * @param doc          documentation, or null
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc) {
        this(type, optional, defaultValue, name, version, doc, null, null, null, null);
    }

    /** @param type a primitive type; the schema is required and unnamed */
    public ConnectSchema(Type type) {
        this(type, false, null, null, null, null);
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean isOptional() {
        return optional;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer version() {
        return version;
    }

    @Override
    public String doc() {
        return doc;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list fields on non-struct type");
        }
        return fields;
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up fields on non-struct type");
        }
        return fieldsByName.get(fieldName);
    }

    @Override
    public Schema keySchema() {
        if (type != Type.MAP) {
            throw new DataException("Cannot look up key schema on non-map type");
        }
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        if (type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Cannot look up value schema on non-array and non-map type");
        }
        return valueSchema;
    }

    @Override
    public Schema schema() {
        return this;
    }

    /**
     * Checks a value against a schema, recursively.
     *
     * @param schema the schema
     * @param value  the value, may be null
     * @throws DataException naming what does not match
     */
    public static void validateValue(Schema schema, Object value) {
        validateValue(null, schema, value);
    }

    /**
     * Checks a value against a schema, recursively, naming the field in messages.
     *
     * @param field  the field name for messages, or null
     * @param schema the schema
     * @param value  the value, may be null
     * @throws DataException naming what does not match
     */
    public static void validateValue(String field, Schema schema, Object value) {
        String location = field == null ? "" : " for field: \"" + field + "\"";
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("Invalid value: null used for required field: \"" + field
                        + "\", schema type: " + schema.type());
            }
            return;
        }
        List<Class<?>> expected = expectedClassesFor(schema);
        boolean match = false;
        for (Class<?> c : expected) {
            if (c.isInstance(value)) {
                match = true;
                break;
            }
        }
        if (!match) {
            throw new DataException("Invalid Java object for schema" + (schema.name() == null ? ""
                    : " \"" + schema.name() + "\"") + " with type " + schema.type() + ": " + value.getClass()
                    + location);
        }
        switch (schema.type()) {
            case STRUCT -> {
                Struct struct = (Struct) value;
                if (!struct.schema().equals(schema)) {
                    throw new DataException("Struct schemas do not match" + location + ".");
                }
                struct.validate();
            }
            case ARRAY -> {
                for (Object element : (List<?>) value) {
                    validateValue(field, schema.valueSchema(), element);
                }
            }
            case MAP -> {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    validateValue(field, schema.keySchema(), e.getKey());
                    validateValue(field, schema.valueSchema(), e.getValue());
                }
            }
            default -> {
            }
        }
    }

    private static List<Class<?>> expectedClassesFor(Schema schema) {
        List<Class<?>> logical = schema.name() == null ? null : LOGICAL_TYPE_CLASSES.get(schema.name());
        return logical != null ? logical : SCHEMA_TYPE_CLASSES.get(schema.type());
    }

    /**
     * Checks a value against this schema.
     *
     * @param value the value
     * @throws DataException naming what does not match
     */
    public void validateValue(Object value) {
        validateValue(this, value);
    }

    /**
     * The schema type whose Java representation {@code klass} is.
     *
     * @param klass a Java class
     * @return the type, or null when the class represents none
     */
    public static Type schemaType(Class<?> klass) {
        Type direct = JAVA_CLASS_SCHEMA_TYPES.get(klass);
        if (direct != null) {
            return direct;
        }
        for (Map.Entry<Class<?>, Type> e : JAVA_CLASS_SCHEMA_TYPES.entrySet()) {
            if (e.getKey().isAssignableFrom(klass)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectSchema s = (ConnectSchema) o;
        return optional == s.optional && type == s.type && Objects.equals(version, s.version)
                && Objects.deepEquals(defaultValue, s.defaultValue) && Objects.equals(name, s.name)
                && Objects.equals(doc, s.doc) && Objects.equals(parameters, s.parameters)
                && Objects.equals(fields, s.fields) && Objects.equals(keySchema, s.keySchema)
                && Objects.equals(valueSchema, s.valueSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, optional, defaultValue instanceof byte[] b ? java.util.Arrays.hashCode(b)
                : defaultValue, fields, keySchema, valueSchema, name, version, doc, parameters);
    }

    @Override
    public String toString() {
        return name != null ? "Schema{" + name + ":" + type + "}" : "Schema{" + type + "}";
    }
}
