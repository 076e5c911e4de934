package io.runnel.common.utils;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * An immutable byte array usable as a map key: equality, hash code and ordering by content. The order is
 * lexicographic on unsigned bytes, the order RocksDB's default comparator uses, so sorted in-memory stores and
 * RocksDB stores iterate the same way.
 *
 * <p>The wrapped array is not copied; callers must not modify it. Thread-safe if nobody does.
 */
public final class Bytes implements Comparable<Bytes> {

    /** Orders byte arrays lexicographically by unsigned byte value; shorter prefixes first. */
    public static final Comparator<byte[]> BYTES_LEXICO_COMPARATOR = Arrays::compareUnsigned;

    private final byte[] bytes;
    private int hashCode;

    /**
     * @param bytes the content, not null
     */
    public Bytes(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /**
     * @param bytes the content, or null
     * @return a wrapper, or null when {@code bytes} is null
     */
    public static Bytes wrap(byte[] bytes) {
        return bytes == null ? null : new Bytes(bytes);
    }

    /** @return the wrapped array (not a copy) */
    public byte[] get() {
        return bytes;
    }

    /**
     * Returns the smallest key strictly greater than every key that starts with {@code prefix}, or null when
     * there is none (the prefix is all {@code 0xFF}). Used as the exclusive upper bound of prefix scans.
     *
     * @param prefix a key prefix
     * @return the exclusive upper bound, or null
     */
    public static Bytes increment(Bytes prefix) {
        byte[] copy = Arrays.copyOf(prefix.bytes, prefix.bytes.length);
        for (int i = copy.length - 1; i >= 0; i--) {
            if (copy[i] != (byte) 0xFF) {
                copy[i]++;
                return new Bytes(Arrays.copyOf(copy, i + 1));
            }
        }
        return null;
    }

    @Override
    public int hashCode() {
        int h = hashCode;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hashCode = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Bytes b && Arrays.equals(bytes, b.bytes));
    }

    @Override
    public int compareTo(Bytes that) {
        return Arrays.compareUnsigned(bytes, that.bytes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x20 && v < 0x7F && v != '\\') {
                sb.append((char) v);
            } else {
                sb.append(String.format("\\x%02X", v));
            }
        }
        return sb.toString();
    }
}
