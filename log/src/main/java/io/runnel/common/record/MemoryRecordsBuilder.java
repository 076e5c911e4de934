package io.runnel.common.record;

import io.runnel.common.header.Header;
import io.runnel.common.record.compression.Compression;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds one RecordBatch v2: what the producer's accumulator fills per partition. Set the batch-level options
 * first ({@link #compression}, {@link #timestampType}, {@link #producer}, ...), then {@link #append} records,
 * then {@link #build()} once.
 *
 * <pre>{@code
 * MemoryRecords batch = MemoryRecords.builder()
 *     .compression(CompressionType.LZ4)
 *     .producer(producerId, epoch, baseSequence)
 *     .writeLimit(16_384)
 *     .append(timestamp, key, value, headers)   // while hasRoomFor(...)
 *     .build();
 * }</pre>
 *
 * <p>Records are encoded as they are appended into a growable array (leaving room for the 61-byte header);
 * {@code build()} compresses the records section in one pass if a codec is set, writes the header and the
 * CRC-32C. Offsets are relative ({@code baseOffset} + index) unless given with {@link #appendWithOffset}; the
 * log reassigns them at append anyway.
 *
 * <p>Not thread-safe: one thread (or one lock holder) builds a batch.
 */
public final class MemoryRecordsBuilder {

    private static final Header[] NO_HEADERS = new Header[0];
    private static final int HEADROOM = DefaultRecordBatch.RECORD_BATCH_OVERHEAD;

    private CompressionType compression = CompressionType.NONE;
    private TimestampType timestampType = TimestampType.CREATE_TIME;
    private long logAppendTime = RecordBatch.NO_TIMESTAMP;
    private long baseOffset;
    private long producerId = RecordBatch.NO_PRODUCER_ID;
    private short producerEpoch = RecordBatch.NO_PRODUCER_EPOCH;
    private int baseSequence = RecordBatch.NO_SEQUENCE;
    private boolean transactional;
    private boolean control;
    private int partitionLeaderEpoch = RecordBatch.NO_PARTITION_LEADER_EPOCH;
    private int writeLimit = Integer.MAX_VALUE;
    private float compressionRatioEstimate = 1.0f;

    private byte[] buf = new byte[HEADROOM + 256];
    private int pos = HEADROOM;
    private int numRecords;
    private long firstTimestamp = RecordBatch.NO_TIMESTAMP;
    private long maxTimestamp = RecordBatch.NO_TIMESTAMP;
    private long lastOffset = -1;
    private boolean built;

    MemoryRecordsBuilder() {
    }

    private void checkNotStarted(String what) {
        if (numRecords > 0 || built) {
            throw new IllegalStateException(what + " must be set before the first record is appended");
        }
    }

    /**
     * @param type the codec of the records section (default none)
     * @return this
     */
    public MemoryRecordsBuilder compression(CompressionType type) {
        checkNotStarted("compression");
        this.compression = Objects.requireNonNull(type, "compression");
        return this;
    }

    /**
     * @param type {@code CreateTime} (default) or {@code LogAppendTime}
     * @param logAppendTime for {@code LogAppendTime}: the append time in ms written as max timestamp; else ignored
     * @return this
     */
    public MemoryRecordsBuilder timestampType(TimestampType type, long logAppendTime) {
        checkNotStarted("timestampType");
        if (type == TimestampType.NO_TIMESTAMP_TYPE) {
            throw new IllegalArgumentException("A v2 batch needs CreateTime or LogAppendTime");
        }
        this.timestampType = type;
        this.logAppendTime = logAppendTime;
        return this;
    }

    /**
     * @param offset the offset of the first record (default 0)
     * @return this
     */
    public MemoryRecordsBuilder baseOffset(long offset) {
        checkNotStarted("baseOffset");
        this.baseOffset = offset;
        return this;
    }

    /**
     * Marks the batch as an idempotent producer's. Unlike the other batch-level options this may be set after
     * records were appended (until {@link #build()}): the producer assigns sequence numbers when its sender takes
     * the batch, as Kafka's does, and the header is only written by {@code build()}.
     *
     * @param producerId   the producer id ({@code >= 0}), or -1 for none
     * @param epoch        the producer epoch, or -1
     * @param baseSequence the sequence of the first record, or -1
     * @return this
     * @throws IllegalStateException if the batch was already built
     */
    public MemoryRecordsBuilder producer(long producerId, short epoch, int baseSequence) {
        if (built) {
            throw new IllegalStateException("producer must be set before the batch is built");
        }
        this.producerId = producerId;
        this.producerEpoch = epoch;
        this.baseSequence = baseSequence;
        return this;
    }

    /**
     * @param transactional whether the batch belongs to a transaction (needs a producer id)
     * @return this
     */
    public MemoryRecordsBuilder transactional(boolean transactional) {
        checkNotStarted("transactional");
        this.transactional = transactional;
        return this;
    }

    /**
     * @param control whether this is a control batch (records with {@link ControlRecordType} keys)
     * @return this
     */
    public MemoryRecordsBuilder control(boolean control) {
        checkNotStarted("control");
        this.control = control;
        return this;
    }

    /**
     * @param epoch the partition leader epoch to stamp (default -1; the log may overwrite it)
     * @return this
     */
    public MemoryRecordsBuilder partitionLeaderEpoch(int epoch) {
        checkNotStarted("partitionLeaderEpoch");
        this.partitionLeaderEpoch = epoch;
        return this;
    }

    /**
     * @param bytes the size {@link #hasRoomFor} keeps the estimated batch under (the producer's {@code batch.size})
     * @return this
     */
    public MemoryRecordsBuilder writeLimit(int bytes) {
        this.writeLimit = bytes;
        return this;
    }

    /**
     * @param ratio expected compressed/uncompressed size ratio used by {@link #estimatedSizeInBytes()} for
     *              compressed batches (default 1.0: a compressed batch is assumed no smaller than its records)
     * @return this
     */
    public MemoryRecordsBuilder compressionRatioEstimate(float ratio) {
        this.compressionRatioEstimate = ratio;
        return this;
    }

    /**
     * Appends a record with the next offset.
     *
     * @param timestamp ms since the epoch, or -1 for none
     * @param key       the key or null
     * @param value     the value or null
     * @param headers   the headers or null for none
     * @return this
     * @throws IllegalStateException if the batch was already built
     * @throws IllegalArgumentException for a negative timestamp other than -1
     */
    public MemoryRecordsBuilder append(long timestamp, byte[] key, byte[] value, Header[] headers) {
        return appendWithOffset(lastOffset < 0 ? baseOffset : lastOffset + 1, timestamp, key, value, headers);
    }

    /**
     * Appends a record with the next offset.
     *
     * @param timestamp ms since the epoch, or -1
     * @param key       the key or null (the buffer's remaining bytes; not moved)
     * @param value     the value or null (not moved)
     * @param headers   the headers or null
     * @return this
     */
    public MemoryRecordsBuilder append(long timestamp, ByteBuffer key, ByteBuffer value, Header[] headers) {
        return appendWithOffset(lastOffset < 0 ? baseOffset : lastOffset + 1, timestamp, key, value, headers);
    }

    /**
     * Appends a record with an explicit offset; offsets must increase (gaps are allowed, as after compaction).
     *
     * @param offset    the absolute offset, {@code >= baseOffset} and greater than the previous record's
     * @param timestamp ms, or -1
     * @param key       the key or null
     * @param value     the value or null
     * @param headers   the headers or null
     * @return this
     * @throws IllegalArgumentException if the offset does not increase or is below the base offset
     */
    public MemoryRecordsBuilder appendWithOffset(long offset, long timestamp, byte[] key, byte[] value, Header[] headers) {
        return appendWithOffset(offset, timestamp, key == null ? null : ByteBuffer.wrap(key),
                value == null ? null : ByteBuffer.wrap(value), headers);
    }

    /**
     * As {@link #appendWithOffset(long, long, byte[], byte[], Header[])} with buffers (their remaining bytes).
     *
     * @param offset    the absolute offset
     * @param timestamp ms, or -1
     * @param key       the key or null
     * @param value     the value or null
     * @param headers   the headers or null
     * @return this
     */
    public MemoryRecordsBuilder appendWithOffset(long offset, long timestamp, ByteBuffer key, ByteBuffer value,
                                                 Header[] headers) {
        if (built) {
            throw new IllegalStateException("The batch was already built; start a new builder");
        }
        if (timestamp < 0 && timestamp != RecordBatch.NO_TIMESTAMP) {
            throw new IllegalArgumentException("Invalid negative timestamp " + timestamp);
        }
        if (offset < baseOffset || offset <= lastOffset) {
            throw new IllegalArgumentException("Offset " + offset + " must be at least the base offset " + baseOffset
                    + " and greater than the previous record's " + lastOffset);
        }
        if (offset - baseOffset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Offset delta " + (offset - baseOffset) + " does not fit in a batch");
        }
        Header[] hs = headers == null ? NO_HEADERS : headers;
        if (numRecords == 0) {
            firstTimestamp = timestamp;
        }
        int offsetDelta = (int) (offset - baseOffset);
        long timestampDelta = timestamp - firstTimestamp;
        int keySize = key == null ? -1 : key.remaining();
        int valueSize = value == null ? -1 : value.remaining();
        int body = DefaultRecord.sizeOfBodyInBytes(offsetDelta, timestampDelta, keySize, valueSize, hs);
        ensure(ByteUtils.sizeOfVarint(body) + body);
        byte[] b = buf;
        int p = ByteUtils.writeVarint(body, b, pos);
        b[p++] = 0;
        p = ByteUtils.writeVarlong(timestampDelta, b, p);
        p = ByteUtils.writeVarint(offsetDelta, b, p);
        p = ByteUtils.writeVarint(keySize, b, p);
        if (keySize > 0) {
            key.get(key.position(), b, p, keySize);
            p += keySize;
        }
        p = ByteUtils.writeVarint(valueSize, b, p);
        if (valueSize > 0) {
            value.get(value.position(), b, p, valueSize);
            p += valueSize;
        }
        p = ByteUtils.writeVarint(hs.length, b, p);
        for (Header h : hs) {
            byte[] k = h.key().getBytes(StandardCharsets.UTF_8);
            p = ByteUtils.writeVarint(k.length, b, p);
            System.arraycopy(k, 0, b, p, k.length);
            p += k.length;
            byte[] v = h.value();
            if (v == null) {
                p = ByteUtils.writeVarint(-1, b, p);
            } else {
                p = ByteUtils.writeVarint(v.length, b, p);
                System.arraycopy(v, 0, b, p, v.length);
                p += v.length;
            }
        }
        pos = p;
        numRecords++;
        lastOffset = offset;
        if (timestamp > maxTimestamp) {
            maxTimestamp = timestamp;
        }
        return this;
    }

    /**
     * Copies a record (offset, timestamp, key, value, headers) from another batch, keeping its offset.
     *
     * @param record the record
     * @return this
     */
    public MemoryRecordsBuilder appendWithOffset(Record record) {
        return appendWithOffset(record.offset(), record.timestamp(), record.key(), record.value(), record.headers());
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }

    /**
     * @param timestamp ms
     * @param key       key or null
     * @param value     value or null
     * @param headers   headers or null
     * @return true if the record fits under the write limit (always true for the first record)
     */
    public boolean hasRoomFor(long timestamp, byte[] key, byte[] value, Header[] headers) {
        if (numRecords == 0) {
            return true;
        }
        Header[] hs = headers == null ? NO_HEADERS : headers;
        int body = DefaultRecord.sizeOfBodyInBytes(numRecords, timestamp - firstTimestamp,
                key == null ? -1 : key.length, value == null ? -1 : value.length, hs);
        int size = ByteUtils.sizeOfVarint(body) + body;
        return estimatedSizeInBytes() + size * (compression == CompressionType.NONE ? 1.0f : compressionRatioEstimate)
                <= writeLimit;
    }

    /** @return the estimated size of the built batch in bytes (exact without compression) */
    public int estimatedSizeInBytes() {
        int records = pos - HEADROOM;
        return HEADROOM + (compression == CompressionType.NONE ? records : (int) (records * compressionRatioEstimate));
    }

    /** @return whether the estimated size reached the write limit */
    public boolean isFull() {
        return numRecords > 0 && estimatedSizeInBytes() >= writeLimit;
    }

    /** @return the number of records appended */
    public int numRecords() {
        return numRecords;
    }

    /** @return the uncompressed size of the records appended, in bytes */
    public int uncompressedBytesWritten() {
        return pos - HEADROOM;
    }

    /**
     * Writes the header (and compresses) and returns the batch; the builder cannot be used afterwards.
     *
     * @return one batch, or {@link MemoryRecords#EMPTY} if no record was appended
     * @throws IllegalStateException if already built
     */
    public MemoryRecords build() {
        if (built) {
            throw new IllegalStateException("The batch was already built");
        }
        built = true;
        if (numRecords == 0) {
            return MemoryRecords.EMPTY;
        }
        ByteBuffer out;
        if (compression == CompressionType.NONE) {
            out = ByteBuffer.wrap(buf, 0, pos).slice();
        } else {
            out = Compression.compress(compression.id, buf, HEADROOM, pos - HEADROOM, HEADROOM).slice();
        }
        int size = out.limit();
        short attributes = (short) (compression.id
                | (timestampType == TimestampType.LOG_APPEND_TIME ? DefaultRecordBatch.TIMESTAMP_TYPE_MASK : 0)
                | (transactional ? DefaultRecordBatch.TRANSACTIONAL_FLAG_MASK : 0)
                | (control ? DefaultRecordBatch.CONTROL_FLAG_MASK : 0));
        long max = timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : maxTimestamp;
        out.putLong(DefaultRecordBatch.BASE_OFFSET_OFFSET, baseOffset);
        out.putInt(DefaultRecordBatch.LENGTH_OFFSET, size - DefaultRecordBatch.LOG_OVERHEAD);
        out.putInt(DefaultRecordBatch.PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
        out.put(DefaultRecordBatch.MAGIC_OFFSET, RecordBatch.MAGIC_VALUE_V2);
        out.putShort(DefaultRecordBatch.ATTRIBUTES_OFFSET, attributes);
        out.putInt(DefaultRecordBatch.LAST_OFFSET_DELTA_OFFSET, (int) (lastOffset - baseOffset));
        out.putLong(DefaultRecordBatch.BASE_TIMESTAMP_OFFSET, firstTimestamp);
        out.putLong(DefaultRecordBatch.MAX_TIMESTAMP_OFFSET, max);
        out.putLong(DefaultRecordBatch.PRODUCER_ID_OFFSET, producerId);
        out.putShort(DefaultRecordBatch.PRODUCER_EPOCH_OFFSET, producerEpoch);
        out.putInt(DefaultRecordBatch.BASE_SEQUENCE_OFFSET, baseSequence);
        out.putInt(DefaultRecordBatch.RECORDS_COUNT_OFFSET, numRecords);
        out.putInt(DefaultRecordBatch.CRC_OFFSET,
                (int) DefaultRecordBatch.crc(out, DefaultRecordBatch.ATTRIBUTES_OFFSET, size - DefaultRecordBatch.ATTRIBUTES_OFFSET));
        buf = null;
        return MemoryRecords.readableRecords(out);
    }
}
