package io.runnel.streams.processor;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.streams.errors.StreamsException;

/**
 * The record's own timestamp; a negative one is replaced by the partition's time so far (Kafka's
 * {@code UsePartitionTimeOnInvalidTimestamp}). Fails if the partition has no time yet.
 */
public class UsePartitionTimeOnInvalidTimestamp extends ExtractRecordMetadataTimestamp {

    /** Creates the extractor. */
    public UsePartitionTimeOnInvalidTimestamp() {
    }

    /**
     * @throws StreamsException if the partition has no time yet (its first record has an invalid timestamp)
     */
    @Override
    public long onInvalidTimestamp(ConsumerRecord<Object, Object> record, long recordTimestamp, long partitionTime) {
        if (partitionTime < 0) {
            throw new StreamsException("Could not infer a timestamp for input record " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ": its timestamp " + recordTimestamp
                    + " is negative and the partition has no time yet. Use another TimestampExtractor.");
        }
        return partitionTime;
    }
}
