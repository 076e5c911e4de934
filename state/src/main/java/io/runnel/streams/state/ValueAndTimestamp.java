package io.runnel.streams.state;

import java.util.Objects;

/**
 * A value with the timestamp (ms) of the record that last updated it: the value type of timestamped stores, which
 * KTables use. Immutable if the value is. Stored as an 8-byte big-endian timestamp followed by the value bytes.
 *
 * @param <V> the value type
 */
public final class ValueAndTimestamp<V> {

    private final V value;
    private final long timestamp;

    private ValueAndTimestamp(V value, long timestamp) {
        this.value = Objects.requireNonNull(value, "value");
        this.timestamp = timestamp;
    }

    /**
     * @param <V>       the value type
     * @param value     the value, or null
     * @param timestamp the timestamp in ms
     * @return the pair, or null if the value is null (so that "no value" stays null in stores)
     */
    public static <V> ValueAndTimestamp<V> make(V value, long timestamp) {
        return value == null ? null : new ValueAndTimestamp<>(value, timestamp);
    }

    /**
     * @param <V>               the value type
     * @param valueAndTimestamp a pair, or null
     * @return its value, or null
     */
    public static <V> V getValueOrNull(ValueAndTimestamp<V> valueAndTimestamp) {
        return valueAndTimestamp == null ? null : valueAndTimestamp.value;
    }

    /** @return the value, never null */
    public V value() {
        return value;
    }

    /** @return the timestamp in ms */
    public long timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueAndTimestamp<?> v && timestamp == v.timestamp && Objects.deepEquals(value, v.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp);
    }

    @Override
    public String toString() {
        return "<" + value + "," + timestamp + ">";
    }
}
