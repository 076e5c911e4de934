package io.runnel.streams.processor;

import io.runnel.clients.consumer.ConsumerRecord;

/**
 * Processing time: every record gets {@link System#currentTimeMillis()} when it is extracted (Kafka's
 * {@code WallclockTimestampExtractor}). Results are not reproducible; prefer event time.
 */
public class WallclockTimestampExtractor implements TimestampExtractor {

    /** Creates the extractor. */
    public WallclockTimestampExtractor() {
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return System.currentTimeMillis();
    }
}
