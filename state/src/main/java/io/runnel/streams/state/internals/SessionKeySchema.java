package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.kstream.internals.SessionWindow;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The two byte layouts of a session store entry's key.
 *
 * <p><b>Store key</b>, binary-sortable as the tuple (key, session end, session start):
 * <pre>
 * +-------------------------------+------------------------------+--------------------------------+
 * | OrderedBytes(key) (n+2 bytes) | session end XOR 2^63, BE (8) | session start XOR 2^63, BE (8) |
 * +-------------------------------+------------------------------+--------------------------------+
 * </pre>
 *
 * <p><b>Changelog key</b>, Kafka's {@code SessionKeySchema}: {@code key bytes + end int64 BE + start int64 BE}.
 */
public final class SessionKeySchema {

    static final int SUFFIX_SIZE = 2 * Long.BYTES;

    private SessionKeySchema() {
    }

    /**
     * @param key   raw key
     * @param start session start in ms
     * @param end   session end in ms
     * @return the store key
     */
    public static Bytes toStoreKey(byte[] key, long start, long end) {
        ByteBuffer buf = OrderedBytes.encode(key, SUFFIX_SIZE);
        buf.putLong(end ^ Long.MIN_VALUE).putLong(start ^ Long.MIN_VALUE);
        return Bytes.wrap(buf.array());
    }

    /** @param key the raw key, or null @return lower bound of the key's sessions ending at or after endFrom */
    static Bytes lowerBound(Bytes key, long endFrom) {
        return key == null ? Bytes.wrap(new byte[0]) : toStoreKey(key.get(), Long.MIN_VALUE, endFrom);
    }

    /** @param key the raw key, or null @return upper bound of all the key's sessions, or null */
    static Bytes upperBound(Bytes key) {
        return key == null ? null : toStoreKey(key.get(), Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** @param storeKey a store key @return the raw key */
    public static Bytes extractKey(byte[] storeKey) {
        return Bytes.wrap(OrderedBytes.decode(storeKey));
    }

    /** @param storeKey a store key @return session end */
    public static long extractEnd(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(storeKey.length - SUFFIX_SIZE) ^ Long.MIN_VALUE;
    }

    /** @param storeKey a store key @return session start */
    public static long extractStart(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(storeKey.length - Long.BYTES) ^ Long.MIN_VALUE;
    }

    /** @param storeKey a store key @return the windowed raw key */
    public static Windowed<Bytes> toWindowed(byte[] storeKey) {
        return new Windowed<>(extractKey(storeKey), new SessionWindow(extractStart(storeKey), extractEnd(storeKey)));
    }

    /**
     * @param key   raw key
     * @param start session start
     * @param end   session end
     * @return Kafka's changelog key
     */
    public static Bytes toChangelogKey(byte[] key, long start, long end) {
        return Bytes.wrap(ByteBuffer.allocate(key.length + SUFFIX_SIZE).put(key).putLong(end).putLong(start).array());
    }

    /**
     * @param changelogKey Kafka's changelog key
     * @return the store key
     * @throws IllegalArgumentException if shorter than 16 bytes
     */
    public static Bytes changelogToStoreKey(byte[] changelogKey) {
        if (changelogKey.length < SUFFIX_SIZE) {
            throw new IllegalArgumentException("Session changelog key has " + changelogKey.length
                    + " bytes; expected key + 8-byte end + 8-byte start");
        }
        ByteBuffer buf = ByteBuffer.wrap(changelogKey);
        int keyLength = changelogKey.length - SUFFIX_SIZE;
        return toStoreKey(Arrays.copyOfRange(changelogKey, 0, keyLength), buf.getLong(keyLength + Long.BYTES),
                buf.getLong(keyLength));
    }
}
