package io.runnel.clients.consumer;

import io.runnel.common.header.Headers;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.record.RecordBatch;
import io.runnel.common.record.TimestampType;

import java.util.Optional;

/**
 * A record read from the log (Kafka's {@code ConsumerRecord}): topic, partition, offset, timestamp and its type,
 * serialized sizes, headers, key, value and the leader epoch it was written in. Immutable (the headers are not
 * copied: do not modify them).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ConsumerRecord<K, V> {

    /** The size reported for a null key or value. */
    public static final int NULL_SIZE = -1;
    /** "No timestamp". */
    public static final long NO_TIMESTAMP = RecordBatch.NO_TIMESTAMP;

    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final int serializedKeySize;
    private final int serializedValueSize;
    private final Headers headers;
    private final K key;
    private final V value;
    private final Optional<Integer> leaderEpoch;

    /**
     * @param topic     the topic
     * @param partition the partition
     * @param offset    the offset
     * @param key       the key
     * @param value     the value
     */
    public ConsumerRecord(String topic, int partition, long offset, K key, V value) {
        this(topic, partition, offset, NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, NULL_SIZE, NULL_SIZE, key, value,
                new RecordHeaders(), Optional.empty());
    }

    /**
     * @param topic               the topic
     * @param partition           the partition
     * @param offset              the offset
     * @param timestamp           the timestamp in ms
     * @param timestampType       its type
     * @param serializedKeySize   the key's size in bytes, -1 for null
     * @param serializedValueSize the value's size in bytes, -1 for null
     * @param key                 the key
     * @param value               the value
     * @param headers             the headers
     * @param leaderEpoch         the leader epoch, if known
     */
    public ConsumerRecord(String topic, int partition, long offset, long timestamp, TimestampType timestampType,
                          int serializedKeySize, int serializedValueSize, K key, V value, Headers headers,
                          Optional<Integer> leaderEpoch) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic cannot be null");
        }
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
        this.key = key;
        this.value = value;
        this.headers = headers;
        this.leaderEpoch = leaderEpoch;
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return the partition */
    public int partition() {
        return partition;
    }

    /** @return the headers */
    public Headers headers() {
        return headers;
    }

    /** @return the key (may be null) */
    public K key() {
        return key;
    }

    /** @return the value (may be null) */
    public V value() {
        return value;
    }

    /** @return the offset */
    public long offset() {
        return offset;
    }

    /** @return the timestamp in ms */
    public long timestamp() {
        return timestamp;
    }

    /** @return {@code CreateTime} or {@code LogAppendTime} */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return the serialized key's size in bytes, -1 for a null key */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** @return the serialized value's size in bytes, -1 for a null value */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    /** @return the leader epoch the record was written in, if known */
    public Optional<Integer> leaderEpoch() {
        return leaderEpoch;
    }

    @Override
    public String toString() {
        return "ConsumerRecord(topic = " + topic + ", partition = " + partition + ", leaderEpoch = "
                + leaderEpoch.orElse(null) + ", offset = " + offset + ", " + timestampType + " = " + timestamp
                + ", serialized key size = " + serializedKeySize + ", serialized value size = " + serializedValueSize
                + ", headers = " + headers + ", key = " + key + ", value = " + value + ")";
    }
}
