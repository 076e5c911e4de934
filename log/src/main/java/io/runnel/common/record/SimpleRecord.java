package io.runnel.common.record;

import io.runnel.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record's content before it has an offset: timestamp, key, value and headers. Convenience input for
 * {@link MemoryRecords#withRecords} and tests. Arrays are not copied.
 *
 * @param timestamp ms since the epoch, or {@link RecordBatch#NO_TIMESTAMP}
 * @param key       the key, or null
 * @param value     the value, or null
 * @param headers   the headers, never null (may be empty)
 */
public record SimpleRecord(long timestamp, byte[] key, byte[] value, Header[] headers) {

    private static final Header[] NO_HEADERS = new Header[0];

    /** @throws NullPointerException if headers is null */
    public SimpleRecord {
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * @param timestamp ms
     * @param key       key or null
     * @param value     value or null
     */
    public SimpleRecord(long timestamp, byte[] key, byte[] value) {
        this(timestamp, key, value, NO_HEADERS);
    }

    /**
     * @param timestamp ms
     * @param key       UTF-8 key or null
     * @param value     UTF-8 value or null
     * @return the record
     */
    public static SimpleRecord of(long timestamp, String key, String value) {
        return new SimpleRecord(timestamp, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimpleRecord r && r.timestamp == timestamp && Arrays.equals(r.key, key)
                && Arrays.equals(r.value, value) && Arrays.equals(r.headers, headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, Arrays.hashCode(key), Arrays.hashCode(value), Arrays.hashCode(headers));
    }

    @Override
    public String toString() {
        return "SimpleRecord(timestamp=" + timestamp + ", key=" + (key == null ? "null" : key.length + " bytes")
                + ", value=" + (value == null ? "null" : value.length + " bytes") + ", headers=" + headers.length + ")";
    }
}
