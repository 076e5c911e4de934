package io.runnel.connect.data;

import java.util.Objects;

/**
 * A value with its schema, as converters return them. Either part may be null (a schemaless value, or a null
 * value). Immutable.
 */
public final class SchemaAndValue {

    /** No schema and no value. */
    public static final SchemaAndValue NULL = new SchemaAndValue(null, null);

    private final Schema schema;
    private final Object value;

    /**
     * @param schema the schema, or null when schemaless
     * @param value  the value, or null
     */
    public SchemaAndValue(Schema schema, Object value) {
        this.schema = schema;
        this.value = value;
    }

    /** @return the schema, or null */
    public Schema schema() {
        return schema;
    }

    /** @return the value, or null */
    public Object value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaAndValue that && Objects.equals(schema, that.schema)
                && Objects.deepEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, value);
    }

    @Override
    public String toString() {
        return "SchemaAndValue{schema=" + schema + ", value=" + value + "}";
    }
}
