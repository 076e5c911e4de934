package io.runnel.common.utils;

/**
 * The few static helpers that are part of Kafka's client contract ({@code org.apache.kafka.common.utils.Utils}):
 * custom partitioners call {@link #murmur2} and {@link #toPositive} to place keys exactly as Kafka does.
 */
public final class Utils {

    private Utils() {
    }

    /**
     * MurmurHash2 (Austin Appleby's 32-bit algorithm) with the seed {@code 0x9747b28c}, as Kafka's default
     * partitioner hashes serialized keys: 4-byte little-endian blocks mixed with {@code m = 0x5bd1e995},
     * {@code r = 24}, then the 1-3 tail bytes, then the final avalanche ({@code h ^= h >>> 13; h *= m;
     * h ^= h >>> 15}).
     *
     * @param data the bytes, not null
     * @return the 32-bit hash (may be negative; see {@link #toPositive})
     */
    public static int murmur2(byte[] data) {
        final int length = data.length;
        final int m = 0x5bd1e995;
        final int r = 24;
        int h = 0x9747b28c ^ length;
        int blocks = length >>> 2;
        for (int i = 0; i < blocks; i++) {
            int o = i << 2;
            int k = (data[o] & 0xff) | ((data[o + 1] & 0xff) << 8) | ((data[o + 2] & 0xff) << 16) | ((data[o + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        int tail = blocks << 2;
        int rest = length & 3;
        if (rest == 3) {
            h ^= (data[tail + 2] & 0xff) << 16;
        }
        if (rest >= 2) {
            h ^= (data[tail + 1] & 0xff) << 8;
        }
        if (rest >= 1) {
            h ^= data[tail] & 0xff;
            h *= m;
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }

    /**
     * Clears the sign bit (not {@code Math.abs}: {@code Integer.MIN_VALUE} maps to 0), as Kafka's partitioner does
     * before taking the modulo.
     *
     * @param number any int
     * @return {@code number & 0x7fffffff}
     */
    public static int toPositive(int number) {
        return number & 0x7fffffff;
    }

    /**
     * Kafka's {@code Utils.abs}: the absolute value, with {@code Integer.MIN_VALUE} mapped to 0 (used to place a
     * group on a {@code __consumer_offsets} partition by its id's {@code hashCode()}).
     *
     * @param n any int
     * @return {@code |n|}, or 0 for {@code Integer.MIN_VALUE}
     */
    public static int abs(int n) {
        return n == Integer.MIN_VALUE ? 0 : Math.abs(n);
    }
}
