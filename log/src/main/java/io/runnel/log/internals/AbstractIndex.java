package io.runnel.log.internals;

import io.runnel.common.errors.RunnelStorageException;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/*
 * Design notes for maintainers.
 *
 * An index is a file of fixed-size entries sorted by offset, memory-mapped for its whole length. A new index is
 * pre-allocated to the configured maximum (segment.index.bytes rounded down to a whole number of entries), so
 * appends are plain stores into the mapping; when the segment stops being active the file is trimmed to the
 * entries actually written (that is the form Kafka's tools expect). Reads use absolute gets on the shared
 * mapping and a volatile entry count: a reader that sees count n sees the n entries, because the count is
 * published after the entry is stored. Writes (append, truncate, resize) happen under the owning log's lock.
 *
 * Indexes are not checksummed. After an unclean shutdown the log rebuilds the index of every segment it
 * recovers, and on every open a sanity check (entries strictly increasing, positions within the segment)
 * sends a damaged index to a rebuild as well. Mappings are released by the garbage collector (Java 17 has no
 * supported unmap); a trimmed or deleted file therefore keeps its pages until the old mapping is collected.
 */
/** Base of the memory-mapped offset and time indexes. Not thread-safe for writers; see the design notes. */
public abstract class AbstractIndex implements Closeable {

    private static final int WARM_BYTES = 8192;

    private volatile File file;
    protected final long baseOffset;
    private final int maxIndexSize;
    private final int entrySize;
    protected volatile MappedByteBuffer mmap;
    private volatile int entries;
    private int maxEntries;
    private RandomAccessFile raf;

    AbstractIndex(File file, long baseOffset, int maxIndexSize, int entrySize) {
        this.file = file;
        this.baseOffset = baseOffset;
        this.maxIndexSize = maxIndexSize;
        this.entrySize = entrySize;
        try {
            boolean newlyCreated = !file.exists() || file.length() == 0;
            raf = new RandomAccessFile(file, "rw");
            if (newlyCreated) {
                raf.setLength(roundDown(maxIndexSize));
            }
            long length = raf.length();
            if (length % entrySize != 0) {
                // A damaged index: keep the whole entries; the sanity check decides whether to rebuild.
                length = roundDown((int) Math.min(length, Integer.MAX_VALUE));
            }
            mmap = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, length);
            entries = newlyCreated ? 0 : (int) (length / entrySize);
            maxEntries = (int) (length / entrySize);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not open index " + file + ": " + e.getMessage(), e);
        }
    }

    private int roundDown(int size) {
        return size / entrySize * entrySize;
    }

    /** @return the file */
    public File file() {
        return file;
    }

    /** @return the number of entries */
    public int entries() {
        return entries;
    }

    /** @return the maximum number of entries the current mapping holds */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return whether no more entries fit */
    public boolean isFull() {
        return entries >= maxEntries;
    }

    /** @return the size in bytes of the valid entries */
    public int sizeInBytes() {
        return entries * entrySize;
    }

    /** @return the configured maximum size in bytes */
    public int maxIndexSize() {
        return maxIndexSize;
    }

    protected void incrementEntries() {
        entries = entries + 1;
    }

    protected void setEntries(int n) {
        entries = n;
    }

    /** @return the key (offset or timestamp) of slot {@code n} */
    protected abstract long keyAt(int n);

    /**
     * Binary search for the largest slot whose key is {@code <= target}, trying the warm tail first (recent
     * lookups hit the last few pages, which stay in memory).
     *
     * @param target the key
     * @return the slot, or -1 if every key is larger (or there are no entries)
     */
    protected int largestLowerBoundSlotFor(long target) {
        int n = entries;
        if (n == 0 || keyAt(0) > target) {
            return -1;
        }
        int warmEntries = WARM_BYTES / entrySize;
        int lo = 0;
        int hi = n - 1;
        if (n > warmEntries && keyAt(n - warmEntries) <= target) {
            lo = n - warmEntries;
        } else if (n > warmEntries) {
            hi = n - warmEntries;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (keyAt(mid) <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Remaps the file to {@code newSize} bytes rounded down to whole entries (never below the valid entries).
     *
     * @param newSize the new file size
     */
    public void resize(int newSize) {
        int size = Math.max(roundDown(newSize), sizeInBytes());
        try {
            if (raf.length() == size && mmap.capacity() == size) {
                return;
            }
            mmap.force();
            raf.setLength(size);
            mmap = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size);
            maxEntries = size / entrySize;
        } catch (IOException e) {
            throw new RunnelStorageException("Could not resize index " + file + " to " + size + ": " + e.getMessage(), e);
        }
    }

    /** Trims the file to the valid entries (done when the segment stops being active, and at close). */
    public void trimToValidSize() {
        resize(sizeInBytes());
    }

    /** Removes every entry. */
    public void reset() {
        setEntries(0);
        resize(maxIndexSize);
    }

    /** Forces the mapping to the storage device. */
    public void flush() {
        mmap.force();
    }

    /**
     * Renames the file (the mapping stays valid).
     *
     * @param target the new name
     */
    public void renameTo(File target) {
        try {
            if (file.exists()) {
                Files.move(file.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new RunnelStorageException("Could not rename " + file + " to " + target + ": " + e.getMessage(), e);
        }
        file = target;
    }

    /** Trims and closes the file. */
    @Override
    public void close() {
        try {
            trimToValidSize();
            raf.close();
        } catch (IOException e) {
            throw new RunnelStorageException("Could not close index " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes without trimming and deletes the file if it exists. */
    public void deleteIfExists() {
        try {
            raf.close();
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new RunnelStorageException("Could not delete index " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the entries: sorted as the index type requires and pointing inside the segment.
     *
     * @param logSize     the size in bytes of the segment's log file
     * @return null if sound, else a description of the first problem
     */
    public abstract String sanityCheck(int logSize);
}
