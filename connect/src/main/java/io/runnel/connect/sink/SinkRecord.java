package io.runnel.connect.sink;

import io.runnel.common.record.TimestampType;
import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Schema;
import io.runnel.connect.header.Header;

import java.util.Objects;

/**
 * A record consumed from a topic and handed to a {@link SinkTask}, as Kafka Connect's {@code SinkRecord}: the
 * record's contents plus its offset and timestamp type. Transformations may change the topic and partition; the
 * original topic, partition and offset (KIP-793) stay available so a task can report the offsets it wrote in
 * terms of what the runtime consumed.
 */
public class SinkRecord extends ConnectRecord<SinkRecord> {

    private final long kafkaOffset;
    private final TimestampType timestampType;
    private final String originalTopic;
    private final Integer originalKafkaPartition;
    private final long originalKafkaOffset;

    /**
     * @param topic       the topic
     * @param partition   the partition
     * @param keySchema   the key's schema, or null
     * @param key         the key
     * @param valueSchema the value's schema, or null
     * @param value       the value
     * @param kafkaOffset the record's offset in its partition
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, null, TimestampType.NO_TIMESTAMP_TYPE);
    }

    /**
     * @param topic         the topic
     * @param partition     the partition
     * @param keySchema     the key's schema, or null
     * @param key           the key
     * @param valueSchema   the value's schema, or null
     * @param value         the value
     * @param kafkaOffset   the record's offset
     * @param timestamp     ms since the epoch, or null
     * @param timestampType where the timestamp came from
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, null);
    }

    /**
     * @param topic         the topic
     * @param partition     the partition
     * @param keySchema     the key's schema, or null
     * @param key           the key
     * @param valueSchema   the value's schema, or null
     * @param value         the value
     * @param kafkaOffset   the record's offset
     * @param timestamp     ms since the epoch, or null
     * @param timestampType where the timestamp came from
     * @param headers       the headers, or null
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType, Iterable<Header> headers) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
                topic, partition, kafkaOffset);
    }

    /**
     * @param topic                  the topic (possibly changed by a transformation)
     * @param partition              the partition (possibly changed)
     * @param keySchema              the key's schema, or null
     * @param key                    the key
     * @param valueSchema            the value's schema, or null
     * @param value                  the value
     * @param kafkaOffset            the record's offset (possibly changed)
     * @param timestamp              ms since the epoch, or null
     * @param timestampType          where the timestamp came from
     * @param headers                the headers, or null
     * @param originalTopic          the topic it was consumed from
     * @param originalKafkaPartition the partition it was consumed from
     * @param originalKafkaOffset    the offset it was consumed at
     */
    public SinkRecord(String topic, Integer partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType, Iterable<Header> headers,
                      String originalTopic, Integer originalKafkaPartition, long originalKafkaOffset) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.kafkaOffset = kafkaOffset;
        this.timestampType = timestampType;
        this.originalTopic = originalTopic;
        this.originalKafkaPartition = originalKafkaPartition;
        this.originalKafkaOffset = originalKafkaOffset;
    }

    /** @return the record's offset */
    public long kafkaOffset() {
        return kafkaOffset;
    }

    /** @return where the timestamp came from */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return the topic the runtime consumed the record from, before any transformation */
    public String originalTopic() {
        return originalTopic;
    }

    /** @return the partition the runtime consumed the record from */
    public Integer originalKafkaPartition() {
        return originalKafkaPartition;
    }

    /** @return the offset the runtime consumed the record at */
    public long originalKafkaOffset() {
        return originalKafkaOffset;
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new SinkRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, kafkaOffset, timestamp,
                timestampType, headers, originalTopic, originalKafkaPartition, originalKafkaOffset);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof SinkRecord that && kafkaOffset == that.kafkaOffset
                && timestampType == that.timestampType && Objects.equals(originalTopic, that.originalTopic)
                && Objects.equals(originalKafkaPartition, that.originalKafkaPartition)
                && originalKafkaOffset == that.originalKafkaOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), kafkaOffset, timestampType, originalTopic, originalKafkaPartition,
                originalKafkaOffset);
    }

    @Override
    public String toString() {
        return "SinkRecord{kafkaOffset=" + kafkaOffset + ", timestampType=" + timestampType + "} " + super.toString();
    }
}
