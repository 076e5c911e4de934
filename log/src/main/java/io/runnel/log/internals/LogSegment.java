package io.runnel.log.internals;

import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.FileRecords;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.Record;
import io.runnel.common.utils.Time;

import java.io.Closeable;
import java.io.File;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/*
 * Design notes for maintainers: the segment lifecycle.
 *
 * A segment is three files named by its base offset (the first offset it may hold): the .log with the
 * batches, the sparse .index (offset -> position) and the sparse .timeindex (timestamp -> offset). Exactly
 * one segment per partition is active: it takes appends and its indexes are pre-allocated to
 * segment.index.bytes. The partition log rolls (creates a new active segment at the log end offset) when this
 * one would pass segment.bytes, is older than segment.ms, has a full index, or the next batch's offsets would
 * not fit the 4-byte relative offsets. On roll the old segment writes a final time index entry and trims its
 * indexes; from then on it is immutable until retention deletes it or the cleaner replaces it.
 *
 * Reads find the batch holding an offset through the offset index (largest entry <= target, then a forward
 * scan of batch headers) and return a FileRecords slice cut at batch boundaries. Recovery re-reads every batch,
 * checks its length, magic, CRC and offsets, rebuilds both indexes and truncates the file at the first bad byte.
 *
 * Thread-safety: appends, truncation, recovery and roll happen under the partition log's lock; reads are
 * lock-free and only read bytes below a position the log published after writing them.
 */
/** One segment of a partition log: a .log file with its offset and time indexes. */
public final class LogSegment implements Closeable {

    /** Suffix of the batches file. */
    public static final String LOG_SUFFIX = ".log";
    /** Suffix of the offset index. */
    public static final String INDEX_SUFFIX = ".index";
    /** Suffix of the time index. */
    public static final String TIME_INDEX_SUFFIX = ".timeindex";

    private final FileRecords log;
    private final OffsetIndex offsetIndex;
    private final TimeIndex timeIndex;
    private final long baseOffset;
    private final int indexIntervalBytes;
    private final long rollJitterMs;
    private final Time time;
    private long created;
    private int bytesSinceLastIndexEntry;
    private volatile long maxTimestampSoFar = -1L;
    private volatile long offsetOfMaxTimestampSoFar;

    private LogSegment(FileRecords log, OffsetIndex offsetIndex, TimeIndex timeIndex, long baseOffset,
                       int indexIntervalBytes, long rollJitterMs, Time time) {
        this.log = log;
        this.offsetIndex = offsetIndex;
        this.timeIndex = timeIndex;
        this.baseOffset = baseOffset;
        this.indexIntervalBytes = indexIntervalBytes;
        this.rollJitterMs = rollJitterMs;
        this.time = time;
        this.created = time.milliseconds();
        this.offsetOfMaxTimestampSoFar = baseOffset;
        long[] last = timeIndex.entries() > 0 && timeIndex.sanityCheck(Integer.MAX_VALUE) == null
                ? timeIndex.lastEntry() : null;
        if (last != null) {
            maxTimestampSoFar = last[0];
            offsetOfMaxTimestampSoFar = last[1];
        }
    }

    /**
     * @param offset an offset
     * @return its 20-digit, zero-padded file name prefix, as Kafka names segment files
     */
    public static String filenamePrefixFromOffset(long offset) {
        return String.format("%020d", offset);
    }

    /**
     * @param dir    the partition directory
     * @param offset the base offset
     * @param suffix the file suffix, such as {@code .log}
     * @return the file
     */
    public static File file(File dir, long offset, String suffix) {
        return new File(dir, filenamePrefixFromOffset(offset) + suffix);
    }

    /**
     * Opens or creates a segment.
     *
     * @param dir                the partition directory
     * @param baseOffset         the base offset
     * @param maxIndexSize       {@code segment.index.bytes}
     * @param indexIntervalBytes {@code index.interval.bytes}
     * @param rollJitterMs       jitter subtracted from {@code segment.ms} for this segment
     * @param time               the clock
     * @param fileSuffix         appended after the usual suffixes ({@code ""} or {@code ".cleaned"})
     * @return the segment
     */
    public static LogSegment open(File dir, long baseOffset, int maxIndexSize, int indexIntervalBytes,
                                  long rollJitterMs, Time time, String fileSuffix) {
        FileRecords log = FileRecords.open(file(dir, baseOffset, LOG_SUFFIX + fileSuffix));
        OffsetIndex offsetIndex = new OffsetIndex(file(dir, baseOffset, INDEX_SUFFIX + fileSuffix), baseOffset, maxIndexSize);
        TimeIndex timeIndex = new TimeIndex(file(dir, baseOffset, TIME_INDEX_SUFFIX + fileSuffix), baseOffset, maxIndexSize);
        return new LogSegment(log, offsetIndex, timeIndex, baseOffset, indexIntervalBytes, rollJitterMs, time);
    }

