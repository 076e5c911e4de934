package io.runnel.streams.state.internals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * An order-preserving, prefix-free encoding of variable-length byte strings, so that a key followed by fixed-width
 * fields sorts as the tuple (key, fields) under unsigned lexicographic comparison (RocksDB's bytewise comparator).
 *
 * <pre>
 * byte 0x00 in the key  -&gt; 0x00 0x01
 * any other byte        -&gt; itself
 * end of the key        -&gt; 0x00 0x00   (terminator)
 * </pre>
 *
 * Why: Kafka's store layout {@code key + timestamp} is not sortable by key when keys differ in length ({@code "a"}
 * at a large time sorts after {@code "a\x01"}), which forces scans to over-read and filter. With the terminator
 * sorting below every escaped byte, a shorter key always sorts before its extensions, and two encodings compare as
 * their keys do. The same idea as the tuple layer of FoundationDB, with a different escape byte.
 */
public final class OrderedBytes {

    private OrderedBytes() {
    }

    /**
     * @param key   the raw key
     * @param extra bytes to reserve after the encoding
     * @return a buffer holding the encoded key, with {@code extra} bytes of capacity left, positioned after the
     *         terminator
     */
    static java.nio.ByteBuffer encode(byte[] key, int extra) {
        int zeros = 0;
        for (byte b : key) {
            if (b == 0) {
                zeros++;
            }
        }
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(key.length + zeros + 2 + extra);
        if (zeros == 0) {
            buf.put(key);
        } else {
            for (byte b : key) {
                buf.put(b);
                if (b == 0) {
                    buf.put((byte) 1);
                }
            }
        }
        buf.put((byte) 0).put((byte) 0);
        return buf;
    }

    /**
     * @param encoded bytes starting with an encoded key
     * @return the index just past the terminator
     * @throws IllegalArgumentException if there is no terminator or an invalid escape
     */
    static int endOfKey(byte[] encoded) {
        for (int i = 0; i < encoded.length - 1; i++) {
            if (encoded[i] == 0) {
                if (encoded[i + 1] == 0) {
                    return i + 2;
                }
                if (encoded[i + 1] != 1) {
                    throw new IllegalArgumentException("Invalid escape 0x00 0x" + Integer.toHexString(encoded[i + 1])
                            + " at " + i + " in an ordered store key");
                }
                i++;
            }
        }
        throw new IllegalArgumentException("Ordered store key has no terminator: " + Arrays.toString(encoded));
    }

    /**
     * @param encoded bytes starting with an encoded key
     * @return the raw key
     */
    static byte[] decode(byte[] encoded) {
        int end = endOfKey(encoded) - 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(end);
        for (int i = 0; i < end; i++) {
            out.write(encoded[i]);
            if (encoded[i] == 0) {
                i++;
            }
        }
        return out.toByteArray();
    }
}
