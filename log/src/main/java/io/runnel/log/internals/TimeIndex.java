package io.runnel.log.internals;

import java.io.File;

/**
 * The sparse time index of a segment ({@code <base offset>.timeindex}), Kafka's format. Each 12-byte entry,
 * big-endian:
 *
 * <pre>
 *   timestamp       int64   the largest timestamp in the segment so far
 *   relativeOffset  int32   last offset of the batch where that timestamp first appeared, minus the base offset
 * </pre>
 *
 * <p>Entries are added alongside offset index entries, and once more when the segment stops being active, but
 * only when the timestamp grows, so timestamps strictly increase. The last slot is reserved for that final
 * entry (the index counts as full one entry early), as in Kafka. Thread-safety: see {@link AbstractIndex}.
 */
public final class TimeIndex extends AbstractIndex {

    /** Bytes per entry. */
    public static final int ENTRY_SIZE = 12;

    /**
     * @param file         the file (created and pre-allocated if missing)
     * @param baseOffset   the segment's base offset
     * @param maxIndexSize {@code segment.index.bytes}
     */
    public TimeIndex(File file, long baseOffset, int maxIndexSize) {
        super(file, baseOffset, maxIndexSize, ENTRY_SIZE);
    }

    @Override
    protected long keyAt(int n) {
        return mmap.getLong(n * ENTRY_SIZE);
    }

    private long offsetAt(int n) {
        return baseOffset + mmap.getInt(n * ENTRY_SIZE + 8);
    }

    @Override
    public boolean isFull() {
        return entries() >= maxEntries() - 1;
    }

    /** @return {timestamp, offset} of the last entry, or {-1, base offset} when empty */
    public long[] lastEntry() {
        int n = entries();
        return n == 0 ? new long[]{-1L, baseOffset} : new long[]{keyAt(n - 1), offsetAt(n - 1)};
    }

    /**
     * Adds an entry if {@code timestamp} is larger than the last one's.
     *
     * @param timestamp     the largest timestamp so far
     * @param offset        where it appeared
     * @param skipFullCheck true for the final entry at roll (uses the reserved slot)
     */
    public void maybeAppend(long timestamp, long offset, boolean skipFullCheck) {
        int n = entries();
        if (n >= maxEntries() || (!skipFullCheck && isFull())) {
            if (skipFullCheck && n >= maxEntries()) {
                return;
            }
            throw new IllegalStateException("Time index " + file() + " is full (" + n + " entries)");
        }
        if (n > 0 && (timestamp <= keyAt(n - 1) || offset < offsetAt(n - 1))) {
            return;
        }
        if (timestamp < 0) {
            return;
        }
        mmap.putLong(n * ENTRY_SIZE, timestamp);
        mmap.putInt(n * ENTRY_SIZE + 8, (int) (offset - baseOffset));
        incrementEntries();
    }

    /**
     * @param targetTimestamp a timestamp in ms
     * @return {timestamp, offset} of the largest entry with timestamp {@code <= target}, or {-1, base offset}
     */
    public long[] lookup(long targetTimestamp) {
        int slot = largestLowerBoundSlotFor(targetTimestamp);
        return slot < 0 ? new long[]{-1L, baseOffset} : new long[]{keyAt(slot), offsetAt(slot)};
    }

    /**
     * Removes the entries with offset {@code >= offset}.
     *
     * @param offset the first offset to remove
     */
    public void truncateTo(long offset) {
        int n = entries();
        while (n > 0 && offsetAt(n - 1) >= offset) {
            n--;
        }
        setEntries(n);
    }

    @Override
    public String sanityCheck(int logSize) {
        int n = entries();
        long prevTs = Long.MIN_VALUE;
        long prevOffset = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long ts = keyAt(i);
            long off = offsetAt(i);
            if (ts <= prevTs || off < prevOffset || off < baseOffset) {
                return "entry " + i + " (timestamp " + ts + ", offset " + off + ") breaks the order";
            }
            prevTs = ts;
            prevOffset = off;
        }
        return null;
    }
}
