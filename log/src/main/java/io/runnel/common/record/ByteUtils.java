package io.runnel.common.record;

import io.runnel.common.errors.CorruptRecordException;

import java.nio.ByteBuffer;

/**
 * Zig-zag varint and varlong encoding as Protocol Buffers define it and as RecordBatch v2 records use it
 * (the Kafka protocol guide's "varint"/"varlong"): the sign bit is moved to bit 0, then 7 bits per byte,
 * least significant group first, high bit set on every byte but the last. An int takes at most 5 bytes, a
 * long at most 10. Stateless; package-private.
 */
final class ByteUtils {

    private ByteUtils() {
    }

    static int readVarint(ByteBuffer buffer) {
        int value = 0;
        int shift = 0;
        int b;
        do {
            if (shift > 28) {
                throw new CorruptRecordException("Varint is longer than 5 bytes at buffer position " + buffer.position());
            }
            b = buffer.get();
            value |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return (value >>> 1) ^ -(value & 1);
    }

    static long readVarlong(ByteBuffer buffer) {
        long value = 0L;
        int shift = 0;
        long b;
        do {
            if (shift > 63) {
                throw new CorruptRecordException("Varlong is longer than 10 bytes at buffer position " + buffer.position());
            }
            b = buffer.get();
            value |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return (value >>> 1) ^ -(value & 1);
    }

    // Reads a zig-zag varint at an absolute index without moving the buffer: returns the value shifted left by
    // 32 bits, or-ed with the index after the varint.
    static long varintAt(ByteBuffer b, int index) {
        int raw = 0;
        int shift = 0;
        int p = index;
        int x;
        do {
            if (shift > 28) {
                throw new CorruptRecordException("Varint is longer than 5 bytes at buffer position " + index);
            }
            x = b.get(p++);
            raw |= (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        int value = (raw >>> 1) ^ -(raw & 1);
        return ((long) value << 32) | (p & 0xffffffffL);
    }

    /** Writes {@code value} at {@code pos} of {@code dst}; returns the position after it. */
    static int writeVarint(int value, byte[] dst, int pos) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & 0xffffff80) != 0) {
            dst[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        dst[pos++] = (byte) v;
        return pos;
    }

    /** Writes {@code value} at {@code pos} of {@code dst}; returns the position after it. */
    static int writeVarlong(long value, byte[] dst, int pos) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & 0xffffffffffffff80L) != 0L) {
            dst[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        dst[pos++] = (byte) v;
        return pos;
    }

    static int sizeOfVarint(int value) {
        int v = (value << 1) ^ (value >> 31);
        int bits = 32 - Integer.numberOfLeadingZeros(v);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    static int sizeOfVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        int bits = 64 - Long.numberOfLeadingZeros(v);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }
}
