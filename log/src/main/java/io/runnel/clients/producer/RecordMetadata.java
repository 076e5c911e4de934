package io.runnel.clients.producer;

import io.runnel.common.TopicPartition;

/**
 * Where a record was written (Kafka's {@code RecordMetadata}): partition, offset and timestamp, plus the sizes of
 * its serialized key and value. Immutable and thread-safe.
 */
public final class RecordMetadata {

    /** The offset reported when it is unknown ({@code acks=0}, or a failed send). */
    public static final int UNKNOWN_PARTITION = -1;

    private final TopicPartition topicPartition;
    private final long offset;
    private final long timestamp;
    private final int serializedKeySize;
    private final int serializedValueSize;

    /**
     * @param topicPartition      the partition
     * @param baseOffset          the base offset of the record's batch, or -1 when unknown
     * @param batchIndex          the record's index in its batch
     * @param timestamp           the record's timestamp in ms (the log append time for {@code LogAppendTime} topics)
     * @param serializedKeySize   key size in bytes, or -1 for a null key
     * @param serializedValueSize value size in bytes, or -1 for a null value
     */
    public RecordMetadata(TopicPartition topicPartition, long baseOffset, int batchIndex, long timestamp,
                          int serializedKeySize, int serializedValueSize) {
        this.topicPartition = topicPartition;
        this.offset = baseOffset == -1 ? -1 : baseOffset + batchIndex;
        this.timestamp = timestamp;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
    }

    /** @return whether the offset is known (false under {@code acks=0}) */
    public boolean hasOffset() {
        return offset != -1;
    }

    /** @return the record's offset, or -1 under {@code acks=0} or on failure */
    public long offset() {
        return offset;
    }

    /** @return whether a timestamp is known */
    public boolean hasTimestamp() {
        return timestamp != -1;
    }

    /** @return the record's timestamp in ms */
    public long timestamp() {
        return timestamp;
    }

    /** @return the serialized key's size in bytes, -1 for a null key */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** @return the serialized value's size in bytes, -1 for a null value */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    /** @return the topic */
    public String topic() {
        return topicPartition.topic();
    }

    /** @return the partition */
    public int partition() {
        return topicPartition.partition();
    }

    /** @return {@code topic-partition@offset}, as Kafka prints it */
    @Override
    public String toString() {
        return topicPartition + "@" + offset;
    }
}