    /** @return the base offset */
    public long baseOffset() {
        return baseOffset;
    }

    /** @return the batches file */
    public FileRecords log() {
        return log;
    }

    /** @return the offset index */
    public OffsetIndex offsetIndex() {
        return offsetIndex;
    }

    /** @return the time index */
    public TimeIndex timeIndex() {
        return timeIndex;
    }

    /** @return the size of the .log in bytes */
    public int size() {
        return log.sizeInBytes();
    }

    /** @return the largest timestamp seen, or the file's last modification time if none */
    public long largestTimestamp() {
        long max = maxTimestampSoFar;
        return max >= 0 ? max : log.file().lastModified();
    }

    /** @return the largest record timestamp in the segment, or -1 */
    public long maxTimestampSoFar() {
        return maxTimestampSoFar;
    }

    /** @return the last offset of the batch where {@link #maxTimestampSoFar()} appeared */
    public long offsetOfMaxTimestampSoFar() {
        return offsetOfMaxTimestampSoFar;
    }

    /**
     * @param offset an offset
     * @return whether it fits this segment's 4-byte relative offsets
     */
    public boolean canConvertToRelativeOffset(long offset) {
        long rel = offset - baseOffset;
        return rel >= 0 && rel <= Integer.MAX_VALUE;
    }

    /**
     * Whether the next append must go to a new segment.
     *
     * @param batchBytes      the size of the records to append
     * @param lastOffset      the last offset they will take
     * @param segmentBytes    {@code segment.bytes}
     * @param segmentMs       {@code segment.ms}
     * @param now             the clock, ms
     * @return true to roll
     */
    public boolean shouldRoll(int batchBytes, long lastOffset, int segmentBytes, long segmentMs, long now) {
        int size = size();
        boolean reachedRollMs = size > 0 && now - created > segmentMs - rollJitterMs;
        return (size > 0 && (long) size + batchBytes > segmentBytes) || reachedRollMs
                || offsetIndex.isFull() || timeIndex.isFull() || !canConvertToRelativeOffset(lastOffset);
    }

    /**
     * Appends batches that already have their offsets, adding index entries every {@code index.interval.bytes}.
     *
     * @param records the batches
     */
    public void append(MemoryRecords records) {
        int position = log.sizeInBytes();
        log.append(records);
        for (DefaultRecordBatch batch : records.batches()) {
            onBatchAppended(batch, position);
            position += batch.sizeInBytes();
        }
    }

