package io.runnel.common.errors;

import io.runnel.common.TopicPartition;
import io.runnel.common.header.Headers;
import io.runnel.common.record.TimestampType;

import java.nio.ByteBuffer;

/**
 * A consumer could not deserialize a record's key or value (Kafka's {@code RecordDeserializationException}).
 * Thrown by {@code poll} when it reaches the record; records before it were returned by earlier polls and the
 * consumer's position stays at the failing record, so the application can inspect it (raw key and value
 * bytes, headers) and skip it with {@code consumer.seek(e.topicPartition(), e.offset() + 1)}.
 */
public class RecordDeserializationException extends SerializationException {

    /** Which part of the record failed. */
    public enum DeserializationExceptionOrigin {
        /** The key deserializer failed. */
        KEY,
        /** The value deserializer failed. */
        VALUE
    }

    private final DeserializationExceptionOrigin origin;
    private final TopicPartition partition;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final ByteBuffer keyBuffer;
    private final ByteBuffer valueBuffer;
    private final Headers headers;

    /**
     * @param origin        key or value
     * @param partition     where the record is
     * @param offset        its offset
     * @param timestamp     its timestamp in ms
     * @param timestampType its timestamp type
     * @param keyBuffer     the raw key bytes, or null
     * @param valueBuffer   the raw value bytes, or null
     * @param headers       its headers
     * @param message       what failed
     * @param cause         the deserializer's exception
     */
    public RecordDeserializationException(DeserializationExceptionOrigin origin, TopicPartition partition, long offset,
                                          long timestamp, TimestampType timestampType, ByteBuffer keyBuffer,
                                          ByteBuffer valueBuffer, Headers headers, String message, Throwable cause) {
        super(message, cause);
        this.origin = origin;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
        this.keyBuffer = keyBuffer;
        this.valueBuffer = valueBuffer;
        this.headers = headers;
    }

    /** @return whether the key or the value failed */
    public DeserializationExceptionOrigin origin() {
        return origin;
    }

    /** @return the partition of the record */
    public TopicPartition topicPartition() {
        return partition;
    }

    /** @return the offset of the record; seek to {@code offset() + 1} to skip it */
    public long offset() {
        return offset;
    }

    /** @return the record's timestamp in ms */
    public long timestamp() {
        return timestamp;
    }

    /** @return the record's timestamp type */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return a read-only view of the raw key bytes, or null */
    public ByteBuffer keyBuffer() {
        return keyBuffer == null ? null : keyBuffer.asReadOnlyBuffer();
    }

    /** @return a read-only view of the raw value bytes, or null */
    public ByteBuffer valueBuffer() {
        return valueBuffer == null ? null : valueBuffer.asReadOnlyBuffer();
    }

    /** @return the record's headers */
    public Headers headers() {
        return headers;
    }
}
