package io.runnel.log.internals;

import io.runnel.common.TopicPartition;
import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.errors.InvalidProducerEpochException;
import io.runnel.common.errors.OutOfOrderSequenceException;
import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/*
 * Design notes for maintainers.
 *
 * The idempotent producer's state per partition: for each producer id, the current epoch and the metadata
 * (first/last sequence, first/last offset, timestamp) of its last five batches, the number of in-flight
 * requests a Kafka producer may have. A batch is checked before it is written:
 *   - epoch older than the producer's current epoch     -> InvalidProducerEpochException (fenced)
 *   - epoch newer                                        -> must start at sequence 0, else OutOfOrderSequence
 *   - same epoch, same first and last sequence as one of the last five batches -> a duplicate: the log answers
 *     with that batch's original offsets and writes nothing
 *   - same epoch, first sequence != last sequence + 1   -> OutOfOrderSequenceException
 *   - an unknown producer id                             -> accepted with any sequence (its state may have been
 *     removed with old segments, as in Kafka)
 *
 * Snapshots are written at every segment roll and at clean shutdown as <offset>.snapshot in the partition
 * directory, in the layout of Kafka's producer snapshot v1 (version int16 = 1, CRC-32C of the rest, then an
 * int32-counted array of entries: producerId int64, epoch int16, lastSequence int32, lastOffset int64,
 * offsetDelta int32, timestamp int64, coordinatorEpoch int32, currentTxnFirstOffset int64). Runnel writes one
 * entry per remembered batch, oldest first, so a Kafka reader (which keeps the last entry per producer) sees
 * the producer's last batch, and Runnel restores all five. On open, the log loads the newest snapshot at or
 * below its end and replays the batches after it.
 *
 * Thread-safety: guarded by the partition log's lock.
 */
/** Per-partition idempotent producer state and its snapshots. Not thread-safe; see the design notes. */
public final class ProducerStateManager {

    private static final Logger log = LoggerFactory.getLogger(ProducerStateManager.class);

    /** Batches remembered per producer (Kafka's max.in.flight.requests.per.connection limit for idempotence). */
    public static final int NUM_BATCHES_TO_RETAIN = 5;
    /** Suffix of snapshot files. */
    public static final String SNAPSHOT_SUFFIX = ".snapshot";
    private static final short SNAPSHOT_VERSION = 1;
    private static final int ENTRY_SIZE = 8 + 2 + 4 + 8 + 4 + 8 + 4 + 8;

    /**
     * One remembered batch.
     *
     * @param firstSeq    first sequence
     * @param lastSeq     last sequence
     * @param firstOffset first offset
     * @param lastOffset  last offset
     * @param timestamp   max timestamp
     */
    public record BatchMetadata(int firstSeq, int lastSeq, long firstOffset, long lastOffset, long timestamp) {
    }

    private static final class Entry {
        short epoch;
        final ArrayDeque<BatchMetadata> batches = new ArrayDeque<>();

        Entry(short epoch) {
            this.epoch = epoch;
        }

        int lastSeq() {
            return batches.isEmpty() ? RecordBatch.NO_SEQUENCE : batches.peekLast().lastSeq();
        }

        void add(BatchMetadata m) {
            batches.addLast(m);
            while (batches.size() > NUM_BATCHES_TO_RETAIN) {
                batches.removeFirst();
            }
        }
    }

    private final TopicPartition topicPartition;
    private final File dir;
    private final Map<Long, Entry> producers = new HashMap<>();

    /**
     * @param topicPartition for messages
     * @param dir            the partition directory (snapshots live there)
     */
    public ProducerStateManager(TopicPartition topicPartition, File dir) {
        this.topicPartition = topicPartition;
        this.dir = dir;
    }

