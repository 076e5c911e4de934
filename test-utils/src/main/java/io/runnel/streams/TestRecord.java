package io.runnel.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.header.Headers;
import io.runnel.common.header.internals.RecordHeaders;

import java.time.Instant;
import java.util.Objects;

/**
 * A record piped into or read from a test topic (Kafka's {@code TestRecord}): key, value, headers and record
 * time. A null record time means "use the input topic's current time" when piping. Immutable except for its headers.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TestRecord<K, V> {

    private final K key;
    private final V value;
    private final Headers headers;
    private final Instant recordTime;

    /**
     * @param key        the key
     * @param value      the value
     * @param headers    the headers, or null for none
     * @param recordTime the record time, or null for the input topic's current time
     */
    public TestRecord(K key, V value, Headers headers, Instant recordTime) {
        this.key = key;
        this.value = value;
        this.headers = headers == null ? new RecordHeaders() : headers;
        this.recordTime = recordTime;
    }

    /**
     * @param key              the key
     * @param value            the value
     * @param headers          the headers, or null
     * @param timestampMs      the record time in ms, or null
     * @throws IllegalArgumentException if the timestamp is negative
     */
    public TestRecord(K key, V value, Headers headers, Long timestampMs) {
        this(key, value, headers, timestampMs == null ? null : instant(timestampMs));
    }

    /**
     * @param key   the key
     * @param value the value
     * @param recordTime the record time, or null
     */
    public TestRecord(K key, V value, Instant recordTime) {
        this(key, value, null, recordTime);
    }

    /**
     * @param key   the key
     * @param value the value
     */
    public TestRecord(K key, V value) {
        this(key, value, null, (Instant) null);
    }

    /** @param value the value (null key) */
    public TestRecord(V value) {
        this(null, value);
    }

    /**
     * Copies a consumed record.
     *
     * @param record a record read from a topic
     */
    public TestRecord(ConsumerRecord<K, V> record) {
        this(record.key(), record.value(), record.headers(), record.timestamp());
    }

    private static Instant instant(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("Record timestamp must be >= 0, got " + ms);
        }
        return Instant.ofEpochMilli(ms);
    }

    /** @return the key */
    public K key() {
        return key;
    }

    /** @return the value */
    public V value() {
        return value;
    }

    /** @return the headers */
    public Headers headers() {
        return headers;
    }

    /** @return the record time in ms, or null */
    public Long timestamp() {
        return recordTime == null ? null : recordTime.toEpochMilli();
    }

    /** @return the key (Kafka's bean-style name) */
    public K getKey() {
        return key;
    }

    /** @return the value (Kafka's bean-style name) */
    public V getValue() {
        return value;
    }

    /** @return the headers (Kafka's bean-style name) */
    public Headers getHeaders() {
        return headers;
    }

    /** @return the record time, or null */
    public Instant getRecordTime() {
        return recordTime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestRecord<?, ?> r && Objects.equals(key, r.key) && Objects.equals(value, r.value)
                && Objects.equals(headers, r.headers) && Objects.equals(recordTime, r.recordTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, headers, recordTime);
    }

    @Override
    public String toString() {
        return "TestRecord[key=" + key + ", value=" + value + ", headers=" + headers + ", recordTime=" + recordTime
                + "]";
    }
}
