package io.runnel.connect.header;

import io.runnel.connect.data.Schema;

import java.util.Objects;

/** The {@link Header} implementation. Immutable. */
public class ConnectHeader implements Header {

    private final String key;
    private final Schema schema;
    private final Object value;

    /**
     * @param key    the key, not null
     * @param schema the schema, or null
     * @param value  the value, or null
     * @throws NullPointerException if {@code key} is null
     */
    public ConnectHeader(String key, Schema schema, Object value) {
        this.key = Objects.requireNonNull(key, "Null header keys are not permitted");
        this.schema = schema;
        this.value = value;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public Header with(Schema schema, Object value) {
        return new ConnectHeader(key, schema, value);
    }

    @Override
    public Header rename(String key) {
        return new ConnectHeader(key, schema, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && key.equals(h.key()) && Objects.equals(schema, h.schema())
                && Objects.deepEquals(value, h.value());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, schema, value);
    }

    @Override
    public String toString() {
        return "ConnectHeader(key=" + key + ", value=" + value + ", schema=" + schema + ")";
    }
}
