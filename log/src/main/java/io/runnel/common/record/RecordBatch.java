package io.runnel.common.record;

import java.util.Iterator;

/**
 * A RecordBatch v2 (magic 2), with Kafka's accessor names: the unit the log appends, stores, indexes and
 * returns. Header fields are read in place; records are decoded (and decompressed) only when iterated.
 *
 * <p>See {@link DefaultRecordBatch} for the byte layout. Instances are views over bytes owned elsewhere; they
 * are not thread-safe while those bytes change, and iterating a compressed batch allocates the decompressed
 * records.
 */
public interface RecordBatch extends Iterable<Record> {

    /** The only magic value Runnel reads and writes. */
    byte MAGIC_VALUE_V2 = 2;
    /** The current magic value. */
    byte CURRENT_MAGIC_VALUE = MAGIC_VALUE_V2;
    /** "No timestamp". */
    long NO_TIMESTAMP = -1L;
    /** "No producer id": the batch is not from an idempotent producer. */
    long NO_PRODUCER_ID = -1L;
    /** "No producer epoch". */
    short NO_PRODUCER_EPOCH = -1;
    /** "No sequence". */
    int NO_SEQUENCE = -1;
    /** "No partition leader epoch". */
    int NO_PARTITION_LEADER_EPOCH = -1;

    /** @return the offset of the first record (before compaction; may be lower than the first remaining record's) */
    long baseOffset();

    /** @return the offset of the last record (kept through compaction) */
    long lastOffset();

    /** @return {@code lastOffset() + 1} */
    default long nextOffset() {
        return lastOffset() + 1;
    }

    /** @return the magic byte (2) */
    byte magic();

    /** @return the stored CRC-32C, unsigned */
    long checksum();

    /** @return whether the stored CRC-32C matches the bytes from the attributes to the end of the batch */
    boolean isValid();

    /**
     * Checks the CRC and the size bounds.
     *
     * @throws io.runnel.common.errors.CorruptRecordException naming the batch's offset, and the size or CRC
     *     that is wrong
     */
    void ensureValid();

    /** @return the largest record timestamp (or the log append time), in ms since the epoch */
    long maxTimestamp();

    /** @return the timestamp of the first record (the base the deltas are relative to), in ms */
    long baseTimestamp();

    /** @return {@code CreateTime} or {@code LogAppendTime} */
    TimestampType timestampType();

    /** @return the codec of the records section */
    CompressionType compressionType();

    /** @return the producer id, or {@link #NO_PRODUCER_ID} */
    long producerId();

    /** @return the producer epoch, or {@link #NO_PRODUCER_EPOCH} */
    short producerEpoch();

    /** @return the sequence of the first record, or {@link #NO_SEQUENCE} */
    int baseSequence();

    /** @return the sequence of the last record (wrapping past {@code Integer.MAX_VALUE} to 0), or {@link #NO_SEQUENCE} */
    int lastSequence();

    /** @return whether the batch is part of a transaction */
    boolean isTransactional();

    /** @return whether the batch holds control records (transaction markers) rather than data */
    boolean isControlBatch();

    /** @return the leader epoch stamped at append, or {@link #NO_PARTITION_LEADER_EPOCH} */
    int partitionLeaderEpoch();

    /** @return the number of records in the batch */
    int countOrNull();

    /** @return the whole batch's size in bytes, including the 12-byte offset and length prefix */
    int sizeInBytes();

    /**
     * Decodes the records in offset order, decompressing the whole records section first if it is compressed.
     *
     * @return a new iterator; {@code next()} throws {@link io.runnel.common.errors.CorruptRecordException} for a
     *     malformed record or a batch whose record count does not match its bytes
     */
    @Override
    Iterator<Record> iterator();
}
