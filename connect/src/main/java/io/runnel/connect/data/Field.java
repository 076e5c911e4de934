package io.runnel.connect.data;

import java.util.Objects;

/**
 * One field of a STRUCT {@link Schema}: its name, position and schema. Immutable and thread-safe.
 */
public final class Field {

    private final String name;
    private final int index;
    private final Schema schema;

    /**
     * @param name   the field's name
     * @param index  its position in the struct, from 0
     * @param schema its schema
     */
    public Field(String name, int index, Schema schema) {
        this.name = name;
        this.index = index;
        this.schema = schema;
    }

    /** @return the field's name */
    public String name() {
        return name;
    }

    /** @return the position in the struct, from 0 */
    public int index() {
        return index;
    }

    /** @return the field's schema */
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && index == f.index && name.equals(f.name) && Objects.equals(schema, f.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, schema);
    }

    @Override
    public String toString() {
        return "Field{name=" + name + ", index=" + index + ", schema=" + schema + "}";
    }
}
