package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The two byte layouts of a window store entry's key.
 *
 * <p><b>Store key</b> (inside RocksDB and in-memory segments, and the record cache), binary-sortable as the tuple
 * (key, window start, sequence number):
 * <pre>
 * +-------------------------------+---------------------------------+---------------------------+
 * | OrderedBytes(key) (n+2 bytes) | window start XOR 2^63, BE (8)   | sequence number, BE (4)   |
 * +-------------------------------+---------------------------------+---------------------------+
 * </pre>
 * Flipping the sign bit makes negative timestamps sort before positive ones.
 *
 * <p><b>Changelog key</b>, Kafka's {@code WindowKeySchema.toStoreKeyBinary} so changelogs are interchangeable with
 * Kafka Streams: {@code key bytes + window start int64 BE + sequence number int32 BE}.
 */
public final class WindowKeySchema {

    /** Size of the fixed suffix of both layouts: timestamp and sequence number. */
    static final int SUFFIX_SIZE = Long.BYTES + Integer.BYTES;

    private WindowKeySchema() {
    }

    /**
     * @param key       the raw key
     * @param timestamp the window start in ms
     * @param seqnum    the sequence number (0 unless duplicates are retained)
     * @return the store key
     */
    public static Bytes toStoreKey(byte[] key, long timestamp, int seqnum) {
        ByteBuffer buf = OrderedBytes.encode(key, SUFFIX_SIZE);
        buf.putLong(timestamp ^ Long.MIN_VALUE).putInt(seqnum);
        return Bytes.wrap(buf.array());
    }

    /**
     * @param key       the raw key, or null for the smallest key
     * @param timestamp the smallest window start
     * @return a lower bound (inclusive) of the store keys of {@code key} from {@code timestamp}
     */
    static Bytes lowerBound(Bytes key, long timestamp) {
        return key == null ? Bytes.wrap(new byte[0]) : toStoreKey(key.get(), timestamp, 0);
    }

    /**
     * @param key       the raw key, or null for no upper bound
     * @param timestamp the largest window start
     * @return an upper bound (inclusive) of the store keys of {@code key} up to {@code timestamp}, or null
     */
    static Bytes upperBound(Bytes key, long timestamp) {
        return key == null ? null : toStoreKey(key.get(), timestamp, -1);
    }

    /** @param storeKey a store key @return the raw key */
    public static Bytes extractKey(byte[] storeKey) {
        return Bytes.wrap(OrderedBytes.decode(storeKey));
    }

    /** @param storeKey a store key @return the window start in ms */
    public static long extractTimestamp(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(storeKey.length - SUFFIX_SIZE) ^ Long.MIN_VALUE;
    }

    /** @param storeKey a store key @return the sequence number */
    public static int extractSeqnum(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getInt(storeKey.length - Integer.BYTES);
    }

    /**
     * @param key       the raw key
     * @param timestamp the window start in ms
     * @param seqnum    the sequence number
     * @return Kafka's changelog key
     */
    public static Bytes toChangelogKey(byte[] key, long timestamp, int seqnum) {
        return Bytes.wrap(ByteBuffer.allocate(key.length + SUFFIX_SIZE).put(key).putLong(timestamp).putInt(seqnum)
                .array());
    }

    /**
     * @param changelogKey Kafka's changelog key
     * @return the store key of the same window
     * @throws IllegalArgumentException if the key is shorter than 12 bytes
     */
    public static Bytes changelogToStoreKey(byte[] changelogKey) {
        if (changelogKey.length < SUFFIX_SIZE) {
            throw new IllegalArgumentException("Window changelog key has " + changelogKey.length
                    + " bytes; expected key + 8-byte timestamp + 4-byte sequence number");
        }
        ByteBuffer buf = ByteBuffer.wrap(changelogKey);
        int keyLength = changelogKey.length - SUFFIX_SIZE;
        return toStoreKey(Arrays.copyOfRange(changelogKey, 0, keyLength), buf.getLong(keyLength),
                buf.getInt(keyLength + Long.BYTES));
    }

    /**
     * @param storeKey a store key
     * @return Kafka's changelog key of the same window
     */
    public static Bytes storeToChangelogKey(byte[] storeKey) {
        return toChangelogKey(OrderedBytes.decode(storeKey), extractTimestamp(storeKey), extractSeqnum(storeKey));
    }
}
