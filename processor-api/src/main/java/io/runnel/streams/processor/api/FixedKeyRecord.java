package io.runnel.streams.processor.api;

import io.runnel.common.header.Headers;

import java.util.Objects;

/**
 * A record whose key a {@link FixedKeyProcessor} cannot change, as Kafka's {@code FixedKeyRecord}: it can only be
 * derived from the input record ({@link #withValue}, {@link #withTimestamp}, {@link #withHeaders}), so the runtime
 * knows the key, and with it the partitioning, is unchanged. Instances are created by the runtime only
 * ({@link InternalFixedKeyRecordFactory}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class FixedKeyRecord<K, V> {

    private final K key;
    private final V value;
    private final long timestamp;
    private final Headers headers;

    FixedKeyRecord(K key, V value, long timestamp, Headers headers) {
        this.key = key;
        this.value = value;
        if (timestamp < 0) {
            throw new IllegalArgumentException("Record timestamp must be >= 0 (ms since the epoch), got " + timestamp);
        }
        this.timestamp = timestamp;
        this.headers = headers;
    }

    /** @return the key, may be null */
    public K key() {
        return key;
    }

    /** @return the value, may be null */
    public V value() {
        return value;
    }

    /** @return the timestamp in ms since the epoch */
    public long timestamp() {
        return timestamp;
    }

    /** @return the headers (mutable, shared with derived records) */
    public Headers headers() {
        return headers;
    }

    /**
     * @param <NewV> the new value type
     * @param value  the new value
     * @return a copy with this value
     */
    public <NewV> FixedKeyRecord<K, NewV> withValue(NewV value) {
        return new FixedKeyRecord<>(key, value, timestamp, headers);
    }

    /**
     * @param timestamp the new timestamp in ms; must be {@code >= 0}
     * @return a copy with this timestamp
     * @throws IllegalArgumentException if {@code timestamp} is negative
     */
    public FixedKeyRecord<K, V> withTimestamp(long timestamp) {
        return new FixedKeyRecord<>(key, value, timestamp, headers);
    }

    /**
     * @param headers the new headers, not null
     * @return a copy with these headers
     */
    public FixedKeyRecord<K, V> withHeaders(Headers headers) {
        return new FixedKeyRecord<>(key, value, timestamp, Objects.requireNonNull(headers, "headers"));
    }

    /** @return this record as a plain {@link Record} (for the runtime's forwarding) */
    public Record<K, V> toRecord() {
        return new Record<>(key, value, timestamp, headers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedKeyRecord<?, ?> r && timestamp == r.timestamp && Objects.equals(key, r.key)
                && Objects.equals(value, r.value) && Objects.equals(headers, r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, timestamp, headers);
    }

    @Override
    public String toString() {
        return "FixedKeyRecord{key=" + key + ", value=" + value + ", timestamp=" + timestamp + ", headers=" + headers
                + "}";
    }
}
