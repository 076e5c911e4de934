package io.runnel.log.internals;

import java.io.File;

/**
 * The sparse offset index of a segment ({@code <base offset>.index}), Kafka's format. Each 8-byte entry,
 * big-endian:
 *
 * <pre>
 *   relativeOffset  int32   offset - segment base offset (the last offset of the indexed batch)
 *   position        int32   file position of that batch in the segment's .log
 * </pre>
 *
 * <p>An entry is added when more than {@code index.interval.bytes} were appended since the previous one, so a
 * lookup finds the batch at or before the target and the segment scans forward at most that many bytes.
 * Entries are strictly increasing in both fields. Thread-safety: see {@link AbstractIndex}.
 */
public final class OffsetIndex extends AbstractIndex {

    /** Bytes per entry. */
    public static final int ENTRY_SIZE = 8;

    /**
     * @param file         the file (created and pre-allocated if missing)
     * @param baseOffset   the segment's base offset
     * @param maxIndexSize {@code segment.index.bytes}
     */
    public OffsetIndex(File file, long baseOffset, int maxIndexSize) {
        super(file, baseOffset, maxIndexSize, ENTRY_SIZE);
    }

    @Override
    protected long keyAt(int n) {
        return mmap.getInt(n * ENTRY_SIZE);
    }

    private int positionAt(int n) {
        return mmap.getInt(n * ENTRY_SIZE + 4);
    }

    /** @return the absolute offset of the last entry, or the base offset when empty */
    public long lastOffset() {
        int n = entries();
        return n == 0 ? baseOffset : baseOffset + keyAt(n - 1);
    }

    /**
     * Adds an entry. The caller checks {@link #isFull()} first (the log rolls instead).
     *
     * @param offset   the last offset of the batch at {@code position}
     * @param position the batch's file position
     * @throws IllegalStateException if full or if the offset does not increase
     */
    public void append(long offset, int position) {
        int n = entries();
        if (n >= maxEntries()) {
            throw new IllegalStateException("Offset index " + file() + " is full (" + n + " entries)");
        }
        if (n > 0 && offset <= lastOffset()) {
            throw new IllegalStateException("Offset index " + file() + ": offset " + offset
                    + " is not larger than the last entry's " + lastOffset());
        }
        long relative = offset - baseOffset;
        if (relative < 0 || relative > Integer.MAX_VALUE) {
            throw new IllegalStateException("Offset " + offset + " does not fit segment base " + baseOffset);
        }
        mmap.putInt(n * ENTRY_SIZE, (int) relative);
        mmap.putInt(n * ENTRY_SIZE + 4, position);
        incrementEntries();
    }

    /**
     * @param targetOffset an offset
     * @return {offset, position} of the largest entry with offset {@code <= targetOffset}, or {base, 0}
     */
    public long[] lookup(long targetOffset) {
        int slot = largestLowerBoundSlotFor(targetOffset - baseOffset);
        return slot < 0 ? new long[]{baseOffset, 0} : new long[]{baseOffset + keyAt(slot), positionAt(slot)};
    }

    /**
     * @param position a file position
     * @return the largest indexed batch start {@code <= position}, or 0
     */
    public int floorPosition(int position) {
        int lo = 0;
        int hi = entries() - 1;
        int best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int p = positionAt(mid);
            if (p <= position) {
                best = p;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /**
     * Removes the entries with offset {@code >= offset}.
     *
     * @param offset the first offset to remove
     */
    public void truncateTo(long offset) {
        int slot = largestLowerBoundSlotFor(offset - baseOffset);
        int newEntries;
        if (slot < 0) {
            newEntries = 0;
        } else if (baseOffset + keyAt(slot) == offset) {
            newEntries = slot;
        } else {
            newEntries = slot + 1;
        }
        setEntries(Math.min(newEntries, entries()));
    }

    @Override
    public String sanityCheck(int logSize) {
        int n = entries();
        long prevOffset = -1;
        int prevPosition = -1;
        for (int i = 0; i < n; i++) {
            long rel = keyAt(i);
            int pos = positionAt(i);
            if (rel <= prevOffset || pos <= prevPosition || pos >= logSize || rel < 0) {
                return "entry " + i + " (relative offset " + rel + ", position " + pos + ") breaks the order "
                        + "or points past the log (" + logSize + " bytes)";
            }
            prevOffset = rel;
            prevPosition = pos;
        }
        return null;
    }
}
