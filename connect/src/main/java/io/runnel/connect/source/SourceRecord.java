package io.runnel.connect.source;

import io.runnel.connect.connector.ConnectRecord;
import io.runnel.connect.data.Schema;
import io.runnel.connect.header.Header;

import java.util.Map;
import java.util.Objects;

/**
 * A record a {@link SourceTask} read from an outside system, as Kafka Connect's {@code SourceRecord}. Besides
 * the record's contents it carries the <em>source partition</em> (which stream of the outside system, for
 * example {@code {"filename": "/var/log/app.log"}}) and the <em>source offset</em> in it (for example {@code
 * {"position": 4096}}). The runtime stores the latest acknowledged offset of each source partition and gives
 * it back after a restart. Both maps hold only strings, numbers and booleans, so they serialize to JSON.
 */
public class SourceRecord extends ConnectRecord<SourceRecord> {

    private final Map<String, ?> sourcePartition;
    private final Map<String, ?> sourceOffset;

    /**
     * @param sourcePartition the source partition, or null when the task stores no offsets
     * @param sourceOffset    the offset in it, or null
     * @param topic           the topic
     * @param partition       the partition, or null to let the producer choose
     * @param valueSchema     the value's schema, or null
     * @param value           the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, String topic, Integer partition,
                        Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, null, null, valueSchema, value);
    }

    /**
     * @param sourcePartition the source partition, or null
     * @param sourceOffset    the offset in it, or null
     * @param topic           the topic
     * @param valueSchema     the value's schema, or null
     * @param value           the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, String topic,
                        Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, null, null, valueSchema, value);
    }

    /**
     * @param sourcePartition the source partition, or null
     * @param sourceOffset    the offset in it, or null
     * @param topic           the topic
     * @param keySchema       the key's schema, or null
     * @param key             the key
     * @param valueSchema     the value's schema, or null
     * @param value           the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, String topic,
                        Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, keySchema, key, valueSchema, value);
    }

    /**
     * @param sourcePartition the source partition, or null
     * @param sourceOffset    the offset in it, or null
     * @param topic           the topic
     * @param partition       the partition, or null
     * @param keySchema       the key's schema, or null
     * @param key             the key
     * @param valueSchema     the value's schema, or null
     * @param value           the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, null);
    }

    /**
     * @param sourcePartition the source partition, or null
     * @param sourceOffset    the offset in it, or null
     * @param topic           the topic
     * @param partition       the partition, or null
     * @param keySchema       the key's schema, or null
     * @param key             the key
     * @param valueSchema     the value's schema, or null
     * @param value           the value
     * @param timestamp       ms since the epoch, or null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value, Long timestamp) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, timestamp, null);
    }

    /**
     * @param sourcePartition the source partition, or null
     * @param sourceOffset    the offset in it, or null
     * @param topic           the topic
     * @param partition       the partition, or null
     * @param keySchema       the key's schema, or null
     * @param key             the key
     * @param valueSchema     the value's schema, or null
     * @param value           the value
     * @param timestamp       ms since the epoch, or null
     * @param headers         the headers, or null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value, Long timestamp,
                        Iterable<Header> headers) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }

    /** @return the source partition, or null */
    public Map<String, ?> sourcePartition() {
        return sourcePartition;
    }

    /** @return the source offset, or null */
    public Map<String, ?> sourceOffset() {
        return sourceOffset;
    }

    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new SourceRecord(sourcePartition, sourceOffset, topic, kafkaPartition, keySchema, key, valueSchema,
                value, timestamp, headers);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof SourceRecord that
                && Objects.equals(sourcePartition, that.sourcePartition)
                && Objects.equals(sourceOffset, that.sourceOffset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sourcePartition, sourceOffset);
    }

    @Override
    public String toString() {
        return "SourceRecord{sourcePartition=" + sourcePartition + ", sourceOffset=" + sourceOffset + "} "
                + super.toString();
    }
}
