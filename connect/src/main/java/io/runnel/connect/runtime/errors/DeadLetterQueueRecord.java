package io.runnel.connect.runtime.errors;

import io.runnel.common.header.Header;

import java.util.List;

/**
 * A record to write to a dead-letter queue topic: the failed record's key, value and headers plus the context
 * headers. The partition is left to the producer.
 *
 * @param topic     the dead-letter queue topic
 * @param timestamp the failed record's timestamp in ms, or null
 * @param key       key bytes, or null
 * @param value     value bytes, or null
 * @param headers   headers in order (never null)
 */
public record DeadLetterQueueRecord(String topic, Long timestamp, byte[] key, byte[] value, List<Header> headers) {

    /** Copies the header list. */
    public DeadLetterQueueRecord {
        headers = List.copyOf(headers);
    }

    /**
     * @param key a header key
     * @return the last header with that key, or null
     */
    public Header lastHeader(String key) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(key)) {
                return headers.get(i);
            }
        }
        return null;
    }
}