    /**
     * Checks an idempotent batch against the state plus the batches staged earlier in the same append.
     *
     * @param batch  the batch (producer id {@code >= 0})
     * @param staged per producer: {epoch, lastSeq} of batches earlier in the same append
     * @return the original batch if this one is a duplicate, else null
     * @throws InvalidProducerEpochException if the epoch is stale
     * @throws OutOfOrderSequenceException   if the sequence does not follow
     */
    public BatchMetadata check(DefaultRecordBatch batch, Map<Long, int[]> staged) {
        long pid = batch.producerId();
        short epoch = batch.producerEpoch();
        int firstSeq = batch.baseSequence();
        int lastSeq = batch.lastSequence();
        int[] pending = staged.get(pid);
        Entry entry = producers.get(pid);
        short currentEpoch = pending != null ? (short) pending[0] : entry != null ? entry.epoch : RecordBatch.NO_PRODUCER_EPOCH;
        int currentLastSeq = pending != null ? pending[1] : entry != null ? entry.lastSeq() : RecordBatch.NO_SEQUENCE;
        if (entry == null && pending == null) {
            staged.put(pid, new int[]{epoch, lastSeq});
            return null;
        }
        if (epoch < currentEpoch) {
            throw new InvalidProducerEpochException("Producer " + pid + " sent a batch with epoch " + epoch
                    + " to " + topicPartition + ", older than its current epoch " + currentEpoch
                    + ": a newer producer instance fenced this one, which must close");
        }
        if (epoch > currentEpoch) {
            if (firstSeq != 0) {
                throw new OutOfOrderSequenceException("Producer " + pid + " started epoch " + epoch + " on "
                        + topicPartition + " with sequence " + firstSeq + "; a new epoch must start at sequence 0");
            }
            staged.put(pid, new int[]{epoch, lastSeq});
            return null;
        }
        if (pending == null) {
            for (BatchMetadata m : entry.batches) {
                if (m.firstSeq() == firstSeq && m.lastSeq() == lastSeq) {
                    return m;
                }
            }
        }
        int expected = currentLastSeq == RecordBatch.NO_SEQUENCE ? 0 : DefaultRecordBatch.incrementSequence(currentLastSeq, 1);
        if (firstSeq != expected) {
            throw new OutOfOrderSequenceException("Out of order sequence number for producer " + pid + " at epoch "
                    + epoch + " on " + topicPartition + ": got " + firstSeq + ", expected " + expected
                    + " (the last written sequence is " + currentLastSeq + ")");
        }
        staged.put(pid, new int[]{epoch, lastSeq});
        return null;
    }

    /**
     * Records a written batch (offsets assigned).
     *
     * @param batch the batch; ignored unless it has a producer id and a sequence
     */
    public void update(DefaultRecordBatch batch) {
        long pid = batch.producerId();
        if (pid < 0 || batch.baseSequence() < 0) {
            return;
        }
        Entry entry = producers.get(pid);
        if (entry == null || batch.producerEpoch() > entry.epoch) {
            entry = new Entry(batch.producerEpoch());
            producers.put(pid, entry);
        }
        entry.add(new BatchMetadata(batch.baseSequence(), batch.lastSequence(), batch.baseOffset(), batch.lastOffset(),
                batch.maxTimestamp()));
    }

    /** @return the number of producers tracked */
    public int producerCount() {
        return producers.size();
    }

    /**
     * @param producerId a producer id
     * @return the remembered batches, oldest first (empty if unknown)
     */
    public List<BatchMetadata> batches(long producerId) {
        Entry e = producers.get(producerId);
        return e == null ? List.of() : List.copyOf(e.batches);
    }

    /** Forgets every producer (before a reload). */
    public void clear() {
        producers.clear();
    }

    /** @return snapshot files by offset */
    public TreeMap<Long, File> snapshotFiles() {
        TreeMap<Long, File> files = new TreeMap<>();
        File[] list = dir.listFiles((d, name) -> name.endsWith(SNAPSHOT_SUFFIX));
        if (list != null) {
            for (File f : list) {
                try {
                    files.put(Long.parseLong(f.getName().substring(0, f.getName().length() - SNAPSHOT_SUFFIX.length())), f);
                } catch (NumberFormatException e) {
                    log.warn("Ignoring unexpected file {} in {}", f.getName(), dir);
                }
            }
        }
        return files;
    }

