package io.runnel.common.record;

import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.record.compression.Compression;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.CRC32C;

/**
 * RecordBatch v2 (magic 2), read in place: the Kafka protocol guide's "RecordBatch", byte for byte. All
 * integers are big-endian.
 *
 * <pre>
 *  offset  size  field
 *   0      8     baseOffset            offset of the first record
 *   8      4     batchLength           bytes after this field (batch size - 12)
 *  12      4     partitionLeaderEpoch
 *  16      1     magic                 2
 *  17      4     crc                   CRC-32C (Castagnoli) of bytes 21..end, unsigned
 *  21      2     attributes            bits 0-2 codec (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd),
 *                                      bit 3 timestamp type (1 = LogAppendTime), bit 4 transactional,
 *                                      bit 5 control, bit 6 delete horizon set (KIP-534)
 *  23      4     lastOffsetDelta       lastOffset - baseOffset
 *  27      8     baseTimestamp
 *  35      8     maxTimestamp
 *  43      8     producerId
 *  51      2     producerEpoch
 *  53      4     baseSequence
 *  57      4     recordsCount
 *  61      ...   records               (see {@link DefaultRecord}); compressed as one stream when codec != 0
 * </pre>
 *
 * <p>The CRC deliberately leaves out baseOffset, batchLength and partitionLeaderEpoch, so the log can assign
 * offsets and stamp the leader epoch without recomputing it. After a crash the log validates each batch's
 * length, magic and CRC and truncates at the first one that fails.
 *
 * <p>The flyweight wraps a buffer whose position 0 is the batch's first byte; it reads with absolute gets and
 * never moves the buffer. The setters change the bytes in place (used by the log at append).
 */
public final class DefaultRecordBatch implements RecordBatch {

    /** Position of baseOffset. */
    public static final int BASE_OFFSET_OFFSET = 0;
    static final int BASE_OFFSET_LENGTH = 8;
    /** Position of batchLength. */
    public static final int LENGTH_OFFSET = BASE_OFFSET_OFFSET + BASE_OFFSET_LENGTH;
    static final int LENGTH_LENGTH = 4;
    /** Position of partitionLeaderEpoch. */
    public static final int PARTITION_LEADER_EPOCH_OFFSET = LENGTH_OFFSET + LENGTH_LENGTH;
    static final int PARTITION_LEADER_EPOCH_LENGTH = 4;
    /** Position of magic. */
    public static final int MAGIC_OFFSET = PARTITION_LEADER_EPOCH_OFFSET + PARTITION_LEADER_EPOCH_LENGTH;
    static final int MAGIC_LENGTH = 1;
    /** Position of the CRC. */
    public static final int CRC_OFFSET = MAGIC_OFFSET + MAGIC_LENGTH;
    static final int CRC_LENGTH = 4;
    /** Position of attributes: the CRC covers from here to the end. */
    public static final int ATTRIBUTES_OFFSET = CRC_OFFSET + CRC_LENGTH;
    static final int ATTRIBUTE_LENGTH = 2;
    /** Position of lastOffsetDelta. */
    public static final int LAST_OFFSET_DELTA_OFFSET = ATTRIBUTES_OFFSET + ATTRIBUTE_LENGTH;
    static final int LAST_OFFSET_DELTA_LENGTH = 4;
    /** Position of baseTimestamp. */
    public static final int BASE_TIMESTAMP_OFFSET = LAST_OFFSET_DELTA_OFFSET + LAST_OFFSET_DELTA_LENGTH;
    static final int BASE_TIMESTAMP_LENGTH = 8;
    /** Position of maxTimestamp. */
    public static final int MAX_TIMESTAMP_OFFSET = BASE_TIMESTAMP_OFFSET + BASE_TIMESTAMP_LENGTH;
    static final int MAX_TIMESTAMP_LENGTH = 8;
    /** Position of producerId. */
    public static final int PRODUCER_ID_OFFSET = MAX_TIMESTAMP_OFFSET + MAX_TIMESTAMP_LENGTH;
    static final int PRODUCER_ID_LENGTH = 8;
    /** Position of producerEpoch. */
    public static final int PRODUCER_EPOCH_OFFSET = PRODUCER_ID_OFFSET + PRODUCER_ID_LENGTH;
    static final int PRODUCER_EPOCH_LENGTH = 2;
    /** Position of baseSequence. */
    public static final int BASE_SEQUENCE_OFFSET = PRODUCER_EPOCH_OFFSET + PRODUCER_EPOCH_LENGTH;
    static final int BASE_SEQUENCE_LENGTH = 4;
    /** Position of recordsCount. */
    public static final int RECORDS_COUNT_OFFSET = BASE_SEQUENCE_OFFSET + BASE_SEQUENCE_LENGTH;
    static final int RECORDS_COUNT_LENGTH = 4;
    /** Position of the first record. */
    public static final int RECORDS_OFFSET = RECORDS_COUNT_OFFSET + RECORDS_COUNT_LENGTH;
    /** Size of a batch header (a batch with no records). */
    public static final int RECORD_BATCH_OVERHEAD = RECORDS_OFFSET;
    /** Size of baseOffset + batchLength, the prefix every log entry starts with. */
    public static final int LOG_OVERHEAD = LENGTH_OFFSET + LENGTH_LENGTH;

