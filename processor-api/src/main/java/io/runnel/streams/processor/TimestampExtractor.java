package io.runnel.streams.processor;

import io.runnel.clients.consumer.ConsumerRecord;

/**
 * Gives each input record its event time, as Kafka's {@code TimestampExtractor}. Configured per application
 * ({@code default.timestamp.extractor}) or per source ({@code Topology.addSource(extractor, ...)}).
 *
 * <p>The returned time drives the task's record order, stream time, stream-time punctuations and windows. A
 * negative result drops the record (logged at WARN and counted), as in Kafka. Implementations must be stateless or
 * thread-safe: one instance may serve every task of a stream thread.
 */
@FunctionalInterface
public interface TimestampExtractor {

    /**
     * @param record        the deserialized input record (key and value typed by the source's deserializers)
     * @param partitionTime the largest timestamp extracted so far from the record's partition, or -1 if none
     * @return the record's timestamp in ms since the epoch; negative to drop the record
     */
    long extract(ConsumerRecord<Object, Object> record, long partitionTime);
}
