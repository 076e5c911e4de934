package io.runnel.streams.processor;

import io.runnel.common.header.Headers;

/**
 * The input record behind the record being written (Kafka's {@code RecordContext}), given to a
 * {@link TopicNameExtractor}. Outside the processing of an input record (a punctuation) topic is null and
 * partition and offset are -1.
 */
public interface RecordContext {

    /** @return the input topic, or null in a punctuation */
    String topic();

    /** @return the input partition, or -1 */
    int partition();

    /** @return the input offset, or -1 */
    long offset();

    /** @return the timestamp in ms of the record being processed */
    long timestamp();

    /** @return the headers of the record being processed */
    Headers headers();
}
