package io.runnel.streams.processor;

import java.util.Arrays;
import java.util.Objects;

/**
 * One changelog record as restoration hands it to a store: key and value bytes and the record timestamp.
 *
 * @param key       the key bytes, not null
 * @param value     the value bytes, or null for a tombstone
 * @param timestamp the record timestamp in ms, or -1 if unknown
 */
public record ChangelogRecord(byte[] key, byte[] value, long timestamp) {

    /**
     * @throws NullPointerException if key is null
     */
    public ChangelogRecord {
        Objects.requireNonNull(key, "changelog record key");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangelogRecord r && Arrays.equals(key, r.key) && Arrays.equals(value, r.value)
                && timestamp == r.timestamp;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(key) + Arrays.hashCode(value)) + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "ChangelogRecord(key=" + Arrays.toString(key) + ", value="
                + (value == null ? "null" : value.length + " bytes") + ", timestamp=" + timestamp + ")";
    }
}
