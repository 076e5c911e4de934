package io.runnel.streams.state.internals.rocksdb;

import java.util.Arrays;

/**
 * Builds the serialized form of a RocksDB {@code WriteBatch} in Java, so restoring a changelog batch costs one JNI
 * call ({@code new WriteBatch(byte[])} and one write) instead of one per record. The layout is RocksDB's
 * {@code WriteBatch} representation (db/write_batch.cc), checked byte for byte against RocksDB's own encoder in
 * {@code WriteBatchEncoderTest}:
 * <pre>
 * +-----------------------------+---------------------------+----------------------------------------------+
 * | sequence, fixed64 LE (8): 0 | count, fixed32 LE (4)     | records...                                   |
 * +-----------------------------+---------------------------+----------------------------------------------+
 * record: put    = 0x01, varint32 key length, key, varint32 value length, value
 *         delete = 0x00, varint32 key length, key
 * </pre>
 * Only the default column family is written. Not thread-safe; reusable after {@link #reset()}.
 */
final class WriteBatchEncoder {

    private static final int HEADER = 12;
    private static final byte TYPE_DELETION = 0x0;
    private static final byte TYPE_VALUE = 0x1;

    private byte[] buf;
    private int position;
    private int count;

    WriteBatchEncoder(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, 64)];
        reset();
    }

    void reset() {
        Arrays.fill(buf, 0, HEADER, (byte) 0);
        position = HEADER;
        count = 0;
    }

    void put(byte[] key, byte[] value) {
        ensure(1 + 5 + key.length + 5 + value.length);
        buf[position++] = TYPE_VALUE;
        writeSlice(key);
        writeSlice(value);
        count++;
    }

    void delete(byte[] key) {
        ensure(1 + 5 + key.length);
        buf[position++] = TYPE_DELETION;
        writeSlice(key);
        count++;
    }

    int count() {
        return count;
    }

    /** @return the representation: header with the count, then the records */
    byte[] toByteArray() {
        buf[8] = (byte) count;
        buf[9] = (byte) (count >>> 8);
        buf[10] = (byte) (count >>> 16);
        buf[11] = (byte) (count >>> 24);
        return Arrays.copyOf(buf, position);
    }

    private void writeSlice(byte[] bytes) {
        int v = bytes.length;
        while ((v & ~0x7F) != 0) {
            buf[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[position++] = (byte) v;
        System.arraycopy(bytes, 0, buf, position, bytes.length);
        position += bytes.length;
    }

    private void ensure(int extra) {
        if (position + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, position + extra));
        }
    }
}
