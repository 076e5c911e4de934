package io.runnel.streams;

import java.util.Objects;

/**
 * A key-value pair, as Kafka Streams' {@code KeyValue}: what store iterators return and what
 * {@code KStream.map} produces. Immutable if its key and value are; either may be null.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KeyValue<K, V> {

    /** The key. */
    public final K key;
    /** The value. */
    public final V value;

    /**
     * @param key   the key, may be null
     * @param value the value, may be null
     */
    public KeyValue(K key, V value) {
        this.key = key;
        this.value = value;
    }

    /**
     * @param <K>   the key type
     * @param <V>   the value type
     * @param key   the key
     * @param value the value
     * @return a new pair
     */
    public static <K, V> KeyValue<K, V> pair(K key, V value) {
        return new KeyValue<>(key, value);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof KeyValue<?, ?> kv && Objects.deepEquals(key, kv.key)
                && Objects.deepEquals(value, kv.value));
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return "KeyValue(" + key + ", " + value + ")";
    }
}
