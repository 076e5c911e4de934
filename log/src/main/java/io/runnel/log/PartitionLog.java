package io.runnel.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.Uuid;
import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.errors.InvalidRecordException;
import io.runnel.common.errors.OffsetOutOfRangeException;
import io.runnel.common.errors.RecordTooLargeException;
import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.record.CompressionType;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.FileRecords;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.RecordBatch;
import io.runnel.common.record.TimestampType;
import io.runnel.common.utils.Time;
import io.runnel.log.internals.LogSegment;
import io.runnel.log.internals.ProducerStateManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Design notes for maintainers.
 *
 * A partition log is an ordered map of segments (base offset -> LogSegment); the last one is active. Three
 * numbers describe it: the log start offset (the first offset a reader may ask for; moved by retention and
 * deleteRecordsBefore), the log end offset (the next offset to assign) and the recovery point (everything below
 * it is fsynced; recovery after a crash starts there). On one node the high watermark is the log end offset.
 *
 * Locking. One ReentrantLock (`lock`) serialises everything that changes the log: appends (offset
 * assignment, producer-state checks, roll, the write), truncation, segment deletion and the cleaner's segment
 * swap. Validation of incoming batches (size, magic, CRC, record structure, keys on compacted topics) runs
 * before the lock, so several producer threads validate in parallel and only the write is serialised. A second
 * lock (`cleanerLock`) keeps the cleaner, retention, deleteRecordsBefore and truncateTo from working on the same
 * non-active segments at once; appends never take it. Reads take no lock: they read the volatile end metadata
 * (log end offset plus the active segment and the byte position it ends at, published after the bytes are
 * written), find the segment in the concurrent map and read whole batches below that position. Segments that
 * leave the map are renamed *.deleted and closed after file.delete.delay.ms, so a reader holding a slice
 * keeps reading valid bytes.
 *
 * Waiting for data. newDataFuture(offset) returns a future completed by the appending thread (after the lock is
 * released) once the log end offset passes the offset; the consumer's long poll uses it instead of spinning.
 *
 * Loading. On open the log deletes leftovers (*.deleted, *.tmp, *.cleaned), completes an interrupted cleaner
 * swap (see LogCleaner), opens every segment, rebuilds indexes that are missing or fail their sanity check and,
 * after an unclean shutdown, re-validates every batch from the recovery point, truncating at the first invalid
 * one and deleting any later segments. Producer state is loaded from the newest snapshot and the batches after
 * it are replayed.
 */
/**
 * The log of one partition: appends producer batches, serves reads, finds offsets by timestamp, tracks log
 * start / end offsets and the high watermark, truncates, deletes old segments and records. Kafka's
 * {@code UnifiedLog} (local part). Obtained from {@link LogManager#log}.
 *
 * <p>Thread-safe: any number of threads may append and read concurrently (see the design notes for the
 * locking). Methods throw {@link UnknownTopicOrPartitionException} once the log is closed or deleted and
 * {@link RunnelStorageException} for file system failures.
 */
