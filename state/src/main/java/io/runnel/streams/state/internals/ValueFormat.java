package io.runnel.streams.state.internals;

import java.nio.ByteBuffer;

/**
 * How a bytes store's values relate to its changelog values. Plain stores keep the changelog value; timestamped
 * stores keep {@code timestamp int64 BE + value} while their changelog carries the plain value with the timestamp
 * as the record timestamp (Kafka's layout for {@code ValueAndTimestamp}).
 */
public enum ValueFormat {
    /** Store value = changelog value. */
    PLAIN,
    /** Store value = 8-byte timestamp + changelog value. */
    TIMESTAMPED;

    /**
     * @param changelogValue the changelog value, or null
     * @param timestamp      the changelog record timestamp
     * @return the store value, or null
     */
    public byte[] fromChangelog(byte[] changelogValue, long timestamp) {
        if (this == PLAIN || changelogValue == null) {
            return changelogValue;
        }
        return ByteBuffer.allocate(Long.BYTES + changelogValue.length).putLong(timestamp).put(changelogValue).array();
    }

    /**
     * @param storeValue a timestamped store value
     * @return its timestamp
     */
    public static long timestampOf(byte[] storeValue) {
        return ByteBuffer.wrap(storeValue).getLong(0);
    }

    /**
     * @param storeValue a timestamped store value
     * @return the plain value after the timestamp
     */
    public static byte[] rawValueOf(byte[] storeValue) {
        return java.util.Arrays.copyOfRange(storeValue, Long.BYTES, storeValue.length);
    }
}
