package io.runnel.connect.runtime.errors;

import io.runnel.common.header.Header;

import java.util.List;

/**
 * A record as a sink task's consumer read it, before any conversion: what the dead-letter queue receives for a
 * failed sink record (its key, value and headers unchanged). The worker builds it from the consumer record.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    the offset
 * @param timestamp ms since the epoch, or null
 * @param key       the key bytes, or null
 * @param value     the value bytes, or null
 * @param headers   the headers, in order (never null)
 */
public record RawRecord(String topic, int partition, long offset, Long timestamp, byte[] key, byte[] value,
                        List<Header> headers) {

    /** Copies the header list. */
    public RawRecord {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    @Override
    public String toString() {
        return "{topic='" + topic + "', partition=" + partition + ", offset=" + offset + ", timestamp=" + timestamp
                + "}";
    }
}
