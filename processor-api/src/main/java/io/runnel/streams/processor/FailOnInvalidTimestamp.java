package io.runnel.streams.processor;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.streams.errors.StreamsException;

/**
 * The default extractor: the record's own timestamp; a negative one fails the stream thread with a
 * {@link StreamsException} naming the record (Kafka's {@code FailOnInvalidTimestamp}).
 */
public class FailOnInvalidTimestamp extends ExtractRecordMetadataTimestamp {

    /** Creates the extractor. */
    public FailOnInvalidTimestamp() {
    }

    /**
     * @throws StreamsException always, naming topic, partition, offset and timestamp
     */
    @Override
    public long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp, long partitionTime) {
        throw new StreamsException("Input record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " has invalid (negative) timestamp " + recordTimestamp
                + ". Use a different TimestampExtractor to process this data (default.timestamp.extractor), for "
                + "example LogAndSkipOnInvalidTimestamp or UsePartitionTimeOnInvalidTimestamp.");
    }
}
