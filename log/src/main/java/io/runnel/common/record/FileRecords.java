package io.runnel.common.record;

import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.errors.RunnelStorageException;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Record batches in a file (a segment's {@code .log}), or a slice of one: the bytes a fetch returns. A slice
 * shares the file's channel and can be sent to a socket with {@link #writeTo} ({@code FileChannel.transferTo},
 * zero-copy) or iterated in-process with {@link #batches()}, which reads ahead in chunks of at least 64 KiB.
 *
 * <p>Thread-safety: one thread appends (under the owning log's lock); any number read concurrently with
 * positional reads, which never move the channel position. The size is published with a volatile write after
 * the bytes are written, so a reader that sees the size sees the bytes. A slice has a fixed end; it stays
 * readable after its file is renamed or unlinked, until the file is closed.
 *
 * <p>Errors from the file system surface as {@link RunnelStorageException} naming the file.
 */
public final class FileRecords implements Records, Closeable {

    private static final int READ_AHEAD = 64 * 1024;

    private volatile File file;
    private final FileChannel channel;
    private final int start;
    private final int end;
    private final boolean isSlice;
    private final AtomicInteger size;

    private FileRecords(File file, FileChannel channel, int start, int end, boolean isSlice) throws IOException {
        this.file = file;
        this.channel = channel;
        this.start = start;
        this.end = end;
        this.isSlice = isSlice;
        if (isSlice) {
            this.size = new AtomicInteger(end - start);
        } else {
            long length = channel.size();
            if (length > Integer.MAX_VALUE) {
                throw new RunnelStorageException("Segment file " + file + " is " + length
                        + " bytes, larger than the 2 GiB a segment may hold");
            }
            this.size = new AtomicInteger((int) length);
        }
    }

    /**
     * Opens (creating if needed) a file for reading and appending.
     *
     * @param file the file
     * @return the records, positioned at the end
     * @throws RunnelStorageException if the file cannot be opened
     */
    public static FileRecords open(File file) {
        try {
            FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return new FileRecords(file, channel, 0, Integer.MAX_VALUE, false);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not open segment file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the file (its current name) */
    public File file() {
        return file;
    }

    /** @return the shared channel; do not move its position or close it */
    public FileChannel channel() {
        return channel;
    }

    /** @return the position of this slice's first byte in the file (0 for a whole file) */
    public int startPosition() {
        return start;
    }

    @Override
    public int sizeInBytes() {
        return size.get();
    }

    /**
     * Appends whole batches at the end of the file. Only one thread may append at a time.
     *
     * @param records the batches
     * @return the number of bytes written
     * @throws RunnelStorageException if the write fails or the file would pass 2 GiB
     * @throws IllegalStateException on a slice
     */
    public int append(MemoryRecords records) {
        if (isSlice) {
            throw new IllegalStateException("Cannot append to a slice of " + file);
        }
        ByteBuffer buffer = records.buffer();
        int written = buffer.remaining();
        int current = size.get();
        if ((long) current + written > Integer.MAX_VALUE) {
            throw new RunnelStorageException("Appending " + written + " bytes to " + file + " (" + current
                    + " bytes) would pass the 2 GiB limit of a segment");
        }
        try {
            long position = current;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            throw new RunnelStorageException("Could not append " + written + " bytes to " + file + ": " + e.getMessage(), e);
        }
        size.set(current + written);
        return written;
    }

    /**
     * Forces written bytes to the storage device ({@code fsync}).
     *
     * @throws RunnelStorageException if the flush fails
     */
    public void flush() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not flush " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A view of {@code [position, position + size)} of these records (clipped to the current end).
     *
     * @param position the first byte, relative to these records
     * @param size     the number of bytes
     * @return the slice
     * @throws IllegalArgumentException if position is negative or past the end
     */
    public FileRecords slice(int position, int size) {
        int current = sizeInBytes();
        if (position < 0 || position > current) {
            throw new IllegalArgumentException("Slice position " + position + " is outside " + file + " (size "
                    + current + ")");
        }
        int sliceEnd = this.start + position + Math.min(size, current - position);
        try {
            return new FileRecords(file, channel, this.start + position, sliceEnd, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Truncates the file to {@code targetSize} bytes (no-op if already smaller).
     *
     * @param targetSize the new size
     * @return the number of bytes removed
     * @throws RunnelStorageException if the truncation fails
     */
    public int truncateTo(int targetSize) {
        int current = sizeInBytes();
        if (targetSize < 0 || targetSize > current) {
            throw new IllegalArgumentException("Cannot truncate " + file + " of size " + current + " to " + targetSize);
        }
        if (targetSize == current) {
            return 0;
        }
        try {
            channel.truncate(targetSize);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not truncate " + file + " to " + targetSize + ": " + e.getMessage(), e);
        }
        size.set(targetSize);
        return current - targetSize;
    }

    /**
     * Reads bytes at a position into a buffer (fills it unless the end of the file comes first).
     *
     * @param buffer   the destination, from its position to its limit; flipped to be read on return
     * @param position the position relative to these records
     * @return the buffer
     * @throws RunnelStorageException if the read fails
     */
    public ByteBuffer readInto(ByteBuffer buffer, int position) {
        try {
            long filePosition = (long) start + position;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, filePosition);
                if (n < 0) {
                    break;
                }
                filePosition += n;
            }
        } catch (IOException e) {
            throw new RunnelStorageException("Could not read " + file + " at position " + position + ": " + e.getMessage(), e);
        }
        buffer.flip();
        return buffer;
    }

    /**
     * Reads the 61-byte header of the batch at {@code position} into {@code header} (cleared first).
     *
     * @param position a batch start, relative to these records
     * @param header   a buffer of at least {@link DefaultRecordBatch#RECORD_BATCH_OVERHEAD} bytes
     * @return a flyweight over the header (fields up to recordsCount readable), or null if fewer than 61 bytes
     *     remain (the end, or a torn batch)
     */
    public DefaultRecordBatch readBatchHeader(int position, ByteBuffer header) {
        header.clear().limit(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        if (sizeInBytes() - position < DefaultRecordBatch.RECORD_BATCH_OVERHEAD) {
            return null;
        }
        readInto(header, position);
        if (header.remaining() < DefaultRecordBatch.RECORD_BATCH_OVERHEAD) {
            return null;
        }
        return new DefaultRecordBatch(header);
    }

    @Override
    public long writeTo(WritableByteChannel destination, long offset, int length) throws IOException {
        long limit = Math.min((long) sizeInBytes() - offset, length);
        if (limit <= 0) {
            return 0;
        }
        return channel.transferTo(start + offset, limit, destination);
    }

    @Override
    public Iterable<DefaultRecordBatch> batches() {
        return () -> batchIterator(0);
    }

    /**
     * Iterates whole batches starting at a batch boundary, reading ahead in chunks.
     *
     * @param startPosition a batch start, relative to these records
     * @return the iterator; {@link BatchIterator#lastPosition()} tells where the last returned batch starts
     */
    public BatchIterator batchIterator(int startPosition) {
        return new BatchIterator(startPosition);
    }

    /**
     * Renames the file (the channel stays open and valid).
     *
     * @param target the new name
     * @throws RunnelStorageException if the rename fails
     */
    public void renameTo(File target) {
        try {
            Files.move(file.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not rename " + file + " to " + target + ": " + e.getMessage(), e);
        }
        file = target;
    }

    /** Closes the channel (for a slice: nothing; slices never own the channel). */
    @Override
    public void close() {
        if (isSlice) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new RunnelStorageException("Could not close " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes the channel and deletes the file.
     *
     * @return whether a file was deleted
     */
    public boolean deleteIfExists() {
        close();
        try {
            return Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new RunnelStorageException("Could not delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FileRecords(file=" + file + ", start=" + start + ", size=" + sizeInBytes() + ")";
    }

    /**
     * Walks whole batches of a file, validating size bounds and magic; a torn batch at the end (one whose length
     * passes the end of the file) ends the iteration, and {@link #hasTornTail()} then says so.
     */
    public final class BatchIterator implements Iterator<DefaultRecordBatch> {
        private int position;
        private int lastPosition = -1;
        private ByteBuffer chunk;
        private int chunkStart;
        private DefaultRecordBatch next;
        private boolean tornTail;
        private final int limit;

        BatchIterator(int startPosition) {
            this.position = startPosition;
            this.limit = sizeInBytes();
        }

        /** @return the position (relative to these records) of the batch last returned by {@link #next()} */
        public int lastPosition() {
            return lastPosition;
        }

        /** @return the position where the next batch would start */
        public int nextPosition() {
            return position;
        }

        /** @return whether iteration ended at bytes that do not form a whole batch */
        public boolean hasTornTail() {
            return tornTail;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public DefaultRecordBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            DefaultRecordBatch b = next;
            next = null;
            return b;
        }

        private DefaultRecordBatch advance() {
            int remaining = limit - position;
            if (remaining <= 0) {
                return null;
            }
            if (remaining < DefaultRecordBatch.LOG_OVERHEAD) {
                tornTail = true;
                return null;
            }
            ensureChunk(position, Math.min(remaining, DefaultRecordBatch.RECORD_BATCH_OVERHEAD));
            int rel = position - chunkStart;
            long baseOffset = chunk.getLong(rel);
            int length = chunk.getInt(rel + DefaultRecordBatch.LENGTH_OFFSET);
            if (length < DefaultRecordBatch.RECORD_BATCH_OVERHEAD - DefaultRecordBatch.LOG_OVERHEAD) {
                throw corrupt(baseOffset, "has length " + length + ", smaller than the minimum "
                        + (DefaultRecordBatch.RECORD_BATCH_OVERHEAD - DefaultRecordBatch.LOG_OVERHEAD));
            }
            int size = DefaultRecordBatch.LOG_OVERHEAD + length;
            if (size > remaining || size < 0) {
                tornTail = true;
                return null;
            }
            ensureChunk(position, size);
            rel = position - chunkStart;
            byte magic = chunk.get(rel + DefaultRecordBatch.MAGIC_OFFSET);
            if (magic != RecordBatch.MAGIC_VALUE_V2) {
                throw corrupt(baseOffset, "has magic " + magic + ": only RecordBatch v2 (magic 2) is supported");
            }
            ByteBuffer slice = chunk.duplicate().position(rel).limit(rel + size).slice();
            lastPosition = position;
            position += size;
            return new DefaultRecordBatch(slice);
        }

        private void ensureChunk(int from, int needed) {
            if (chunk != null && from >= chunkStart && from + needed <= chunkStart + chunk.limit()) {
                return;
            }
            int want = Math.min(Math.max(needed, READ_AHEAD), limit - from);
            chunk = readInto(ByteBuffer.allocate(want), from);
            chunkStart = from;
            if (chunk.limit() < needed) {
                throw new RunnelStorageException("Short read of " + file + " at position " + (start + from)
                        + ": wanted " + needed + " bytes, got " + chunk.limit());
            }
        }

        private CorruptRecordException corrupt(long baseOffset, String what) {
            File f = file;
            String partition = f.getParentFile() == null ? "?" : f.getParentFile().getName();
            return new CorruptRecordException("Record batch at offset " + baseOffset + " of " + partition
                    + " (file " + f + ", position " + (start + position) + ") " + what);
        }
    }
}
