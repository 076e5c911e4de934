package io.runnel.streams.processor;

import io.runnel.clients.consumer.ConsumerRecord;

/**
 * The record's own timestamp; a record with a negative one is logged at WARN and dropped (Kafka's
 * {@code LogAndSkipOnInvalidTimestamp}).
 */
public class LogAndSkipOnInvalidTimestamp extends ExtractRecordMetadataTimestamp {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogAndSkipOnInvalidTimestamp.class);

    /** Creates the extractor. */
    public LogAndSkipOnInvalidTimestamp() {
    }

    @Override
    public long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp, long partitionTime) {
        LOG.warn("Input record {}-{}@{} has invalid (negative) timestamp {}; dropping it", record.topic(),
                record.partition(), record.offset(), recordTimestamp);
        return recordTimestamp;
    }
}
