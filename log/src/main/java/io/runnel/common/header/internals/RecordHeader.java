package io.runnel.common.header.internals;

import io.runnel.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The plain {@link Header} implementation. Immutable; the value array is not copied.
 */
public final class RecordHeader implements Header {

    private final String key;
    private final byte[] value;

    /**
     * @param key   the key, not null
     * @param value the value, may be null
     * @throws NullPointerException if {@code key} is null
     */
    public RecordHeader(String key, byte[] value) {
        this.key = Objects.requireNonNull(key, "Null header keys are not permitted");
        this.value = value;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordHeader other && key.equals(other.key) && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RecordHeader(key = " + key + ", value = "
                + (value == null ? "null" : new String(value, StandardCharsets.UTF_8)) + ")";
    }
}
