package io.runnel.common.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Record batches in a {@link ByteBuffer}: what a producer builds ({@link MemoryRecordsBuilder}) and hands to
 * {@code PartitionLog.append}, and what a test or an in-memory fetch holds.
 *
 * <p>The buffer is shared, not copied: the log overwrites the base offsets (and, for {@code LogAppendTime}
 * topics, the max timestamp and CRC) of the batches it appends, in place, as Kafka's broker does. Not
 * thread-safe while that happens; otherwise a read-only view.
 */
public final class MemoryRecords implements Records {

    /** No batches. */
    public static final MemoryRecords EMPTY = new MemoryRecords(ByteBuffer.allocate(0));

    private final ByteBuffer buffer;

    private MemoryRecords(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /**
     * Wraps bytes holding whole batches (from the buffer's position to its limit).
     *
     * @param buffer the bytes; not copied
     * @return the records
     */
    public static MemoryRecords readableRecords(ByteBuffer buffer) {
        return new MemoryRecords(buffer.slice());
    }

    /**
     * @return a new builder with Kafka's defaults: no compression, {@code CreateTime}, base offset 0, no producer
     *     id, no write limit
     */
    public static MemoryRecordsBuilder builder() {
        return new MemoryRecordsBuilder();
    }

    /**
     * Builds one batch holding the records, base offset 0, {@code CreateTime}, no producer id.
     *
     * @param compression the codec
     * @param records     the records; at least one
     * @return the batch
     * @throws IllegalArgumentException if no records are given
     */
    public static MemoryRecords withRecords(CompressionType compression, SimpleRecord... records) {
        return withRecords(0L, compression, records);
    }

    /**
     * Builds one batch holding the records with offsets from {@code initialOffset}.
     *
     * @param initialOffset the base offset
     * @param compression   the codec
     * @param records       the records; at least one
     * @return the batch
     */
    public static MemoryRecords withRecords(long initialOffset, CompressionType compression, SimpleRecord... records) {
        if (records.length == 0) {
            throw new IllegalArgumentException("A batch needs at least one record");
        }
        MemoryRecordsBuilder builder = builder().compression(compression).baseOffset(initialOffset);
        for (SimpleRecord r : records) {
            builder.append(r.timestamp(), r.key(), r.value(), r.headers());
        }
        return builder.build();
    }

    /**
     * An upper bound of the size of a batch holding only this record (Kafka's
     * {@code AbstractRecords.estimateSizeInBytesUpperBound}): the 61-byte batch header plus the record with
     * worst-case varint sizes. The producer checks {@code max.request.size} and {@code buffer.memory} with it.
     *
     * @param key     the key or null
     * @param value   the value or null
     * @param headers the headers or null
     * @return the bound in bytes
     */
    public static int estimateSizeInBytesUpperBound(byte[] key, byte[] value, io.runnel.common.header.Header[] headers) {
        int body = DefaultRecord.sizeOfBodyInBytes(Integer.MAX_VALUE, Long.MAX_VALUE, key == null ? -1 : key.length,
                value == null ? -1 : value.length, headers == null ? new io.runnel.common.header.Header[0] : headers);
        return DefaultRecordBatch.RECORD_BATCH_OVERHEAD + 5 + body;
    }

    /** @return a view of the bytes (position 0, limit size) */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    @Override
    public int sizeInBytes() {
        return buffer.remaining();
    }

    @Override
    public Iterable<DefaultRecordBatch> batches() {
        return () -> new ByteBufferBatchIterator(buffer, "in-memory records");
    }

    /** @return the first batch, or null when there is none */
    public DefaultRecordBatch firstBatch() {
        ByteBufferBatchIterator it = new ByteBufferBatchIterator(buffer, "in-memory records");
        return it.hasNext() ? it.next() : null;
    }

    /** @return the number of bytes taken by whole batches (less than the size if the last batch is partial) */
    public int validBytes() {
        int bytes = 0;
        for (DefaultRecordBatch b : batches()) {
            bytes += b.sizeInBytes();
        }
        return bytes;
    }

    @Override
    public long writeTo(WritableByteChannel channel, long position, int length) throws IOException {
        if (position > Integer.MAX_VALUE || position < 0) {
            throw new IllegalArgumentException("position " + position + " out of range");
        }
        int start = (int) position;
        int end = Math.min(buffer.remaining(), start + length);
        ByteBuffer slice = buffer.duplicate().position(start).limit(end);
        return channel.write(slice);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryRecords other && buffer.equals(other.buffer);
    }

    @Override
    public int hashCode() {
        return buffer.hashCode();
    }

    @Override
    public String toString() {
        return "MemoryRecords(size=" + sizeInBytes() + ")";
    }
}