    static final byte COMPRESSION_CODEC_MASK = 0x07;
    static final byte TIMESTAMP_TYPE_MASK = 0x08;
    static final byte TRANSACTIONAL_FLAG_MASK = 0x10;
    static final int CONTROL_FLAG_MASK = 0x20;
    static final byte DELETE_HORIZON_FLAG_MASK = 0x40;

    private final ByteBuffer buffer;

    /**
     * Wraps a batch. The buffer's position 0 must be the batch's first byte and its limit the batch's end.
     *
     * @param buffer the batch bytes (big-endian); not copied
     */
    public DefaultRecordBatch(ByteBuffer buffer) {
        this.buffer = buffer.order() == ByteOrder.BIG_ENDIAN ? buffer : buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    /** @return the batch bytes (position 0 to size), shared with this flyweight */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    @Override
    public long baseOffset() {
        return buffer.getLong(BASE_OFFSET_OFFSET);
    }

    /** @return lastOffsetDelta as stored */
    public int lastOffsetDelta() {
        return buffer.getInt(LAST_OFFSET_DELTA_OFFSET);
    }

    @Override
    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    @Override
    public byte magic() {
        return buffer.get(MAGIC_OFFSET);
    }

    @Override
    public long checksum() {
        return buffer.getInt(CRC_OFFSET) & 0xffffffffL;
    }

    /** @return the CRC-32C of bytes 21..end as computed now */
    public long computeChecksum() {
        return crc(buffer, ATTRIBUTES_OFFSET, buffer.limit() - ATTRIBUTES_OFFSET);
    }

    @Override
    public boolean isValid() {
        return sizeInBytes() >= RECORD_BATCH_OVERHEAD && checksum() == computeChecksum();
    }

    @Override
    public void ensureValid() {
        if (sizeInBytes() < RECORD_BATCH_OVERHEAD) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset() + " is only " + sizeInBytes()
                    + " bytes, smaller than the minimum batch header size " + RECORD_BATCH_OVERHEAD);
        }
        long stored = checksum();
        long computed = computeChecksum();
        if (stored != computed) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset() + " is corrupt: stored CRC-32C 0x"
                    + Long.toHexString(stored) + " does not match computed 0x" + Long.toHexString(computed));
        }
    }

    /** @return the attributes field */
    public short attributes() {
        return buffer.getShort(ATTRIBUTES_OFFSET);
    }

    @Override
    public long maxTimestamp() {
        return buffer.getLong(MAX_TIMESTAMP_OFFSET);
    }

    @Override
    public long baseTimestamp() {
        return buffer.getLong(BASE_TIMESTAMP_OFFSET);
    }

    @Override
    public TimestampType timestampType() {
        return (attributes() & TIMESTAMP_TYPE_MASK) == 0 ? TimestampType.CREATE_TIME : TimestampType.LOG_APPEND_TIME;
    }

    /** @return the codec id in the attributes (0-7; ids above 4 are invalid) */
    public int compressionId() {
        return attributes() & COMPRESSION_CODEC_MASK;
    }

    @Override
    public CompressionType compressionType() {
        return CompressionType.forId(compressionId());
    }

    @Override
    public long producerId() {
        return buffer.getLong(PRODUCER_ID_OFFSET);
    }

    @Override
    public short producerEpoch() {
        return buffer.getShort(PRODUCER_EPOCH_OFFSET);
    }

    @Override
    public int baseSequence() {
        return buffer.getInt(BASE_SEQUENCE_OFFSET);
    }

    @Override
    public int lastSequence() {
        int base = baseSequence();
        return base == NO_SEQUENCE ? NO_SEQUENCE : incrementSequence(base, lastOffsetDelta());
    }

    @Override
    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_FLAG_MASK) != 0;
    }

    @Override
    public boolean isControlBatch() {
        return (attributes() & CONTROL_FLAG_MASK) != 0;
    }

    /** @return whether bit 6 says baseTimestamp holds the delete horizon (KIP-534) */
    public boolean hasDeleteHorizonMs() {
        return (attributes() & DELETE_HORIZON_FLAG_MASK) != 0;
    }

    @Override
    public int partitionLeaderEpoch() {
        return buffer.getInt(PARTITION_LEADER_EPOCH_OFFSET);
    }

    @Override
    public int countOrNull() {
        return buffer.getInt(RECORDS_COUNT_OFFSET);
    }

    @Override
    public int sizeInBytes() {
        return LOG_OVERHEAD + buffer.getInt(LENGTH_OFFSET);
    }

    /**
     * Sets baseOffset (outside the CRC, so the CRC stays valid).
     *
     * @param offset the new base offset
     */
    public void setBaseOffset(long offset) {
        buffer.putLong(BASE_OFFSET_OFFSET, offset);
    }

    /**
     * Sets partitionLeaderEpoch (outside the CRC).
     *
     * @param epoch the leader epoch
     */
    public void setPartitionLeaderEpoch(int epoch) {
        buffer.putInt(PARTITION_LEADER_EPOCH_OFFSET, epoch);
    }

    /**
     * Sets the timestamp type and max timestamp, and recomputes the CRC (both fields are covered by it).
     *
     * @param type         the timestamp type
     * @param maxTimestamp the max timestamp in ms
     */
    public void setMaxTimestamp(TimestampType type, long maxTimestamp) {
        short attributes = attributes();
        short updated = (short) (type == TimestampType.LOG_APPEND_TIME ? attributes | TIMESTAMP_TYPE_MASK
                : attributes & ~TIMESTAMP_TYPE_MASK);
        if (updated == attributes && maxTimestamp() == maxTimestamp) {
            return;
        }
        buffer.putShort(ATTRIBUTES_OFFSET, updated);
        buffer.putLong(MAX_TIMESTAMP_OFFSET, maxTimestamp);
        buffer.putInt(CRC_OFFSET, (int) computeChecksum());
    }

    /**
     * @return the records section, decompressed if needed (a new buffer for compressed batches, a view otherwise)
     * @throws CorruptRecordException if decompression fails or the codec id is unknown
     */
    ByteBuffer recordsBuffer() {
        ByteBuffer records = buffer.duplicate().position(RECORDS_OFFSET).limit(sizeInBytes()).slice();
        int codec = compressionId();
        if (codec == 0) {
            return records;
        }
        if (codec > 4) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset() + " names unknown compression "
                    + "codec " + codec + " in its attributes");
        }
        try {
            return Compression.decompress(codec, records, 0);
        } catch (Compression.CompressionException e) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset() + " could not be decompressed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Iterator<Record> iterator() {
        int count = countOrNull();
        if (count == 0) {
            return java.util.Collections.emptyIterator();
        }
        if (count < 0) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset() + " has a negative record count " + count);
        }
        ByteBuffer records = recordsBuffer();
        long base = baseOffset();
        long baseTs = baseTimestamp();
        int baseSeq = baseSequence();
        boolean logAppendTime = timestampType() == TimestampType.LOG_APPEND_TIME;
        long appendTime = maxTimestamp();
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return read < count;
            }

            @Override
            public Record next() {
                if (read >= count) {
                    throw new NoSuchElementException();
                }
                DefaultRecord record;
                try {
                    record = DefaultRecord.readFrom(records, base, baseTs, baseSeq, logAppendTime, appendTime);
                } catch (CorruptRecordException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
                    throw new CorruptRecordException("Record " + read + " of the batch at offset " + base
                            + " is malformed: " + e.getMessage(), e);
                }
                read++;
                if (read == count && records.hasRemaining()) {
                    throw new CorruptRecordException("Record batch at offset " + base + " declares " + count
                            + " records but " + records.remaining() + " bytes remain after the last one");
                }
                return record;
            }
        };
    }

    /**
     * Walks the records without decoding them (no allocation for uncompressed batches): checks that each
     * record's length prefix stays inside the batch, that the records fill the batch exactly, that their
     * number matches the header's count, and optionally that every record has a key.
     *
     * @param requireKeys whether a null key is an error (compacted topics)
     * @return the number of records
     * @throws CorruptRecordException if the structure is broken (or decompression fails)
     * @throws io.runnel.common.errors.InvalidRecordException if {@code requireKeys} and a record has no key
     */
    public int validateRecords(boolean requireKeys) {
        int count = countOrNull();
        ByteBuffer b = recordsBuffer();
        int pos = b.position();
        int end = b.limit();
        int n = 0;
        try {
            while (pos < end) {
                long v = ByteUtils.varintAt(b, pos);
                int length = (int) (v >> 32);
                pos = (int) v;
                if (length < 6 || length > end - pos) {
                    throw new CorruptRecordException("Record " + n + " of the batch at offset " + baseOffset()
                            + " has length " + length + " but " + (end - pos) + " bytes remain");
                }
                if (requireKeys) {
                    int p = pos + 1;
                    for (int i = 0; i < 10 && (b.get(p++) & 0x80) != 0; i++) {
                        // skip timestampDelta (varlong)
                    }
                    p = (int) ByteUtils.varintAt(b, p); // skip offsetDelta
                    int keyLength = (int) (ByteUtils.varintAt(b, p) >> 32);
                    if (keyLength < 0) {
                        throw new io.runnel.common.errors.InvalidRecordException("Record " + n + " of the batch at "
                                + "offset " + baseOffset() + " has no key");
                    }
                }
                pos += length;
                n++;
            }
        } catch (IndexOutOfBoundsException e) {
            throw new CorruptRecordException("Record " + n + " of the batch at offset " + baseOffset()
                    + " overruns the batch", e);
        }
        if (n != count) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset() + " declares " + count
                    + " records but holds " + n);
        }
        return n;
    }

    /**
     * Kafka's sequence arithmetic: sequences wrap from {@code Integer.MAX_VALUE} to 0.
     *
     * @param sequence  a sequence
     * @param increment how far to move
     * @return the sequence {@code increment} later
     */
    public static int incrementSequence(int sequence, int increment) {
        if (sequence > Integer.MAX_VALUE - increment) {
            return increment - (Integer.MAX_VALUE - sequence) - 1;
        }
        return sequence + increment;
    }

    static long crc(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(offset).limit(offset + length));
        return crc.getValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefaultRecordBatch other && buffer.equals(other.buffer);
    }

    @Override
    public int hashCode() {
        return buffer.hashCode();
    }

    @Override
    public String toString() {
        return "RecordBatch(magic=" + magic() + ", offsets=[" + baseOffset() + ", " + lastOffset() + "], sequence=["
                + baseSequence() + ", " + lastSequence() + "], producerId=" + producerId() + ", producerEpoch="
                + producerEpoch() + ", compression=" + compressionId() + ", timestampType=" + timestampType()
                + ", maxTimestamp=" + maxTimestamp() + ", count=" + countOrNull() + ", size=" + sizeInBytes() + ")";
    }
}
