package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;
import io.runnel.connect.errors.SchemaBuilderException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Schema}s fluently, as Kafka Connect's {@code SchemaBuilder}:
 *
 * <pre>{@code
 * Schema person = SchemaBuilder.struct().name("com.example.Person").version(1)
 *     .field("name", Schema.STRING_SCHEMA)
 *     .field("age", SchemaBuilder.int32().optional().defaultValue(0).build())
 *     .build();
 * }</pre>
 *
 * <p>Each property may be set once ({@link SchemaBuilderException} otherwise); a default value is checked against
 * the schema as it stands when it is set. A builder is itself a {@link Schema} (so a struct's default can be
 * checked while it is being built) but never equals a built one. Not thread-safe.
 */
public class SchemaBuilder implements Schema {

    private static final String TYPE_FIELD = "type";
    private static final String OPTIONAL_FIELD = "optional";
    private static final String DEFAULT_FIELD = "default";
    private static final String NAME_FIELD = "name";
    private static final String VERSION_FIELD = "version";
    private static final String DOC_FIELD = "doc";

    private final Type type;
    private Boolean optional;
    private Object defaultValue;
    private Map<String, Field> fields;
    private Schema keySchema;
    private Schema valueSchema;
    private String name;
    private Integer version;
    private String doc;
    private Map<String, String> parameters;

    /**
     * @param type the schema's type
     * @throws SchemaBuilderException if {@code type} is null
     */
    public SchemaBuilder(Type type) {
        if (type == null) {
            throw new SchemaBuilderException("type cannot be null");
        }
        this.type = type;
        if (type == Type.STRUCT) {
            fields = new LinkedHashMap<>();
        }
    }

    @Override
    public boolean isOptional() {
        return optional != null && optional;
    }

    /** @return this, marked optional (null is a valid value) */
    public SchemaBuilder optional() {
        checkCanSet(OPTIONAL_FIELD, optional, true);
        optional = true;
        return this;
    }

