package io.runnel.common.record;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A sequence of whole RecordBatch v2 batches, back to back: what a producer hands to the log
 * ({@link MemoryRecords}) and what a fetch returns ({@link FileRecords} slice, or {@link MemoryRecords}).
 * The bytes are the on-disk and on-wire bytes; {@link #writeTo} moves them to a channel without decoding
 * (for a file slice, with {@code FileChannel.transferTo}, i.e. zero-copy).
 *
 * <p>Iteration validates each batch's size bounds and magic ({@link io.runnel.common.errors.CorruptRecordException}
 * otherwise) but not its CRC: call {@link RecordBatch#ensureValid()} for that, as a consumer with
 * {@code check.crcs=true} does. A partial batch at the very end (possible only in a truncated file) ends the
 * iteration silently, as Kafka's fetch responses allow.
 */
public interface Records {

    /** @return the size in bytes */
    int sizeInBytes();

    /** @return the batches in order; each call starts a new iteration */
    Iterable<DefaultRecordBatch> batches();

    /**
     * Writes bytes {@code [position, position + length)} of these records to a channel.
     *
     * @param channel  the destination
     * @param position the first byte, relative to these records
     * @param length   how many bytes at most
     * @return the number of bytes written (may be fewer than asked, as with any non-blocking channel)
     * @throws IOException if the channel fails
     */
    long writeTo(WritableByteChannel channel, long position, int length) throws IOException;

    /** @return every record of every batch, in offset order (decompressing batch by batch) */
    default Iterable<Record> records() {
        return () -> new Iterator<>() {
            private final Iterator<DefaultRecordBatch> batches = batches().iterator();
            private Iterator<Record> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!batches.hasNext()) {
                        return false;
                    }
                    current = batches.next().iterator();
                }
                return true;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
