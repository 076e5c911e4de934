package io.runnel.connect.connector;

import io.runnel.connect.data.Schema;
import io.runnel.connect.header.ConnectHeaders;
import io.runnel.connect.header.Header;
import io.runnel.connect.header.Headers;

import java.util.Objects;

/**
 * A record in Connect's data model, as Kafka Connect's {@code ConnectRecord}: a topic, an optional partition, a
 * key and a value each with an optional schema, an optional timestamp (ms since the epoch) and {@link Headers}.
 * {@link io.runnel.connect.source.SourceRecord} and {@link io.runnel.connect.sink.SinkRecord} add what each
 * direction needs.
 *
 * <p>Records are immutable except for their headers; transformations make changed copies with
 * {@link #newRecord}. Not thread-safe (the headers are mutable).
 *
 * @param <R> the concrete record type, which {@link #newRecord} returns
 */
public abstract class ConnectRecord<R extends ConnectRecord<R>> {

    private final String topic;
    private final Integer kafkaPartition;
    private final Schema keySchema;
    private final Object key;
    private final Schema valueSchema;
    private final Object value;
    private final Long timestamp;
    private final Headers headers;

    /**
     * @param topic          the topic
     * @param kafkaPartition the partition, or null to let the producer choose
     * @param keySchema      the key's schema, or null
     * @param key            the key, or null
     * @param valueSchema    the value's schema, or null
     * @param value          the value, or null
     * @param timestamp      ms since the epoch, or null
     */
    protected ConnectRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key, Schema valueSchema,
                            Object value, Long timestamp) {
        this(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, new ConnectHeaders());
    }

    /**
     * @param topic          the topic
     * @param kafkaPartition the partition, or null to let the producer choose
     * @param keySchema      the key's schema, or null
     * @param key            the key, or null
     * @param valueSchema    the value's schema, or null
     * @param value          the value, or null
     * @param timestamp      ms since the epoch, or null
     * @param headers        the headers (used as-is if they are {@link ConnectHeaders}, copied otherwise), or null
     */
    protected ConnectRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key, Schema valueSchema,
                            Object value, Long timestamp, Iterable<Header> headers) {
        this.topic = topic;
        this.kafkaPartition = kafkaPartition;
        this.keySchema = keySchema;
        this.key = key;
        this.valueSchema = valueSchema;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = headers instanceof ConnectHeaders ch ? ch : new ConnectHeaders(headers);
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return the partition, or null */
    public Integer kafkaPartition() {
        return kafkaPartition;
    }

    /** @return the key, or null */
    public Object key() {
        return key;
    }

    /** @return the key's schema, or null */
    public Schema keySchema() {
        return keySchema;
    }

    /** @return the value, or null (a tombstone) */
    public Object value() {
        return value;
    }

    /** @return the value's schema, or null */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** @return ms since the epoch, or null */
    public Long timestamp() {
        return timestamp;
    }

    /** @return the headers (mutable, never null) */
    public Headers headers() {
        return headers;
    }

    /**
     * A copy with new contents and a copy of these headers, keeping the subclass's own fields.
     *
     * @param topic          the topic
     * @param kafkaPartition the partition, or null
     * @param keySchema      the key's schema, or null
     * @param key            the key
     * @param valueSchema    the value's schema, or null
     * @param value          the value
     * @param timestamp      ms since the epoch, or null
     * @return the new record
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp);

    /**
     * A copy with new contents and headers, keeping the subclass's own fields.
     *
     * @param topic          the topic
     * @param kafkaPartition the partition, or null
     * @param keySchema      the key's schema, or null
     * @param key            the key
     * @param valueSchema    the value's schema, or null
     * @param value          the value
     * @param timestamp      ms since the epoch, or null
     * @param headers        the headers
     * @return the new record
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers);

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectRecord<?> that = (ConnectRecord<?>) o;
        return Objects.equals(topic, that.topic) && Objects.equals(kafkaPartition, that.kafkaPartition)
                && Objects.equals(keySchema, that.keySchema) && Objects.deepEquals(key, that.key)
                && Objects.equals(valueSchema, that.valueSchema) && Objects.deepEquals(value, that.value)
                && Objects.equals(timestamp, that.timestamp) && Objects.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers);
    }

    @Override
    public String toString() {
        return "ConnectRecord{topic='" + topic + "', kafkaPartition=" + kafkaPartition + ", key=" + key
                + ", keySchema=" + keySchema + ", value=" + value + ", valueSchema=" + valueSchema
                + ", timestamp=" + timestamp + ", headers=" + headers + "}";
    }
}