    /** @return this, marked required (the default) */
    public SchemaBuilder required() {
        checkCanSet(OPTIONAL_FIELD, optional, false);
        optional = false;
        return this;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    /**
     * @param value the default, which must be valid for the schema as built so far
     * @return this
     * @throws SchemaBuilderException if already set or the value does not fit the schema
     */
    public SchemaBuilder defaultValue(Object value) {
        checkCanSet(DEFAULT_FIELD, defaultValue, value);
        checkNotNull(TYPE_FIELD, type, DEFAULT_FIELD);
        try {
            ConnectSchema.validateValue(this, value);
        } catch (DataException e) {
            throw new SchemaBuilderException("Invalid default value", e);
        }
        defaultValue = value;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * @param name the fully qualified name
     * @return this
     * @throws SchemaBuilderException if already set
     */
    public SchemaBuilder name(String name) {
        checkCanSet(NAME_FIELD, this.name, name);
        this.name = name;
        return this;
    }

    @Override
    public Integer version() {
        return version;
    }

    /**
     * @param version the version of a named schema (later versions are newer)
     * @return this
     * @throws SchemaBuilderException if already set
     */
    public SchemaBuilder version(Integer version) {
        checkCanSet(VERSION_FIELD, this.version, version);
        this.version = version;
        return this;
    }

    @Override
    public String doc() {
        return doc;
    }

    /**
     * @param doc documentation
     * @return this
     * @throws SchemaBuilderException if already set
     */
    public SchemaBuilder doc(String doc) {
        checkCanSet(DOC_FIELD, this.doc, doc);
        this.doc = doc;
        return this;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters == null ? null : Collections.unmodifiableMap(parameters);
    }

    /**
     * @param propertyName  a parameter name
     * @param propertyValue its value
     * @return this
     */
    public SchemaBuilder parameter(String propertyName, String propertyValue) {
        if (parameters == null) {
            parameters = new LinkedHashMap<>();
        }
        parameters.put(propertyName, propertyValue);
        return this;
    }

    /**
     * @param props parameters to add
     * @return this
     */
    public SchemaBuilder parameters(Map<String, String> props) {
        if (parameters == null) {
            parameters = new LinkedHashMap<>();
        }
        parameters.putAll(props);
        return this;
    }

    @Override
    public Type type() {
        return type;
    }

    /**
     * @param type a type
     * @return a builder for it
     */
    public static SchemaBuilder type(Type type) {
        return new SchemaBuilder(type);
    }

    /** @return a builder for an INT8 */
    public static SchemaBuilder int8() {
        return new SchemaBuilder(Type.INT8);
    }

    /** @return a builder for an INT16 */
    public static SchemaBuilder int16() {
        return new SchemaBuilder(Type.INT16);
    }

    /** @return a builder for an INT32 */
    public static SchemaBuilder int32() {
        return new SchemaBuilder(Type.INT32);
    }

    /** @return a builder for an INT64 */
    public static SchemaBuilder int64() {
        return new SchemaBuilder(Type.INT64);
    }

    /** @return a builder for a FLOAT32 */
    public static SchemaBuilder float32() {
        return new SchemaBuilder(Type.FLOAT32);
    }

    /** @return a builder for a FLOAT64 */
    public static SchemaBuilder float64() {
        return new SchemaBuilder(Type.FLOAT64);
    }

    /** @return a builder for a BOOLEAN */
    public static SchemaBuilder bool() {
        return new SchemaBuilder(Type.BOOLEAN);
    }

    /** @return a builder for a STRING */
    public static SchemaBuilder string() {
        return new SchemaBuilder(Type.STRING);
    }

    /** @return a builder for BYTES */
    public static SchemaBuilder bytes() {
        return new SchemaBuilder(Type.BYTES);
    }

    /** @return a builder for a STRUCT; add fields with {@link #field(String, Schema)} */
    public static SchemaBuilder struct() {
        return new SchemaBuilder(Type.STRUCT);
    }

    /**
     * @param fieldName   the field's name, unique in the struct
     * @param fieldSchema its schema
     * @return this
     * @throws SchemaBuilderException if this is not a struct, the name is empty or taken, or the schema is null
     */
    public SchemaBuilder field(String fieldName, Schema fieldSchema) {
        if (type != Type.STRUCT) {
            throw new SchemaBuilderException("Cannot create fields on type " + type);
        }
        if (fieldName == null || fieldName.isEmpty()) {
            throw new SchemaBuilderException("fieldName cannot be null.");
        }
        if (fieldSchema == null) {
            throw new SchemaBuilderException("fieldSchema for field " + fieldName + " cannot be null.");
        }
        if (fields.containsKey(fieldName)) {
            throw new SchemaBuilderException("Cannot create field because of field name duplication " + fieldName);
        }
        fields.put(fieldName, new Field(fieldName, fields.size(), fieldSchema));
        return this;
    }

    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list fields on non-struct type");
        }
        return new ArrayList<>(fields.values());
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up fields on non-struct type");
        }
        return fields.get(fieldName);
    }

    /**
     * @param valueSchema the element schema
     * @return a builder for an ARRAY
     * @throws SchemaBuilderException if {@code valueSchema} is null
     */
    public static SchemaBuilder array(Schema valueSchema) {
        if (valueSchema == null) {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.ARRAY);
        builder.valueSchema = valueSchema;
        return builder;
    }

    /**
     * @param keySchema   the key schema
     * @param valueSchema the value schema
     * @return a builder for a MAP
     * @throws SchemaBuilderException if either schema is null
     */
    public static SchemaBuilder map(Schema keySchema, Schema valueSchema) {
        if (keySchema == null) {
            throw new SchemaBuilderException("keySchema cannot be null.");
        }
        if (valueSchema == null) {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.MAP);
        builder.keySchema = keySchema;
        builder.valueSchema = valueSchema;
        return builder;
    }

    @Override
    public Schema keySchema() {
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        return valueSchema;
    }

    /** @return the immutable schema described so far */
    public Schema build() {
        return new ConnectSchema(type, isOptional(), defaultValue, name, version, doc,
                parameters == null ? null : Collections.unmodifiableMap(parameters),
                fields == null ? null : new ArrayList<>(fields.values()), keySchema, valueSchema);
    }

    @Override
    public Schema schema() {
        return build();
    }

    private static void checkCanSet(String fieldName, Object fieldVal, Object val) {
        if (fieldVal != null && fieldVal != val) {
            throw new SchemaBuilderException("Invalid SchemaBuilder call: " + fieldName + " has already been set.");
        }
    }

    private static void checkNotNull(String fieldName, Object val, String fieldToSet) {
        if (val == null) {
            throw new SchemaBuilderException("Invalid SchemaBuilder call: " + fieldName
                    + " must be specified to set " + fieldToSet);
        }
    }
}
