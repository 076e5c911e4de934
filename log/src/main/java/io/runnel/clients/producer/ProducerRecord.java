package io.runnel.clients.producer;

import io.runnel.common.header.Header;
import io.runnel.common.header.Headers;
import io.runnel.common.header.internals.RecordHeaders;

import java.util.Objects;

/**
 * A record to send (Kafka's {@code ProducerRecord}): topic, optional partition, optional timestamp, key, value and
 * headers. An explicit partition wins over the partitioner; without a timestamp the producer stamps the send time.
 *
 * <p>Immutable except for its headers, which become read-only once the record is sent. Not thread-safe while
 * headers are being added.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ProducerRecord<K, V> {

    private final String topic;
    private final Integer partition;
    private final Headers headers;
    private final K key;
    private final V value;
    private final Long timestamp;

    /**
     * @param topic     the topic, not null
     * @param partition the partition, or null to let the partitioner choose
     * @param timestamp ms since the epoch, or null for the send time
     * @param key       the key, may be null
     * @param value     the value, may be null
     * @param headers   the headers, may be null
     * @throws IllegalArgumentException if the topic is null or the partition or timestamp is negative
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value, Iterable<Header> headers) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic cannot be null.");
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException("Invalid timestamp: " + timestamp
                    + ". Timestamp should always be non-negative or null.");
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("Invalid partition: " + partition
                    + ". Partition number should always be non-negative or null.");
        }
        this.topic = topic;
        this.partition = partition;
        this.key = key;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = new RecordHeaders(headers == null ? java.util.List.of() : headers);
    }

    /**
     * @param topic     the topic
     * @param partition the partition, or null
     * @param timestamp ms, or null
     * @param key       the key
     * @param value     the value
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value) {
        this(topic, partition, timestamp, key, value, null);
    }

    /**
     * @param topic     the topic
     * @param partition the partition, or null
     * @param key       the key
     * @param value     the value
     * @param headers   the headers
     */
    public ProducerRecord(String topic, Integer partition, K key, V value, Iterable<Header> headers) {
        this(topic, partition, null, key, value, headers);
    }

    /**
     * @param topic     the topic
     * @param partition the partition, or null
     * @param key       the key
     * @param value     the value
     */
    public ProducerRecord(String topic, Integer partition, K key, V value) {
        this(topic, partition, null, key, value, null);
    }

    /**
     * @param topic the topic
     * @param key   the key
     * @param value the value
     */
    public ProducerRecord(String topic, K key, V value) {
        this(topic, null, null, key, value, null);
    }

    /**
     * @param topic the topic
     * @param value the value (no key: sticky partitioning)
     */
    public ProducerRecord(String topic, V value) {
        this(topic, null, null, null, value, null);
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return the headers */
    public Headers headers() {
        return headers;
    }

    /** @return the key */
    public K key() {
        return key;
    }

    /** @return the value */
    public V value() {
        return value;
    }

    /** @return the timestamp in ms, or null */
    public Long timestamp() {
        return timestamp;
    }

    /** @return the partition, or null */
    public Integer partition() {
        return partition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerRecord<?, ?> r && topic.equals(r.topic) && Objects.equals(partition, r.partition)
                && Objects.equals(headers, r.headers) && Objects.equals(key, r.key) && Objects.equals(value, r.value)
                && Objects.equals(timestamp, r.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, headers, key, value, timestamp);
    }

    @Override
    public String toString() {
        return "ProducerRecord(topic=" + topic + ", partition=" + partition + ", headers=" + headers + ", key=" + key
                + ", value=" + value + ", timestamp=" + timestamp + ")";
    }
}
