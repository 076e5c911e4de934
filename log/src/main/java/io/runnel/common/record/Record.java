package io.runnel.common.record;

import io.runnel.common.header.Header;

import java.nio.ByteBuffer;

/**
 * One record inside a {@link RecordBatch}, with Kafka's accessor names. Obtained by iterating a batch; a view
 * over the batch's bytes (key and value are read-only slices, not copies), so it is valid as long as the bytes
 * it came from are not reused.
 *
 * <p>Not thread-safe to share while its batch's buffer is being modified; otherwise immutable.
 */
public interface Record {

    /** @return the absolute offset of this record in its partition */
    long offset();

    /** @return the producer sequence of this record, or {@link RecordBatch#NO_SEQUENCE} */
    int sequence();

    /** @return the encoded size of this record in bytes, including its varint length prefix */
    int sizeInBytes();

    /**
     * @return the record's timestamp in ms since the epoch: the producer's for {@code CreateTime} batches,
     *     the batch's max timestamp for {@code LogAppendTime} batches
     */
    long timestamp();

    /** @return the key length in bytes, or -1 for a null key */
    int keySize();

    /** @return whether the key is non-null */
    boolean hasKey();

    /** @return a read-only view of the key bytes, or null */
    ByteBuffer key();

    /** @return the value length in bytes, or -1 for a null value (a tombstone) */
    int valueSize();

    /** @return whether the value is non-null */
    boolean hasValue();

    /** @return a read-only view of the value bytes, or null */
    ByteBuffer value();

    /**
     * @return the record's headers in order (decoded on each call); never null
     * @throws io.runnel.common.errors.CorruptRecordException if the header bytes are malformed
     */
    Header[] headers();

    /** @return always true for RecordBatch v2 records (the batch CRC covers them; see {@link RecordBatch#isValid()}) */
    default boolean isValid() {
        return true;
    }
}
