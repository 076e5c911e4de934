package io.runnel.streams.processor.internals;

import io.runnel.common.header.Headers;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.streams.processor.RecordContext;
import io.runnel.streams.processor.api.RecordMetadata;

/**
 * Where the record being processed came from: input topic, partition, offset, and its timestamp and headers as
 * read. Immutable (the headers object is the input record's). Kafka's {@code ProcessorRecordContext}.
 *
 * @param timestamp the input record's timestamp (ms), as extracted; the punctuation time in a punctuation
 * @param offset    the input offset, or -1
 * @param partition the input partition, or -1
 * @param topic     the input topic, or null
 * @param headers   the input record's headers, never null
 */
public record ProcessorRecordContext(long timestamp, long offset, int partition, String topic, Headers headers)
        implements RecordContext, RecordMetadata {

    /** No record: outside processing. */
    public static final ProcessorRecordContext NONE = new ProcessorRecordContext(-1L, -1L, -1, null,
            new RecordHeaders());

    /**
     * @param timestamp the punctuation time in ms
     * @return the context of a punctuation: no topic, partition or offset, empty headers
     */
    public static ProcessorRecordContext forPunctuation(long timestamp) {
        return new ProcessorRecordContext(timestamp, -1L, -1, null, new RecordHeaders());
    }

    /** @return true if this is an input record (not a punctuation or nothing) */
    public boolean hasInputRecord() {
        return topic != null;
    }
}