    private void onBatchAppended(DefaultRecordBatch batch, int position) {
        if (batch.maxTimestamp() > maxTimestampSoFar) {
            maxTimestampSoFar = batch.maxTimestamp();
            offsetOfMaxTimestampSoFar = batch.lastOffset();
        }
        if (bytesSinceLastIndexEntry > indexIntervalBytes) {
            offsetIndex.append(batch.lastOffset(), position);
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, false);
            bytesSinceLastIndexEntry = 0;
        }
        bytesSinceLastIndexEntry += batch.sizeInBytes();
    }

    /**
     * Finds the first batch whose last offset is {@code >= offset}.
     *
     * @param offset an offset
     * @param header a scratch buffer of at least 61 bytes
     * @return {position, batch size, batch base offset} or null if no batch in this segment reaches the offset
     */
    public int[] translateOffset(long offset, ByteBuffer header) {
        long[] entry = offsetIndex.lookup(offset);
        int position = (int) entry[1];
        int size = log.sizeInBytes();
        while (position < size) {
            DefaultRecordBatch b = log.readBatchHeader(position, header);
            if (b == null) {
                return null;
            }
            int batchSize = b.sizeInBytes();
            if (batchSize < DefaultRecordBatch.RECORD_BATCH_OVERHEAD) {
                throw new CorruptRecordException("Record batch at offset " + b.baseOffset() + " of "
                        + log.file().getParentFile().getName() + " (file " + log.file() + ", position " + position
                        + ") has size " + batchSize);
            }
            if (b.lastOffset() >= offset) {
                return new int[]{position, batchSize};
            }
            position += batchSize;
        }
        return null;
    }

    /**
     * Reads whole batches from the one holding {@code startOffset}.
     *
     * @param startOffset   the fetch offset
     * @param maxSize       the byte limit
     * @param maxPosition   the exclusive end position readers may see (a batch boundary)
     * @param minOneMessage return the first batch even if it is larger than {@code maxSize}
     * @return {start position, slice} or null if no batch at or after the offset is in the segment below maxPosition
     */
    public FileRecords read(long startOffset, int maxSize, int maxPosition, boolean minOneMessage) {
        ByteBuffer header = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        int[] start = translateOffset(startOffset, header);
        if (start == null || start[0] >= maxPosition) {
            return null;
        }
        int startPosition = start[0];
        int firstSize = start[1];
        if (firstSize > maxSize) {
            return minOneMessage ? log.slice(startPosition, firstSize) : log.slice(startPosition, 0);
        }
        long limit = Math.min((long) maxPosition, (long) startPosition + maxSize);
        int position = Math.max(startPosition + firstSize, offsetIndex.floorPosition((int) limit));
        if (position > limit) {
            position = startPosition + firstSize;
        }
        while (position < limit) {
            DefaultRecordBatch b = log.readBatchHeader(position, header);
            if (b == null || position + b.sizeInBytes() > limit) {
                break;
            }
            position += b.sizeInBytes();
        }
        return log.slice(startPosition, position - startPosition);
    }

    /**
     * Finds the first record with timestamp {@code >= timestamp} and offset {@code >= startingOffset}.
     *
     * @param timestamp      the target, ms
     * @param startingOffset the lowest offset to return (the log start offset)
     * @return {timestamp, offset} or null
     */
    public long[] findOffsetByTimestamp(long timestamp, long startingOffset) {
        long[] entry = timeIndex.lookup(timestamp);
        long[] pos = offsetIndex.lookup(Math.max(entry[1], startingOffset));
        FileRecords.BatchIterator it = log.batchIterator((int) pos[1]);
        while (it.hasNext()) {
            DefaultRecordBatch batch = it.next();
            if (batch.maxTimestamp() >= timestamp && batch.lastOffset() >= startingOffset) {
                for (Record r : batch) {
                    if (r.timestamp() >= timestamp && r.offset() >= startingOffset) {
                        return new long[]{r.timestamp(), r.offset()};
                    }
                }
            }
        }
        return null;
    }

    /**
     * Re-reads every batch, validating length, magic, CRC and offsets, rebuilding both indexes, and truncating
     * the file at the first invalid byte.
     *
     * @param onValidBatch called for each valid batch in order (producer state rebuild), may be null
     * @return the number of bytes truncated (0 if the whole file was valid)
     */
    public int recover(Consumer<DefaultRecordBatch> onValidBatch) {
        offsetIndex.reset();
        timeIndex.reset();
        maxTimestampSoFar = -1L;
        offsetOfMaxTimestampSoFar = baseOffset;
        bytesSinceLastIndexEntry = 0;
        int validBytes = 0;
        long nextOffset = baseOffset;
        FileRecords.BatchIterator it = log.batchIterator(0);
        try {
            while (it.hasNext()) {
                DefaultRecordBatch batch = it.next();
                batch.ensureValid();
                if (batch.baseOffset() < nextOffset || batch.lastOffset() < batch.baseOffset()
                        || !canConvertToRelativeOffset(batch.lastOffset())) {
                    throw new CorruptRecordException("Record batch at position " + validBytes + " of " + log.file()
                            + " has offsets [" + batch.baseOffset() + ", " + batch.lastOffset() + "] but the segment "
                            + "expects offsets from " + nextOffset);
                }
                onBatchAppended(batch, validBytes);
                if (onValidBatch != null) {
                    onValidBatch.accept(batch);
                }
                validBytes += batch.sizeInBytes();
                nextOffset = batch.nextOffset();
            }
        } catch (CorruptRecordException e) {
            org.slf4j.LoggerFactory.getLogger(LogSegment.class).warn("Found invalid bytes at position {} of {}; "
                    + "truncating there: {}", validBytes, log.file(), e.getMessage());
        }
        int truncated = log.sizeInBytes() - validBytes;
        if (truncated > 0) {
            log.truncateTo(validBytes);
        }
        return truncated;
    }

    /**
     * Removes every batch whose last offset is {@code >= offset}.
     *
     * @param offset the first offset to remove
     * @return the number of bytes removed
     */
    public int truncateTo(long offset) {
        int[] mapping = translateOffset(offset, ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD));
        if (mapping == null) {
            return 0;
        }
        offsetIndex.truncateTo(offset);
        timeIndex.truncateTo(offset);
        int removed = log.truncateTo(mapping[0]);
        if (log.sizeInBytes() == 0) {
            created = time.milliseconds();
        }
        bytesSinceLastIndexEntry = 0;
        long[] last = timeIndex.lastEntry();
        maxTimestampSoFar = last[0];
        offsetOfMaxTimestampSoFar = last[1];
        if (log.sizeInBytes() > 0) {
            // the time index is sparse: recompute the true max from the remaining batches' headers
            FileRecords.BatchIterator it = log.batchIterator((int) offsetIndex.lookup(last[1])[1]);
            while (it.hasNext()) {
                DefaultRecordBatch b = it.next();
                if (b.maxTimestamp() > maxTimestampSoFar) {
                    maxTimestampSoFar = b.maxTimestamp();
                    offsetOfMaxTimestampSoFar = b.lastOffset();
                }
            }
        }
        return removed;
    }

    /**
     * @return the offset after the last batch, or the base offset when empty
     */
    public long readNextOffset() {
        long[] entry = offsetIndex.lookup(Long.MAX_VALUE);
        long next = baseOffset;
        ByteBuffer header = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        int position = (int) entry[1];
        int size = log.sizeInBytes();
        while (position < size) {
            DefaultRecordBatch b = log.readBatchHeader(position, header);
            if (b == null) {
                break;
            }
            next = b.nextOffset();
            position += b.sizeInBytes();
        }
        return next;
    }

    /** Writes the final time index entry and trims both indexes (the segment stops being active). */
    public void onBecomeInactiveSegment() {
        timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, true);
        offsetIndex.trimToValidSize();
        timeIndex.trimToValidSize();
    }

    /**
     * Grows the indexes back to {@code segment.index.bytes} (the segment becomes active after a reopen).
     *
     * @param maxIndexSize the size
     */
    public void resizeIndexes(int maxIndexSize) {
        offsetIndex.resize(maxIndexSize);
        timeIndex.resize(maxIndexSize);
    }

    /** Forces the log and both indexes to the storage device. */
    public void flush() {
        log.flush();
        offsetIndex.flush();
        timeIndex.flush();
    }

    /**
     * Renames all three files by replacing suffix {@code oldSuffix} with {@code newSuffix}.
     *
     * @param oldSuffix the current extra suffix ("" for none)
     * @param newSuffix the new extra suffix
     */
    public void changeFileSuffixes(String oldSuffix, String newSuffix) {
        log.renameTo(new File(strip(log.file().getPath(), oldSuffix) + newSuffix));
        offsetIndex.renameTo(new File(strip(offsetIndex.file().getPath(), oldSuffix) + newSuffix));
        timeIndex.renameTo(new File(strip(timeIndex.file().getPath(), oldSuffix) + newSuffix));
    }

    private static String strip(String path, String suffix) {
        return suffix.isEmpty() || !path.endsWith(suffix) ? path : path.substring(0, path.length() - suffix.length());
    }

    /** Writes the final time index entry, trims the indexes and closes all files. */
    @Override
    public void close() {
        timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, true);
        offsetIndex.close();
        timeIndex.close();
        log.close();
    }

    /** Closes and deletes all three files. */
    public void deleteIfExists() {
        offsetIndex.deleteIfExists();
        timeIndex.deleteIfExists();
        log.deleteIfExists();
    }

    @Override
    public String toString() {
        return "LogSegment(baseOffset=" + baseOffset + ", size=" + size() + ", largestTimestamp=" + maxTimestampSoFar + ")";
    }
}
