package io.runnel.streams.processor;

import io.runnel.clients.consumer.ConsumerRecord;

/**
 * The base of the built-in extractors that use the timestamp stored with the record (producer create time or log
 * append time, depending on the topic's {@code message.timestamp.type}); subclasses decide what to do when it is
 * negative. Kafka's {@code ExtractRecordMetadataTimestamp}.
 */
public abstract class ExtractRecordMetadataTimestamp implements TimestampExtractor {

    /** For subclasses. */
    protected ExtractRecordMetadataTimestamp() {
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long timestamp = record.timestamp();
        return timestamp < 0 ? onInvalidTimestamp(record, timestamp, partitionTime) : timestamp;
    }

    /**
     * @param record            the record
     * @param recordTimestamp   its (negative) timestamp
     * @param partitionTime     the partition's time so far, or -1
     * @return the timestamp to use; negative drops the record
     */
    public abstract long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp,
                                            long partitionTime);
}
