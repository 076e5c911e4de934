package io.runnel.log;

import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.MemoryRecordsBuilder;
import io.runnel.common.record.Record;
import io.runnel.log.internals.LogSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/*
 * Design notes for maintainers: compaction.
 *
 * A compacted log has a clean head (already compacted, below the cleaner checkpoint "first dirty offset") and a
 * dirty tail up to the active segment (never cleaned) or up to the first segment younger than
 * min.compaction.lag.ms. When dirty bytes / (clean + dirty bytes) reaches min.cleanable.dirty.ratio, one pass:
 *
 *   1. builds a map key -> latest offset over the dirty segments (keys copied; the map stops growing at a
 *      segment boundary once it passes log.cleaner.dedupe.buffer.size, and the rest waits for the next pass);
 *   2. rewrites every segment below that point, grouped into runs no larger than segment.bytes: a record is
 *      kept if its key is not in the map or its offset is the map's (the latest), a tombstone (null value) is
 *      dropped once its segment's newest timestamp is older than delete.retention.ms, records without a key and
 *      control batches are kept; a batch whose records all survive is copied byte for byte, otherwise its
 *      survivors are re-encoded with the same codec, producer fields and original offsets (offsets are never
 *      reassigned);
 *   3. swaps each rewritten group in crash-safely: the new files are written as *.cleaned and fsynced, then a
 *      marker <base>.swap ("end=<offset>") commits the swap, then under the log lock the old segments leave
 *      the map (renamed *.deleted, deleted later) and the cleaned files take their names. On open, a marker
 *      means: delete the plain segments with base offsets in [base, end), rename the cleaned files, delete
 *      the marker; *.cleaned files without a marker are discarded.
 *
 * Appends continue during a pass: they touch only the active segment. The cleaner holds the log's cleanerLock
 * so retention, truncation and record deletion wait for it. This simplifies Kafka's cleaner: a plain hash map
 * rather than a fixed-size hash array, and the tombstone horizon from segment timestamps rather than KIP-534's
 * per-batch delete horizon.
 */
/** Compacts logs with {@code cleanup.policy} containing {@code compact}. Stateless; see the design notes. */
final class LogCleaner {

    private static final Logger log = LoggerFactory.getLogger(LogCleaner.class);
    private static final Pattern SEGMENT_FILE = Pattern.compile("(\\d{20})\\.(log|index|timeindex)");
    private static final int MAP_ENTRY_OVERHEAD = 64;

    private LogCleaner() {
    }

    /**
     * Runs one compaction pass over a log if its dirty ratio calls for it.
     *
     * @param plog          the log
     * @param firstDirty    the cleaner checkpoint (0 if none)
     * @param budgetBytes   approximate key map budget
     * @param force         clean even below the dirty ratio
     * @return the new first dirty offset, or -1 if nothing was cleaned
     */
    static long clean(PartitionLog plog, long firstDirty, long budgetBytes, boolean force) {
        LogConfig cfg = plog.config();
        if (!cfg.compact()) {
            return -1L;
        }
        plog.cleanerLock.lock();
        try {
            NavigableMap<Long, LogSegment> segs = plog.segmentMap();
            if (segs.isEmpty()) {
                return -1L;
            }
            long now = plog.time().milliseconds();
            long activeBase = plog.activeSegmentBase();
            Long dirtyBase = segs.floorKey(Math.max(firstDirty, segs.firstKey()));
            long start = dirtyBase == null ? segs.firstKey() : dirtyBase;
            long upper = activeBase;
            for (LogSegment s : segs.subMap(start, true, activeBase, false).values()) {
                if (cfg.minCompactionLagMs() > 0 && now - s.largestTimestamp() < cfg.minCompactionLagMs()) {
                    upper = s.baseOffset();
                    break;
                }
            }
            if (start >= upper && !(force && segs.firstKey() < upper)) {
                return -1L;
            }
            long cleanBytes = 0;
            long dirtyBytes = 0;
            for (LogSegment s : segs.headMap(upper, false).values()) {
                if (s.baseOffset() < start) {
                    cleanBytes += s.size();
                } else {
                    dirtyBytes += s.size();
                }
            }
            double ratio = cleanBytes + dirtyBytes == 0 ? 0 : (double) dirtyBytes / (cleanBytes + dirtyBytes);
            if (!force && ratio < cfg.minCleanableRatio()) {
                return -1L;
            }
            Map<ByteBuffer, Long> latest = new HashMap<>();
            long used = 0;
            long dirtyEnd = Math.min(start, upper);
            for (LogSegment s : new ArrayList<>(segs.subMap(start, true, upper, false).values())) {
                for (DefaultRecordBatch batch : s.log().batches()) {
                    if (batch.isControlBatch()) {
                        continue;
                    }
                    for (Record r : batch) {
                        if (r.hasKey()) {
                            byte[] key = new byte[r.keySize()];
                            r.key().get(key);
                            if (latest.put(ByteBuffer.wrap(key), r.offset()) == null) {
                                used += key.length + MAP_ENTRY_OVERHEAD;
                            }
                        }
                    }
                }
                Long next = segs.higherKey(s.baseOffset());
                dirtyEnd = next == null ? upper : Math.min(next, upper);
                if (used > budgetBytes) {
                    break;
                }
            }
            List<List<LogSegment>> groups = group(new ArrayList<>(segs.headMap(dirtyEnd, false).values()), cfg.segmentBytes());
            long kept = 0;
            long removed = 0;
            for (List<LogSegment> g : groups) {
                Long next = segs.higherKey(g.get(g.size() - 1).baseOffset());
                long[] stats = cleanGroup(plog, g, next == null ? dirtyEnd : next, latest, now, cfg);
                kept += stats[0];
                removed += stats[1];
            }
            log.info("Compacted {} up to offset {}: kept {} records, removed {} ({} keys in the dirty section)",
                    plog.topicPartition(), dirtyEnd, kept, removed, latest.size());
            return dirtyEnd;
        } finally {
            plog.cleanerLock.unlock();
        }
    }