    /**
     * Writes the state as {@code <offset>.snapshot} (atomically: temp file, fsync, rename).
     *
     * @param offset the offset the state is valid at (the log end offset)
     */
    public void takeSnapshot(long offset) {
        int count = 0;
        for (Entry e : producers.values()) {
            count += e.batches.size();
        }
        ByteBuffer buf = ByteBuffer.allocate(2 + 4 + 4 + count * ENTRY_SIZE);
        buf.putShort(SNAPSHOT_VERSION).putInt(0).putInt(count);
        for (Map.Entry<Long, Entry> e : producers.entrySet()) {
            for (BatchMetadata m : e.getValue().batches) {
                buf.putLong(e.getKey()).putShort(e.getValue().epoch).putInt(m.lastSeq()).putLong(m.lastOffset())
                        .putInt((int) (m.lastOffset() - m.firstOffset())).putLong(m.timestamp()).putInt(-1).putLong(-1L);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 6, buf.capacity() - 6);
        buf.putInt(2, (int) crc.getValue());
        File target = LogSegment.file(dir, offset, SNAPSHOT_SUFFIX);
        File tmp = new File(target.getPath() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp.toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not write producer snapshot " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RunnelStorageException("Could not rename producer snapshot " + tmp + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the state with the newest valid snapshot at or below {@code maxOffset}; deletes snapshots above it
     * and corrupt ones.
     *
     * @param maxOffset the log end offset
     * @return the snapshot's offset, or -1 if none was loaded
     */
    public long loadLatestSnapshot(long maxOffset) {
        producers.clear();
        TreeMap<Long, File> files = snapshotFiles();
        for (Map.Entry<Long, File> e : files.tailMap(maxOffset, false).entrySet()) {
            deleteQuietly(e.getValue());
        }
        for (Map.Entry<Long, File> e : files.headMap(maxOffset, true).descendingMap().entrySet()) {
            try {
                read(e.getValue());
                return e.getKey();
            } catch (CorruptRecordException | IOException ex) {
                log.warn("Deleting unreadable producer snapshot {}: {}", e.getValue(), ex.getMessage());
                producers.clear();
                deleteQuietly(e.getValue());
            }
        }
        return -1L;
    }

    private void read(File file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file.toPath()));
        if (buf.remaining() < 10) {
            throw new CorruptRecordException("Producer snapshot " + file + " is too short");
        }
        short version = buf.getShort(0);
        if (version != SNAPSHOT_VERSION) {
            throw new CorruptRecordException("Producer snapshot " + file + " has unknown version " + version);
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 6, buf.remaining() - 6);
        if ((int) crc.getValue() != buf.getInt(2)) {
            throw new CorruptRecordException("Producer snapshot " + file + " fails its CRC");
        }
        int count = buf.getInt(6);
        if (count < 0 || 10 + (long) count * ENTRY_SIZE != buf.remaining()) {
            throw new CorruptRecordException("Producer snapshot " + file + " has a wrong entry count " + count);
        }
        buf.position(10);
        for (int i = 0; i < count; i++) {
            long pid = buf.getLong();
            short epoch = buf.getShort();
            int lastSeq = buf.getInt();
            long lastOffset = buf.getLong();
            int delta = buf.getInt();
            long ts = buf.getLong();
            buf.getInt();
            buf.getLong();
            Entry entry = producers.get(pid);
            if (entry == null || epoch > entry.epoch) {
                entry = new Entry(epoch);
                producers.put(pid, entry);
            }
            long first = (long) lastSeq - delta;
            int firstSeq = (int) (first >= 0 ? first : first + Integer.MAX_VALUE + 1L);
            entry.add(new BatchMetadata(firstSeq, lastSeq, lastOffset - delta, lastOffset, ts));
        }
    }

    /**
     * Deletes snapshots strictly below an offset (they describe deleted segments), keeping the newest one below.
     *
     * @param offset the new log start segment's base offset
     */
    public void deleteSnapshotsBefore(long offset) {
        TreeMap<Long, File> files = snapshotFiles();
        List<File> old = new ArrayList<>(files.headMap(offset, false).values());
        if (!old.isEmpty()) {
            old.remove(old.size() - 1);
        }
        old.forEach(ProducerStateManager::deleteQuietly);
    }

    /**
     * Deletes snapshots above an offset (after truncation).
     *
     * @param offset the new log end offset
     */
    public void deleteSnapshotsAfter(long offset) {
        snapshotFiles().tailMap(offset, false).values().forEach(ProducerStateManager::deleteQuietly);
    }

    private static void deleteQuietly(File f) {
        try {
            Files.deleteIfExists(f.toPath());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", f, e.getMessage());
        }
    }
}
