package io.runnel.streams.processor.api;

import io.runnel.common.header.Headers;
import io.runnel.common.header.internals.RecordHeaders;

import java.util.Objects;

/**
 * A record flowing through a topology, as Kafka's {@code Record}: key, value, timestamp (ms) and headers.
 *
 * <p>Immutable in its key, value and timestamp: the {@code with*} methods return new records, which is how a
 * processor derives its output from its input ({@code context.forward(record.withValue(v))}). The headers are a
 * mutable {@link Headers} shared by the copies; call {@link #withHeaders} with a copy to change them for one branch
 * only. Not thread-safe (records live on one task's thread).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Record<K, V> {

    private final K key;
    private final V value;
    private final long timestamp;
    private final Headers headers;

    /**
     * @param key       the key, may be null
     * @param value     the value, may be null
     * @param timestamp the timestamp in ms since the epoch; must be {@code >= 0}
     * @param headers   the headers, or null for none (a new empty set)
     * @throws IllegalArgumentException if {@code timestamp} is negative
     */
    public Record(K key, V value, long timestamp, Headers headers) {
        this.key = key;
        this.value = value;
        if (timestamp < 0) {
            throw new IllegalArgumentException("Record timestamp must be >= 0 (ms since the epoch), got " + timestamp
                    + "; a timestamp extractor that returns negative values must drop or fix such records");
        }
        this.timestamp = timestamp;
        this.headers = headers == null ? new RecordHeaders() : headers;
    }

    /**
     * A record with empty headers.
     *
     * @param key       the key, may be null
     * @param value     the value, may be null
     * @param timestamp the timestamp in ms; must be {@code >= 0}
     * @throws IllegalArgumentException if {@code timestamp} is negative
     */
    public Record(K key, V value, long timestamp) {
        this(key, value, timestamp, null);
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

    /** @return the headers (mutable, shared with records derived by the {@code with*} methods) */
    public Headers headers() {
        return headers;
    }

    /**
     * @param <NewK> the new key type
     * @param key    the new key
     * @return a copy with this key
     */
    public <NewK> Record<NewK, V> withKey(NewK key) {
        return new Record<>(key, value, timestamp, headers);
    }

    /**
     * @param <NewV> the new value type
     * @param value  the new value
     * @return a copy with this value
     */
    public <NewV> Record<K, NewV> withValue(NewV value) {
        return new Record<>(key, value, timestamp, headers);
    }

    /**
     * @param timestamp the new timestamp in ms; must be {@code >= 0}
     * @return a copy with this timestamp
     * @throws IllegalArgumentException if {@code timestamp} is negative
     */
    public Record<K, V> withTimestamp(long timestamp) {
        return new Record<>(key, value, timestamp, headers);
    }

    /**
     * @param headers the new headers, or null for none
     * @return a copy with these headers
     */
    public Record<K, V> withHeaders(Headers headers) {
        return new Record<>(key, value, timestamp, headers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record<?, ?> r && timestamp == r.timestamp && Objects.equals(key, r.key)
                && Objects.equals(value, r.value) && Objects.equals(headers, r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, timestamp, headers);
    }

    @Override
    public String toString() {
        return "Record{key=" + key + ", value=" + value + ", timestamp=" + timestamp + ", headers=" + headers + "}";
    }
}