    private static List<List<LogSegment>> group(List<LogSegment> segments, int maxBytes) {
        List<List<LogSegment>> groups = new ArrayList<>();
        List<LogSegment> current = new ArrayList<>();
        long size = 0;
        for (LogSegment s : segments) {
            if (!current.isEmpty() && size + s.size() > maxBytes) {
                groups.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(s);
            size += s.size();
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static long[] cleanGroup(PartitionLog plog, List<LogSegment> group, long groupEnd,
                                     Map<ByteBuffer, Long> latest, long now, LogConfig cfg) {
        long base = group.get(0).baseOffset();
        LogSegment cleaned = plog.openCleanedSegment(base);
        long kept = 0;
        long removed = 0;
        for (LogSegment seg : group) {
            boolean tombstonesExpired = now - seg.largestTimestamp() > cfg.deleteRetentionMs();
            for (DefaultRecordBatch batch : seg.log().batches()) {
                if (batch.isControlBatch()) {
                    cleaned.append(MemoryRecords.readableRecords(batch.buffer()));
                    continue;
                }
                List<Record> survivors = new ArrayList<>();
                int total = 0;
                for (Record r : batch) {
                    total++;
                    if (retain(r, latest, tombstonesExpired)) {
                        survivors.add(r);
                    }
                }
                kept += survivors.size();
                removed += total - survivors.size();
                if (survivors.size() == total) {
                    cleaned.append(MemoryRecords.readableRecords(batch.buffer()));
                } else if (!survivors.isEmpty()) {
                    MemoryRecordsBuilder b = MemoryRecords.builder().compression(batch.compressionType())
                            .timestampType(batch.timestampType(), batch.maxTimestamp()).baseOffset(batch.baseOffset())
                            .producer(batch.producerId(), batch.producerEpoch(), batch.baseSequence())
                            .partitionLeaderEpoch(batch.partitionLeaderEpoch());
                    for (Record r : survivors) {
                        b.appendWithOffset(r);
                    }
                    cleaned.append(b.build());
                }
            }
        }
        cleaned.flush();
        cleaned.onBecomeInactiveSegment();
        File marker = new File(plog.dir(), LogSegment.filenamePrefixFromOffset(base) + PartitionLog.SWAP_MARKER_SUFFIX);
        writeMarker(marker, groupEnd);
        plog.lock().lock();
        try {
            NavigableMap<Long, LogSegment> segs = plog.segmentMap();
            for (LogSegment seg : group) {
                if (segs.get(seg.baseOffset()) != seg) {
                    log.info("Abandoning compaction of {} at {}: the log changed during the pass", plog.topicPartition(), base);
                    cleaned.deleteIfExists();
                    PartitionLog.deleteFile(marker);
                    return new long[]{0, 0};
                }
            }
            for (LogSegment seg : group) {
                plog.deleteSegment(seg);
            }
            cleaned.changeFileSuffixes(PartitionLog.CLEANED_SUFFIX, "");
            segs.put(base, cleaned);
            PartitionLog.deleteFile(marker);
        } finally {
            plog.lock().unlock();
        }
        return new long[]{kept, removed};
    }

    private static boolean retain(Record r, Map<ByteBuffer, Long> latest, boolean tombstonesExpired) {
        if (!r.hasKey()) {
            return true;
        }
        Long newest = latest.get(r.key());
        if (newest != null && r.offset() < newest) {
            return false;
        }
        return r.hasValue() || !tombstonesExpired;
    }

    private static void writeMarker(File marker, long end) {
        File tmp = new File(marker.getPath() + ".tmp");
        try {
            Files.writeString(tmp.toPath(), "end=" + end + "\n", StandardCharsets.UTF_8);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp.toPath(),
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp.toPath(), marker.toPath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not write compaction swap marker " + marker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Completes swaps interrupted by a crash (see the design notes). Called before a log opens its segments.
     *
     * @param dir the partition directory
     */
    static void completeInterruptedSwaps(File dir) {
        File[] markers = dir.listFiles((d, n) -> n.endsWith(PartitionLog.SWAP_MARKER_SUFFIX));
        if (markers == null) {
            return;
        }
        for (File marker : markers) {
            String name = marker.getName();
            long base = Long.parseLong(name.substring(0, name.length() - PartitionLog.SWAP_MARKER_SUFFIX.length()));
            String text = PartitionLog.readString(marker).trim();
            long end = Long.parseLong(text.substring(text.indexOf('=') + 1));
            log.warn("Completing an interrupted compaction swap in {}: segments [{}, {})", dir, base, end);
            File[] files = dir.listFiles();
            for (File f : files == null ? new File[0] : files) {
                Matcher m = SEGMENT_FILE.matcher(f.getName());
                if (m.matches()) {
                    long b = Long.parseLong(m.group(1));
                    if (b >= base && b < end) {
                        PartitionLog.deleteFile(f);
                    }
                }
            }
            for (String suffix : new String[]{LogSegment.LOG_SUFFIX, LogSegment.INDEX_SUFFIX, LogSegment.TIME_INDEX_SUFFIX}) {
                File cleaned = LogSegment.file(dir, base, suffix + PartitionLog.CLEANED_SUFFIX);
                if (cleaned.exists() && !cleaned.renameTo(LogSegment.file(dir, base, suffix))) {
                    throw new RunnelStorageException("Could not rename " + cleaned + " while completing a compaction swap");
                }
            }
            PartitionLog.deleteFile(marker);
        }
    }
}