public final class PartitionLog implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(PartitionLog.class);

    /** {@link #offsetForTimestamp} special timestamp: the latest offset (the log end offset). */
    public static final long LATEST_TIMESTAMP = -1L;
    /** {@link #offsetForTimestamp} special timestamp: the earliest offset (the log start offset). */
    public static final long EARLIEST_TIMESTAMP = -2L;
    /** {@link #offsetForTimestamp} special timestamp: the record with the largest timestamp. */
    public static final long MAX_TIMESTAMP = -3L;

    static final String DELETED_SUFFIX = ".deleted";
    static final String CLEANED_SUFFIX = ".cleaned";
    static final String SWAP_MARKER_SUFFIX = ".swap";

    /** Where the log ends: offset, the segment holding it, and the byte position that segment ends at. */
    private record EndMetadata(long offset, long segmentBaseOffset, int position) {
    }

    private record Waiter(long offset, CompletableFuture<Long> future) {
    }

    private final TopicPartition topicPartition;
    private final Uuid topicId;
    private final File dir;
    private final Time time;
    private final Scheduler scheduler;
    private volatile LogConfig config;
    private final ConcurrentSkipListMap<Long, LogSegment> segments = new ConcurrentSkipListMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    final ReentrantLock cleanerLock = new ReentrantLock();
    private final ProducerStateManager producerState;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private volatile EndMetadata end;
    private volatile long logStartOffset;
    private volatile long recoveryPoint;
    private volatile long lastFlushTimeMs;
    private volatile boolean closed;

    private PartitionLog(File dir, TopicPartition topicPartition, Uuid topicId, LogConfig config, Time time,
                         Scheduler scheduler) {
        this.dir = dir;
        this.topicPartition = topicPartition;
        this.topicId = topicId;
        this.config = config;
        this.time = time;
        this.scheduler = scheduler;
        this.producerState = new ProducerStateManager(topicPartition, dir);
        this.lastFlushTimeMs = time.milliseconds();
    }

    /**
     * Opens (creating if needed) and recovers a partition log.
     *
     * @param dir                  the partition directory ({@code <log.dir>/<topic>-<partition>})
     * @param topicPartition       the partition
     * @param topicId              the topic ID
     * @param config               the effective topic configuration
     * @param logStartOffset       the checkpointed log start offset, or 0
     * @param recoveryPoint        the checkpointed recovery point, or 0
     * @param hadCleanShutdown     whether the directory was closed cleanly (skips batch validation)
     * @param time                 the clock
     * @param scheduler            runs delayed file deletions and asynchronous flushes
     * @return the open log
     * @throws RunnelStorageException if the directory cannot be read or written
     */
    public static PartitionLog open(File dir, TopicPartition topicPartition, Uuid topicId, LogConfig config,
                                    long logStartOffset, long recoveryPoint, boolean hadCleanShutdown, Time time,
                                    Scheduler scheduler) {
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new RunnelStorageException("Could not create partition directory " + dir);
        }
        PartitionLog pl = new PartitionLog(dir, topicPartition, topicId, config, time, scheduler);
        pl.load(logStartOffset, recoveryPoint, hadCleanShutdown);
        return pl;
    }

    // ------------------------------------------------------------------------------------------------ loading

    private void load(long checkpointedStart, long checkpointedRecoveryPoint, boolean hadCleanShutdown) {
        File[] files = dir.listFiles();
        if (files == null) {
            throw new RunnelStorageException("Could not list " + dir);
        }
        for (File f : files) {
            String n = f.getName();
            if (n.endsWith(DELETED_SUFFIX) || n.endsWith(".tmp")) {
                deleteFile(f);
            }
        }
        LogCleaner.completeInterruptedSwaps(dir);
        files = dir.listFiles();
        List<Long> bases = new ArrayList<>();
        for (File f : files == null ? new File[0] : files) {
            String n = f.getName();
            if (n.endsWith(CLEANED_SUFFIX)) {
                deleteFile(f);
            } else if (n.endsWith(LogSegment.LOG_SUFFIX)) {
                try {
                    bases.add(Long.parseLong(n.substring(0, n.length() - LogSegment.LOG_SUFFIX.length())));
                } catch (NumberFormatException e) {
                    log.warn("Ignoring {} in {}: not a segment name", n, dir);
                }
            }
        }
        bases.sort(null);
        LogConfig cfg = config;
        for (long base : bases) {
            boolean indexMissing = !LogSegment.file(dir, base, LogSegment.INDEX_SUFFIX).exists()
                    || !LogSegment.file(dir, base, LogSegment.TIME_INDEX_SUFFIX).exists();
            LogSegment seg = openSegment(base, "");
            String problem = indexMissing ? "index files are missing"
                    : seg.offsetIndex().sanityCheck(seg.size()) != null ? seg.offsetIndex().sanityCheck(seg.size())
                    : seg.timeIndex().sanityCheck(seg.size());
            if (problem != null && hadCleanShutdown) {
                log.warn("Rebuilding the indexes of segment {} of {}: {}", base, topicPartition, problem);
                int truncated = seg.recover(null);
                if (truncated > 0) {
                    log.warn("Truncated {} invalid bytes from segment {} of {}", truncated, base, topicPartition);
                }
            }
            segments.put(base, seg);
        }
        if (!hadCleanShutdown && !segments.isEmpty()) {
            Long from = segments.floorKey(checkpointedRecoveryPoint);
            if (from == null) {
                from = segments.firstKey();
            }
            log.info("Recovering {} from offset {} after an unclean shutdown", topicPartition, from);
            boolean truncated = false;
            for (LogSegment seg : new ArrayList<>(segments.tailMap(from, true).values())) {
                if (truncated) {
                    log.warn("Deleting segment {} of {}: it follows invalid bytes", seg.baseOffset(), topicPartition);
                    segments.remove(seg.baseOffset());
                    seg.deleteIfExists();
                    continue;
                }
                int bytes = seg.recover(null);
                if (bytes > 0) {
                    log.warn("Truncated {} invalid bytes at the end of segment {} of {}", bytes, seg.baseOffset(),
                            topicPartition);
                    truncated = true;
                }
            }
        }
        if (segments.isEmpty()) {
            long base = Math.max(0, checkpointedStart);
            segments.put(base, openSegment(base, ""));
        }
        LogSegment active = segments.lastEntry().getValue();
        active.resizeIndexes(cfg.maxIndexSize());
        long leo = Math.max(active.readNextOffset(), active.baseOffset());
        end = new EndMetadata(leo, active.baseOffset(), active.size());
        logStartOffset = Math.min(Math.max(checkpointedStart, segments.firstKey()), leo);
        if (!hadCleanShutdown) {
            for (LogSegment seg : segments.values()) {
                seg.flush();
            }
            recoveryPoint = leo;
        } else {
            recoveryPoint = Math.min(checkpointedRecoveryPoint, leo);
        }
        rebuildProducerState();
    }

    private LogSegment openSegment(long base, String suffix) {
        LogConfig cfg = config;
        long jitter = cfg.segmentJitterMs() > 0 ? ThreadLocalRandom.current().nextLong(cfg.segmentJitterMs()) : 0L;
        return LogSegment.open(dir, base, cfg.maxIndexSize(), cfg.indexInterval(), jitter, time, suffix);
    }

    /** Loads the newest producer snapshot at or below the log end and replays the batch headers after it. */
    private void rebuildProducerState() {
        long leo = end.offset;
        long snapshot = producerState.loadLatestSnapshot(leo);
        long from = snapshot < 0 ? segments.firstKey() : snapshot;
        Long startBase = segments.floorKey(from);
        if (startBase == null) {
            startBase = segments.firstKey();
        }
        ByteBuffer header = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        for (LogSegment seg : segments.tailMap(startBase, true).values()) {
            FileRecords records = seg.log();
            int position = 0;
            int size = records.sizeInBytes();
            while (position < size) {
                DefaultRecordBatch b = records.readBatchHeader(position, header);
                if (b == null) {
                    break;
                }
                if (b.lastOffset() >= from && b.producerId() >= 0) {
                    producerState.update(b);
                }
                position += b.sizeInBytes();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ appends

    /**
     * Appends producer batches: validates them, checks idempotent producer sequences, assigns offsets from the
     * log end offset (overwriting the batches' base offsets in place), stamps the log append time for
     * {@code LogAppendTime} topics, writes them and fsyncs if {@code flush.messages} says so.
     *
     * <p>A batch that repeats one of the producer's last five batches (same producer id, epoch and sequences)
     * is not written again; the result carries the original offsets and {@code duplicate == true}.
     *
     * @param records one or more batches (RecordBatch v2); the log takes ownership of the buffer
     * @return offsets and timestamps of what was written
     * @throws InvalidRecordException           for empty input, an empty batch, offsets deltas that do not match the
     *                                          record count, a control or transactional batch, a null key on a
     *                                          compacted topic, or a batch with a producer id but no sequence
     * @throws RecordTooLargeException          for a batch larger than {@code max.message.bytes} or {@code segment.bytes}
     * @throws CorruptRecordException           for a batch failing its size, magic or CRC checks
     * @throws io.runnel.common.errors.OutOfOrderSequenceException  for a sequence gap of an idempotent producer
     * @throws io.runnel.common.errors.InvalidProducerEpochException for a stale producer epoch
     * @throws UnknownTopicOrPartitionException if the log is closed or deleted
     */
    public LogAppendInfo append(MemoryRecords records) {
        return append(records, true);
    }

    /**
     * Appends batches that already carry their offsets (a follower copying a leader, a restore, a tool). Offsets
     * must start at or after the log end offset and increase; producer state is updated but not checked.
     *
     * @param records batches with offsets
     * @return offsets and timestamps of what was written
     * @throws InvalidRecordException if the offsets are below the log end offset or do not increase; and as
     *                                {@link #append(MemoryRecords)} for malformed batches
     */
    public LogAppendInfo appendAsFollower(MemoryRecords records) {
        return append(records, false);
    }

    private LogAppendInfo append(MemoryRecords records, boolean assignOffsets) {
        LogConfig cfg = config;
        List<DefaultRecordBatch> batches = validate(records, cfg, assignOffsets);
        int validBytes = records.sizeInBytes();
        int recordCount = 0;
        for (DefaultRecordBatch b : batches) {
            recordCount += b.countOrNull();
        }
        LogAppendInfo info;
        lock.lock();
        try {
            ensureOpen();
            long now = time.milliseconds();
            if (assignOffsets) {
                Map<Long, int[]> staged = new HashMap<>();
                for (DefaultRecordBatch b : batches) {
                    if (b.producerId() >= 0) {
                        ProducerStateManager.BatchMetadata dup = producerState.check(b, staged);
                        if (dup != null) {
                            if (batches.size() > 1) {
                                throw new InvalidRecordException("A duplicate batch of producer " + b.producerId()
                                        + " (sequences " + b.baseSequence() + ".." + b.lastSequence() + ") arrived "
                                        + "with other batches to " + topicPartition + "; send retries alone");
                            }
                            return new LogAppendInfo(dup.firstOffset(), dup.lastOffset(), dup.timestamp(),
                                    dup.lastOffset(), -1L, logStartOffset, 0, 0, true);
                        }
                    }
                }
            }
            long next = end.offset;
            boolean logAppendTime = cfg.messageTimestampType() == TimestampType.LOG_APPEND_TIME;
            long maxTimestamp = RecordBatch.NO_TIMESTAMP;
            long offsetOfMax = -1L;
            long firstOffset;
            if (assignOffsets) {
                firstOffset = next;
                for (DefaultRecordBatch b : batches) {
                    b.setBaseOffset(next);
                    if (logAppendTime) {
                        b.setMaxTimestamp(TimestampType.LOG_APPEND_TIME, now);
                    }
                    next = b.nextOffset();
                }
            } else {
                firstOffset = batches.get(0).baseOffset();
                long expected = next;
                for (DefaultRecordBatch b : batches) {
                    if (b.baseOffset() < expected) {
                        throw new InvalidRecordException("Batch offsets [" + b.baseOffset() + ", " + b.lastOffset()
                                + "] for " + topicPartition + " are below the log end offset or the previous batch ("
                                + expected + "); offsets must increase");
                    }
                    expected = b.nextOffset();
                }
                next = expected;
            }
            for (DefaultRecordBatch b : batches) {
                if (b.maxTimestamp() > maxTimestamp) {
                    maxTimestamp = b.maxTimestamp();
                    offsetOfMax = b.lastOffset();
                }
            }
            long lastOffset = next - 1;
            LogSegment segment = maybeRoll(validBytes, firstOffset, lastOffset, now, cfg);
            segment.append(records);
            for (DefaultRecordBatch b : batches) {
                producerState.update(b);
            }
            end = new EndMetadata(next, segment.baseOffset(), segment.size());
            info = new LogAppendInfo(firstOffset, lastOffset, maxTimestamp, offsetOfMax,
                    logAppendTime ? now : -1L, logStartOffset, recordCount, validBytes, false);
        } finally {
            lock.unlock();
        }
        if (end.offset - recoveryPoint >= cfg.flushInterval()) {
            flush();
        }
        notifyWaiters();
        return info;
    }

    private List<DefaultRecordBatch> validate(MemoryRecords records, LogConfig cfg, boolean assignOffsets) {
        if (records.sizeInBytes() == 0) {
            throw new InvalidRecordException("Append to " + topicPartition + " holds no record batches");
        }
        List<DefaultRecordBatch> batches = new ArrayList<>(2);
        int validBytes = 0;
        Iterator<DefaultRecordBatch> it = records.batches().iterator();
        while (true) {
            DefaultRecordBatch batch;
            try {
                if (!it.hasNext()) {
                    break;
                }
                batch = it.next();
            } catch (CorruptRecordException e) {
                throw new CorruptRecordException("Append to " + topicPartition + " rejected: " + e.getMessage(), e);
            }
            int size = batch.sizeInBytes();
            if (size > cfg.maxMessageSize()) {
                throw new RecordTooLargeException("The record batch of " + size + " bytes for " + topicPartition
                        + " is larger than max.message.bytes=" + cfg.maxMessageSize()
                        + "; send smaller batches (batch.size) or raise max.message.bytes on the topic");
            }
            if (size > cfg.segmentBytes()) {
                throw new RecordTooLargeException("The record batch of " + size + " bytes for " + topicPartition
                        + " is larger than segment.bytes=" + cfg.segmentBytes());
            }
            try {
                batch.ensureValid();
            } catch (CorruptRecordException e) {
                throw new CorruptRecordException("Append to " + topicPartition + " rejected: " + e.getMessage(), e);
            }
            int count = batch.countOrNull();
            if (count <= 0) {
                throw new InvalidRecordException("A record batch for " + topicPartition + " holds no records");
            }
            if (batch.compressionId() > 4) {
                throw new InvalidRecordException("A record batch for " + topicPartition + " names unknown compression"
                        + " codec " + batch.compressionId());
            }
            if (assignOffsets) {
                if (batch.lastOffsetDelta() != count - 1) {
                    throw new InvalidRecordException("A record batch for " + topicPartition + " has " + count
                            + " records but last offset delta " + batch.lastOffsetDelta() + "; producer batches "
                            + "must have consecutive offsets from 0");
                }
                if (batch.isControlBatch()) {
                    throw new InvalidRecordException("Producers may not append control batches (to " + topicPartition + ")");
                }
                if (batch.isTransactional()) {
                    throw new InvalidRecordException("Transactional batches are not supported by Runnel yet (append to "
                            + topicPartition + "); disable transactions on the producer");
                }
                if (batch.producerId() >= 0 && batch.baseSequence() < 0) {
                    throw new InvalidRecordException("A batch of producer " + batch.producerId() + " for "
                            + topicPartition + " has no base sequence");
                }
            }
            boolean checkKeys = cfg.compact() && !batch.isControlBatch();
            if (checkKeys || batch.compressionId() == CompressionType.NONE.id) {
                try {
                    batch.validateRecords(checkKeys);
                } catch (CorruptRecordException e) {
                    throw new CorruptRecordException("Append to " + topicPartition + " rejected: " + e.getMessage(), e);
                } catch (InvalidRecordException e) {
                    throw new InvalidRecordException("Compacted topic cannot accept message without key in "
                            + "topic partition " + topicPartition + ": every record of a compacted topic needs a key ("
                            + e.getMessage() + ")", e);
                }
            }
            batches.add(batch);
            validBytes += size;
        }
        if (validBytes != records.sizeInBytes()) {
            throw new CorruptRecordException("Append to " + topicPartition + " rejected: " + (records.sizeInBytes()
                    - validBytes) + " bytes after the last whole batch");
        }
        return batches;
    }

    private LogSegment maybeRoll(int bytes, long firstOffset, long lastOffset, long now, LogConfig cfg) {
        LogSegment active = segments.lastEntry().getValue();
        if (active.shouldRoll(bytes, lastOffset, cfg.segmentBytes(), cfg.segmentMs(), now)) {
            long newBase = Math.max(end.offset, firstOffset);
            if (newBase == active.baseOffset() && active.size() == 0) {
                return active;
            }
            return roll(newBase);
        }
        return active;
    }

    /** Rolls the active segment at {@code newBase}; caller holds the lock. */
    private LogSegment roll(long newBase) {
        LogSegment old = segments.lastEntry().getValue();
        old.onBecomeInactiveSegment();
        LogSegment seg = openSegment(newBase, "");
        segments.put(newBase, seg);
        producerState.takeSnapshot(newBase);
        end = new EndMetadata(end.offset, newBase, 0);
        log.debug("Rolled {} to a new segment at offset {}", topicPartition, newBase);
        scheduler.schedule("flush-log-" + topicPartition, () -> flushUpTo(newBase), 0L, 0L);
        return seg;
    }

    /**
     * Rolls the active segment now if it holds data (Kafka's {@code roll()}); used by tests and tools.
     */
    public void roll() {
        lock.lock();
        try {
            ensureOpen();
            if (segments.lastEntry().getValue().size() > 0) {
                roll(end.offset);
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * Reads whole batches starting with the one that holds {@code fetchOffset}, up to {@code maxBytes}.
     *
     * @param fetchOffset   the first offset wanted, between the log start and end offsets
     * @param maxBytes      the byte limit ({@code fetch.max.bytes} / {@code max.partition.fetch.bytes})
     * @param minOneMessage return the first batch even if it is larger than {@code maxBytes} (so consumers make
     *                      progress), as Kafka does for the first partition of a fetch
     * @return the batches (a zero-copy capable file slice) and the partition's offsets; empty records when
     *     {@code fetchOffset} is the log end offset
     * @throws OffsetOutOfRangeException if {@code fetchOffset} is below the log start or above the log end offset
     */
    public FetchDataInfo read(long fetchOffset, int maxBytes, boolean minOneMessage) {
        ensureOpen();
        EndMetadata e = end;
        long start = logStartOffset;
        if (fetchOffset == e.offset) {
            return new FetchDataInfo(fetchOffset, MemoryRecords.EMPTY, e.offset, start, e.offset);
        }
        if (fetchOffset < start || fetchOffset > e.offset) {
            throw new OffsetOutOfRangeException("Offset " + fetchOffset + " is out of range for " + topicPartition
                    + ": the log holds offsets " + start + " to " + (e.offset - 1)
                    + " (log start offset " + start + ", log end offset " + e.offset + ")");
        }
        Map.Entry<Long, LogSegment> entry = segments.floorEntry(fetchOffset);
        if (entry == null) {
            entry = segments.firstEntry();
        }
        while (entry != null && entry.getKey() <= e.segmentBaseOffset) {
            LogSegment seg = entry.getValue();
            int maxPosition = seg.baseOffset() == e.segmentBaseOffset ? e.position : seg.size();
            FileRecords slice = seg.read(fetchOffset, maxBytes, maxPosition, minOneMessage);
            if (slice != null) {
                return new FetchDataInfo(fetchOffset, slice, e.offset, start, e.offset);
            }
            entry = segments.higherEntry(entry.getKey());
        }
        return new FetchDataInfo(fetchOffset, MemoryRecords.EMPTY, e.offset, start, e.offset);
    }

    /**
     * A future for a fetcher's long poll: completed with the log end offset once data exists at
     * {@code fetchOffset} (log end offset {@code > fetchOffset}), or once {@code fetchOffset} leaves the log's range
     * (records deleted below it, or the log truncated below it), so the fetcher reads again; completed
     * exceptionally with {@link UnknownTopicOrPartitionException} when the log is closed or deleted. Completed on
     * the appending thread: keep callbacks short or use the {@code *Async} variants. Cancel it when the wait
     * ends (timeout) so the log forgets it.
     *
     * @param fetchOffset the offset the fetcher waits for
     * @return the future (already completed if the data is there)
     */
    public CompletableFuture<Long> newDataFuture(long fetchOffset) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(closedException());
            return f;
        }
        if (!satisfied(fetchOffset)) {
            waiters.add(new Waiter(fetchOffset, f));
            if (!satisfied(fetchOffset) && !closed) {
                return f;
            }
        }
        f.complete(end.offset);
        return f;
    }

    private boolean satisfied(long offset) {
        long leo = end.offset;
        return leo > offset || logStartOffset > offset || offset > leo;
    }

    private void notifyWaiters() {
        if (waiters.isEmpty()) {
            return;
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.future.isDone()) {
                it.remove();
            } else if (closed) {
                it.remove();
                w.future.completeExceptionally(closedException());
            } else if (satisfied(w.offset)) {
                it.remove();
                w.future.complete(end.offset);
            }
        }
    }

    /**
     * Finds the first offset whose record timestamp is {@code >= timestamp} (Kafka's ListOffsets), or a special
     * position: {@link #EARLIEST_TIMESTAMP}, {@link #LATEST_TIMESTAMP}, {@link #MAX_TIMESTAMP}.
     *
     * @param timestamp ms since the epoch, or a special value
     * @return the timestamp and offset, or empty if no record is that late
     */
    public Optional<TimestampAndOffset> offsetForTimestamp(long timestamp) {
        ensureOpen();
        long start = logStartOffset;
        if (timestamp == EARLIEST_TIMESTAMP) {
            return Optional.of(new TimestampAndOffset(RecordBatch.NO_TIMESTAMP, start));
        }
        if (timestamp == LATEST_TIMESTAMP) {
            return Optional.of(new TimestampAndOffset(RecordBatch.NO_TIMESTAMP, end.offset));
        }
        if (timestamp == MAX_TIMESTAMP) {
            LogSegment best = null;
            for (LogSegment seg : segments.values()) {
                if (seg.maxTimestampSoFar() >= 0 && (best == null || seg.maxTimestampSoFar() > best.maxTimestampSoFar())) {
                    best = seg;
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            long[] found = best.findOffsetByTimestamp(best.maxTimestampSoFar(), start);
            return found == null ? Optional.empty() : Optional.of(new TimestampAndOffset(found[0], found[1]));
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("Invalid timestamp " + timestamp + ": use a time in ms or one of "
                    + "EARLIEST_TIMESTAMP (-2), LATEST_TIMESTAMP (-1), MAX_TIMESTAMP (-3)");
        }
        Long from = segments.floorKey(start);
        for (LogSegment seg : segments.tailMap(from == null ? segments.firstKey() : from, true).values()) {
            if (seg.maxTimestampSoFar() >= timestamp) {
                long[] found = seg.findOffsetByTimestamp(timestamp, start);
                if (found != null) {
                    return Optional.of(new TimestampAndOffset(found[0], found[1]));
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ offsets

    /** @return the topic-partition */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** @return the topic ID */
    public Uuid topicId() {
        return topicId;
    }

    /** @return the partition directory */
    public File dir() {
        return dir;
    }

    /** @return the effective topic configuration */
    public LogConfig config() {
        return config;
    }

    /** @return the first offset readers may fetch */
    public long logStartOffset() {
        return logStartOffset;
    }

    /** @return the offset the next appended record gets */
    public long logEndOffset() {
        return end.offset;
    }

    /** @return the high watermark: on one node, the log end offset */
    public long highWatermark() {
        return end.offset;
    }

    /** @return the offset below which everything is fsynced */
    public long recoveryPoint() {
        return recoveryPoint;
    }

    /** @return the number of segments */
    public int numberOfSegments() {
        return segments.size();
    }

    /** @return the base offsets of the segments, in order */
    public List<Long> segmentBaseOffsets() {
        return List.copyOf(segments.keySet());
    }

    /** @return the size of all segments' .log files in bytes */
    public long size() {
        long s = 0;
        for (LogSegment seg : segments.values()) {
            s += seg.size();
        }
        return s;
    }

    ProducerStateManager producerStateManager() {
        return producerState;
    }

    // ------------------------------------------------------------------------------------------------ changes

    /**
     * Moves the log start offset to {@code offset} (Kafka's DeleteRecords) and deletes the segments that lie
     * wholly below it. Readers get {@link OffsetOutOfRangeException} below the new start.
     *
     * @param offset the new log start offset; at most the high watermark
     * @return the log start offset afterwards (unchanged if {@code offset} is not above it)
     * @throws OffsetOutOfRangeException if {@code offset} is above the high watermark or negative
     */
    public long deleteRecordsBefore(long offset) {
        cleanerLock.lock();
        lock.lock();
        try {
            ensureOpen();
            if (offset < 0 || offset > highWatermark()) {
                throw new OffsetOutOfRangeException("Cannot delete records of " + topicPartition + " before offset "
                        + offset + ": it must be between 0 and the high watermark " + highWatermark());
            }
            if (offset > logStartOffset) {
                logStartOffset = offset;
                deleteSegmentsBelowLogStart();
            }
        } finally {
            lock.unlock();
            cleanerLock.unlock();
        }
        notifyWaiters();
        return logStartOffset;
    }

    private int deleteSegmentsBelowLogStart() {
        int deleted = 0;
        while (segments.size() > 1) {
            Map.Entry<Long, LogSegment> first = segments.firstEntry();
            Long next = segments.higherKey(first.getKey());
            if (next != null && next <= logStartOffset) {
                deleteSegment(first.getValue());
                deleted++;
            } else {
                break;
            }
        }
        return deleted;
    }

    /**
     * Removes every batch whose last offset is {@code >= targetOffset} (replication's truncation). The log end
     * offset becomes the end of the last remaining batch (equal to {@code targetOffset} when it is a batch
     * boundary). Truncating below the log start offset empties the log and restarts it at {@code targetOffset}.
     * Producer state is rebuilt for the shorter log.
     *
     * @param targetOffset the first offset to remove
     * @throws IllegalArgumentException if {@code targetOffset} is negative
     */
    public void truncateTo(long targetOffset) {
        if (targetOffset < 0) {
            throw new IllegalArgumentException("Cannot truncate " + topicPartition + " to negative offset " + targetOffset);
        }
        cleanerLock.lock();
        lock.lock();
        try {
            ensureOpen();
            if (targetOffset >= end.offset) {
                return;
            }
            log.info("Truncating {} to offset {} (log end offset was {})", topicPartition, targetOffset, end.offset);
            if (targetOffset < logStartOffset || targetOffset <= segments.firstKey()) {
                for (LogSegment seg : new ArrayList<>(segments.values())) {
                    deleteSegment(seg);
                }
                segments.put(targetOffset, openSegment(targetOffset, ""));
                logStartOffset = targetOffset;
            } else {
                for (LogSegment seg : new ArrayList<>(segments.tailMap(targetOffset, false).values())) {
                    deleteSegment(seg);
                }
                LogSegment last = segments.floorEntry(targetOffset).getValue();
                last.truncateTo(targetOffset);
                last.resizeIndexes(config.maxIndexSize());
            }
            LogSegment active = segments.lastEntry().getValue();
            long leo = Math.max(active.readNextOffset(), active.baseOffset());
            end = new EndMetadata(leo, active.baseOffset(), active.size());
            logStartOffset = Math.min(logStartOffset, leo);
            recoveryPoint = Math.min(recoveryPoint, leo);
            producerState.deleteSnapshotsAfter(leo);
            rebuildProducerState();
        } finally {
            lock.unlock();
            cleanerLock.unlock();
        }
        notifyWaiters();
    }

    /**
     * Applies retention: deletes whole non-active segments whose newest record is older than
     * {@code retention.ms}, the oldest ones while the log is larger than {@code retention.bytes} (both only
     * with {@code cleanup.policy} containing {@code delete}), and segments wholly below the log start offset.
     * Moves the log start offset to the new first segment.
     *
     * @return the number of segments deleted
     */
    public int deleteOldSegments() {
        cleanerLock.lock();
        lock.lock();
        try {
            if (closed) {
                return 0;
            }
            LogConfig cfg = config;
            int deleted = 0;
            long now = time.milliseconds();
            if (cfg.delete()) {
                if (cfg.retentionMs() >= 0) {
                    while (segments.size() > 1) {
                        LogSegment first = segments.firstEntry().getValue();
                        if (now - first.largestTimestamp() > cfg.retentionMs()) {
                            deleteSegment(first);
                            deleted++;
                        } else {
                            break;
                        }
                    }
                }
                if (cfg.retentionBytes() >= 0) {
                    long excess = size() - cfg.retentionBytes();
                    while (segments.size() > 1) {
                        LogSegment first = segments.firstEntry().getValue();
                        if (excess - first.size() >= 0) {
                            excess -= first.size();
                            deleteSegment(first);
                            deleted++;
                        } else {
                            break;
                        }
                    }
                }
            }
            deleted += deleteSegmentsBelowLogStart();
            if (deleted > 0) {
                logStartOffset = Math.max(logStartOffset, segments.firstKey());
                producerState.deleteSnapshotsBefore(segments.firstKey());
                log.info("Deleted {} old segment(s) of {}; log start offset is now {}", deleted, topicPartition,
                        logStartOffset);
            }
            return deleted;
        } finally {
            lock.unlock();
            cleanerLock.unlock();
            notifyWaiters();
        }
    }

    /** Removes a segment from the map, renames it *.deleted and schedules its deletion. Caller holds the lock. */
    void deleteSegment(LogSegment seg) {
        segments.remove(seg.baseOffset());
        seg.changeFileSuffixes("", DELETED_SUFFIX);
        scheduleDeletion(seg);
    }

    void scheduleDeletion(LogSegment seg) {
        Runnable delete = () -> {
            try {
                seg.deleteIfExists();
            } catch (RuntimeException e) {
                log.warn("Could not delete segment {} of {}: {}", seg.baseOffset(), topicPartition, e.getMessage());
            }
        };
        try {
            scheduler.schedule("delete-segment-" + topicPartition, delete, config.fileDeleteDelayMs(), 0L);
        } catch (IllegalStateException e) {
            delete.run();
        }
    }

    /**
     * Forces everything appended so far to the storage device and moves the recovery point to the log end.
     */
    public void flush() {
        flushUpTo(end.offset);
    }

    private void flushUpTo(long offset) {
        long from = recoveryPoint;
        if (offset <= from || closed) {
            return;
        }
        Long startBase = segments.floorKey(from);
        for (LogSegment seg : segments.subMap(startBase == null ? segments.firstKey() : startBase, true, offset, false).values()) {
            try {
                seg.flush();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                throw e;
            }
        }
        lock.lock();
        try {
            if (offset > recoveryPoint) {
                recoveryPoint = offset;
            }
            lastFlushTimeMs = time.milliseconds();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes if unflushed data is older than {@code flush.ms} (called by the log manager's flusher). */
    void flushIfDue() {
        if (end.offset > recoveryPoint && time.milliseconds() - lastFlushTimeMs >= config.flushMs()) {
            flush();
        }
    }

    /**
     * Replaces the configuration (after an alter-config); takes effect for the next append, roll and cleanup.
     *
     * @param newConfig the new effective configuration
     */
    public void updateConfig(LogConfig newConfig) {
        this.config = newConfig;
    }

    // ------------------------------------------------------------------------------------------------ cleaner hooks

    /** @return the segments, a live view */
    ConcurrentNavigableMap<Long, LogSegment> segmentMap() {
        return segments;
    }

    /** @return the active segment's base offset */
    long activeSegmentBase() {
        return segments.lastKey();
    }

    ReentrantLock lock() {
        return lock;
    }

    Time time() {
        return time;
    }

    LogSegment openCleanedSegment(long base) {
        return openSegment(base, CLEANED_SUFFIX);
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    private void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private UnknownTopicOrPartitionException closedException() {
        return new UnknownTopicOrPartitionException("The log of " + topicPartition + " is closed or deleted");
    }

    /**
     * Flushes, snapshots producer state at the log end offset and closes all segments. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            flush();
            producerState.takeSnapshot(end.offset);
            closed = true;
            for (LogSegment seg : segments.values()) {
                seg.close();
            }
        } finally {
            lock.unlock();
        }
        notifyWaiters();
    }

    /** Closes the log without flushing and deletes its directory. */
    void delete() {
        lock.lock();
        try {
            closed = true;
            for (LogSegment seg : segments.values()) {
                try {
                    seg.close();
                } catch (RuntimeException e) {
                    log.debug("Ignoring close failure of a deleted segment: {}", e.getMessage());
                }
            }
            segments.clear();
            deleteRecursively(dir);
        } finally {
            lock.unlock();
        }
        notifyWaiters();
    }

    static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        deleteFile(f);
    }

    static void deleteFile(File f) {
        try {
            Files.deleteIfExists(f.toPath());
        } catch (IOException e) {
            throw new RunnelStorageException("Could not delete " + f + ": " + e.getMessage(), e);
        }
    }

    static String readString(File f) {
        try {
            return Files.readString(f.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not read " + f + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PartitionLog(" + topicPartition + ", logStartOffset=" + logStartOffset + ", logEndOffset="
                + end.offset + ", segments=" + segments.size() + ")";
    }
}
