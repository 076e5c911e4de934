package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a STRUCT {@link Schema}: one slot per field. {@link #put} checks each value against its field's
 * schema as it is set; {@link #validate()} checks that every required field without a default has a value.
 * {@link #get} returns a field's default when its slot is empty; {@link #getWithoutDefault} does not.
 *
 * <p>Mutable and not thread-safe; do not modify a struct after handing it to the framework.
 */
public class Struct {

    private final Schema schema;
    private final Object[] values;

    /**
     * @param schema a STRUCT schema
     * @throws DataException if the schema is not a STRUCT
     */
    public Struct(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException("Not a struct schema: " + schema);
        }
        this.schema = schema;
        this.values = new Object[schema.fields().size()];
    }

    /** @return the struct's schema */
    public Schema schema() {
        return schema;
    }

    /**
     * @param fieldName a field
     * @return its value, or the field's default when unset (may be null)
     * @throws DataException if there is no such field
     */
    public Object get(String fieldName) {
        return get(lookupField(fieldName));
    }

    /**
     * @param field a field of this struct's schema
     * @return its value, or the field's default when unset (may be null)
     */
    public Object get(Field field) {
        Object value = values[field.index()];
        if (value == null && field.schema().defaultValue() != null) {
            value = field.schema().defaultValue();
        }
        return value;
    }

    /**
     * @param fieldName a field
     * @return its value as set, ignoring the default (may be null)
     * @throws DataException if there is no such field
     */
    public Object getWithoutDefault(String fieldName) {
        return values[lookupField(fieldName).index()];
    }

    /**
     * @param fieldName an INT8 field
     * @return its value as set (no default), or null
     * @throws DataException if there is no such field or it is not INT8
     */
    public Byte getInt8(String fieldName) {
        return (Byte) getCheckType(fieldName, Schema.Type.INT8);
    }

    /**
     * @param fieldName an INT16 field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not INT16
     */
    public Short getInt16(String fieldName) {
        return (Short) getCheckType(fieldName, Schema.Type.INT16);
    }

    /**
     * @param fieldName an INT32 field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not INT32
     */
    public Integer getInt32(String fieldName) {
        return (Integer) getCheckType(fieldName, Schema.Type.INT32);
    }

    /**
     * @param fieldName an INT64 field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not INT64
     */
    public Long getInt64(String fieldName) {
        return (Long) getCheckType(fieldName, Schema.Type.INT64);
    }

    /**
     * @param fieldName a FLOAT32 field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not FLOAT32
     */
    public Float getFloat32(String fieldName) {
        return (Float) getCheckType(fieldName, Schema.Type.FLOAT32);
    }

    /**
     * @param fieldName a FLOAT64 field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not FLOAT64
     */
    public Double getFloat64(String fieldName) {
        return (Double) getCheckType(fieldName, Schema.Type.FLOAT64);
    }

    /**
     * @param fieldName a BOOLEAN field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not BOOLEAN
     */
    public Boolean getBoolean(String fieldName) {
        return (Boolean) getCheckType(fieldName, Schema.Type.BOOLEAN);
    }

    /**
     * @param fieldName a STRING field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not STRING
     */
    public String getString(String fieldName) {
        return (String) getCheckType(fieldName, Schema.Type.STRING);
    }

    /**
     * @param fieldName a BYTES field
     * @return its value as set (a {@link ByteBuffer} is copied out to an array), or null
     * @throws DataException if there is no such field or it is not BYTES
     */
    public byte[] getBytes(String fieldName) {
        Object bytes = getCheckType(fieldName, Schema.Type.BYTES);
        if (bytes instanceof ByteBuffer buffer) {
            ByteBuffer dup = buffer.duplicate();
            byte[] copy = new byte[dup.remaining()];
            dup.get(copy);
            return copy;
        }
        return (byte[]) bytes;
    }

    /**
     * @param <T>       the element type
     * @param fieldName an ARRAY field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not ARRAY
     */
    @SuppressWarnings("unchecked") // the caller states the element type, as in Kafka's API
    public <T> List<T> getArray(String fieldName) {
        return (List<T>) getCheckType(fieldName, Schema.Type.ARRAY);
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param fieldName a MAP field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not MAP
     */
    @SuppressWarnings("unchecked") // the caller states the key and value types, as in Kafka's API
    public <K, V> Map<K, V> getMap(String fieldName) {
        return (Map<K, V>) getCheckType(fieldName, Schema.Type.MAP);
    }

    /**
     * @param fieldName a STRUCT field
     * @return its value as set, or null
     * @throws DataException if there is no such field or it is not STRUCT
     */
    public Struct getStruct(String fieldName) {
        return (Struct) getCheckType(fieldName, Schema.Type.STRUCT);
    }

    /**
     * Sets a field after checking the value against the field's schema.
     *
     * @param fieldName a field
     * @param value     the value (null only for optional fields)
     * @return this
     * @throws DataException if there is no such field or the value does not fit its schema
     */
    public Struct put(String fieldName, Object value) {
        return put(lookupField(fieldName), value);
    }

    /**
     * Sets a field after checking the value against the field's schema.
     *
     * @param field a field of this struct's schema
     * @param value the value
     * @return this
     * @throws DataException if the field is null or the value does not fit its schema
     */
    public Struct put(Field field, Object value) {
        if (field == null) {
            throw new DataException("field cannot be null.");
        }
        ConnectSchema.validateValue(field.name(), field.schema(), value);
        values[field.index()] = value;
        return this;
    }

    /**
     * Checks that every required field without a default has a valid value.
     *
     * @throws DataException naming the first field that does not
     */
    public void validate() {
        for (Field field : schema.fields()) {
            Object value = values[field.index()];
            if (value == null && (field.schema().isOptional() || field.schema().defaultValue() != null)) {
                continue;
            }
            ConnectSchema.validateValue(field.name(), field.schema(), value);
        }
    }

    private Field lookupField(String fieldName) {
        Field field = schema.field(fieldName);
        if (field == null) {
            throw new DataException(fieldName + " is not a valid field name");
        }
        return field;
    }

    private Object getCheckType(String fieldName, Schema.Type type) {
        Field field = lookupField(fieldName);
        if (field.schema().type() != type) {
            throw new DataException("Field '" + fieldName + "' is not of type " + type);
        }
        return values[field.index()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struct s && Objects.equals(schema, s.schema) && Arrays.deepEquals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Struct{");
        boolean first = true;
        for (Field field : schema.fields()) {
            Object value = values[field.index()];
            if (value != null) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(field.name()).append('=').append(value instanceof byte[] b ? Arrays.toString(b)
                        : value instanceof BigDecimal d ? d.toPlainString() : value);
            }
        }
        return sb.append('}').toString();
    }
}
