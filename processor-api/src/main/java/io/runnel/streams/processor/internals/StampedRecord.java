package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.ConsumerRecord;

/**
 * A deserialized input record with its extracted timestamp (ms), ready to be processed.
 *
 * @param record    the deserialized record (topic, partition, offset, headers)
 * @param timestamp the extracted timestamp in ms, {@code >= 0}
 */
public record StampedRecord(ConsumerRecord<Object, Object> record, long timestamp) {

    /** @return the input topic */
    public String topic() {
        return record.topic();
    }

    /** @return the input partition */
    public int partition() {
        return record.partition();
    }

    /** @return the input offset */
    public long offset() {
        return record.offset();
    }
}
