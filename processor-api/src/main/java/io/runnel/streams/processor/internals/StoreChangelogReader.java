package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.common.TopicPartition;
import io.runnel.common.utils.Time;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.StateRestoreListener;
import io.runnel.streams.processor.TaskId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * Design: restoration runs inside the stream thread's loop, a batch at a time.
 *
 * When a stateful task has opened its stores, the thread registers it here. For each logged store the reader
 * computes where to start (the checkpointed offset + 1, or the beginning of the changelog) and where to stop (the
 * changelog's end offset now - nobody else writes it, since the previous owner committed and closed the task before
 * the rebalance completed - or, for a store whose changelog is a source topic, the committed offset of that
 * partition: the task will process what follows). Partitions with nothing to restore finish at once; the others are
 * assigned to the thread's restore consumer (assign mode, no group).
 *
 * Each loop iteration the thread calls restore(): one poll of the restore consumer, each partition's records handed
 * to TaskStateManager.restore as one batch (one RocksDB WriteBatch), progress logged every 10 seconds and at the
 * end with the rate. The main consumer keeps polling meanwhile (with the restoring tasks' partitions paused), so the
 * thread stays in its group however long restoration takes. When all of a task's changelogs are done, the task's
 * stores are flushed (checkpoint) and its processors initialised.
 */
/**
 * Restores the stores of a stream thread's tasks from their changelogs. Used by one stream thread.
 */
final class StoreChangelogReader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreChangelogReader.class);
    private static final long PROGRESS_LOG_INTERVAL_MS = 10_000L;

    private final String logPrefix;
    private final Consumer<byte[], byte[]> restoreConsumer;
    private final Time time;
    private final StateRestoreListener listener;
    private final Map<TopicPartition, Restoration> active = new LinkedHashMap<>();
    private final Map<TaskId, StreamTask> restoringTasks = new LinkedHashMap<>();
    private long totalRestored;

    private static final class Restoration {
        final StreamTask task;
        final String store;
        final TopicPartition partition;
        final long start;
        final long end;
        long restored;
        long position;
        final long startNs;
        long lastLogMs;

        Restoration(StreamTask task, String store, TopicPartition partition, long start, long end, long startNs,
                    long nowMs) {
            this.task = task;
            this.store = store;
            this.partition = partition;
            this.start = start;
            this.end = end;
            this.position = start;
            this.startNs = startNs;
            this.lastLogMs = nowMs;
        }
    }

    StoreChangelogReader(String logPrefix, Consumer<byte[], byte[]> restoreConsumer, Time time,
                         StateRestoreListener listener) {
        this.logPrefix = logPrefix;
        this.restoreConsumer = restoreConsumer;
        this.time = time;
        this.listener = listener;
    }

    /**
     * Starts restoring a task whose stores are open (state RESTORING). A task with nothing to restore completes at
     * once.
     *
     * @param task the task
     */
    void register(StreamTask task) {
        Map<String, TopicPartition> changelogs = task.changelogPartitions();
        if (changelogs.isEmpty()) {
            task.completeRestoration();
            return;
        }
        Map<TopicPartition, Long> checkpointed = task.stateManager().checkpointedOffsets();
        List<TopicPartition> needEnd = new ArrayList<>();
        List<TopicPartition> needStart = new ArrayList<>();
        for (Map.Entry<String, TopicPartition> e : changelogs.entrySet()) {
            TopicPartition tp = e.getValue();
            if (!task.topology().hasSourceTopicChangelog(e.getKey())) {
                needEnd.add(tp);
            }
            if (!checkpointed.containsKey(tp)) {
                needStart.add(tp);
            }
        }
        Map<TopicPartition, Long> endOffsets = needEnd.isEmpty() ? Map.of() : restoreConsumer.endOffsets(needEnd);
        Map<TopicPartition, Long> beginnings = needStart.isEmpty() ? Map.of()
                : restoreConsumer.beginningOffsets(needStart);
        long nowMs = time.milliseconds();
        List<Restoration> added = new ArrayList<>();
        for (Map.Entry<String, TopicPartition> e : changelogs.entrySet()) {
            String store = e.getKey();
            TopicPartition tp = e.getValue();
            long end;
            if (task.topology().hasSourceTopicChangelog(store)) {
                end = task.committedOffsets().getOrDefault(tp, 0L);
            } else {
                Long known = endOffsets.get(tp);
                if (known == null) {
                    throw new StreamsException("Changelog partition " + tp + " of store " + store + " (task "
                            + task.id() + ") does not exist; internal topics are created when the application"
                            + " starts", null, task.id());
                }
                end = known;
            }
            Long checkpoint = checkpointed.get(tp);
            long start = checkpoint != null ? checkpoint + 1 : beginnings.getOrDefault(tp, 0L);
            if (checkpoint != null && start > end) {
                LOG.warn("{}: the checkpoint of store {} (task {}) is at offset {} but changelog {} ends at {}: the"
                        + " changelog was deleted or recreated. Restoring it from the beginning; delete the task"
                        + " directory to drop stale entries.", logPrefix, store, task.id(), checkpoint, tp, end);
                start = restoreConsumer.beginningOffsets(List.of(tp)).getOrDefault(tp, 0L);
            }
            if (start >= end) {
                continue;
            }
            if (listener != null) {
                listener.onRestoreStart(tp, store, start, end);
            }
            LOG.info("{}: restoring store {} of task {} from changelog {}, offsets {} to {} ({} records at most)",
                    logPrefix, store, task.id(), tp, start, end, end - start);
            added.add(new Restoration(task, store, tp, start, end, time.nanoseconds(), nowMs));
            task.updateRestorePosition(tp, start);
        }
        if (added.isEmpty()) {
            task.completeRestoration();
            return;
        }
        for (Restoration r : added) {
            active.put(r.partition, r);
        }
        restoringTasks.put(task.id(), task);
        restoreConsumer.assign(new ArrayList<>(active.keySet()));
        for (Restoration r : added) {
            restoreConsumer.seek(r.partition, r.start);
        }
    }

    /**
     * Stops restoring a task (it was revoked or is closing).
     *
     * @param task the task
     */
    void unregister(StreamTask task) {
        if (restoringTasks.remove(task.id()) == null) {
            return;
        }
        active.values().removeIf(r -> r.task == task);
        restoreConsumer.assign(new ArrayList<>(active.keySet()));
    }

    /** @return true if some task is still restoring */
    boolean isRestoring() {
        return !restoringTasks.isEmpty();
    }

    /** @return the tasks still restoring */
    Collection<StreamTask> restoringTasks() {
        return restoringTasks.values();
    }

    /** @return records restored by this reader since it was created */
    long totalRestored() {
        return totalRestored;
    }

    /**
     * Polls the restore consumer once and applies what it returned.
     *
     * @param timeout how long the poll may wait
     * @return the number of records restored
     */
    int restore(Duration timeout) {
        if (active.isEmpty()) {
            return 0;
        }
        ConsumerRecords<byte[], byte[]> records = restoreConsumer.poll(timeout);
        int count = 0;
        for (TopicPartition tp : records.partitions()) {
            Restoration r = active.get(tp);
            if (r == null) {
                continue;
            }
            List<ChangelogRecord> batch = new ArrayList<>();
            long last = -1L;
            for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                if (record.offset() >= r.end) {
                    break;
                }
                last = record.offset();
                if (record.key() != null) {
                    batch.add(new ChangelogRecord(record.key(), record.value(), record.timestamp()));
                }
            }
            if (last >= 0) {
                r.task.storeLock().lock();
                try {
                    r.task.stateManager().restore(r.store, batch, last);
                } catch (StreamsException e) {
                    e.setTaskId(r.task.id());
                    throw e;
                } finally {
                    r.task.storeLock().unlock();
                }
                r.restored += batch.size();
                r.position = last + 1;
                r.task.updateRestorePosition(tp, r.position);
                count += batch.size();
                totalRestored += batch.size();
                if (listener != null) {
                    listener.onBatchRestored(tp, r.store, last, batch.size());
                }
            }
        }
        checkCompletion();
        return count;
    }

    private void checkCompletion() {
        long nowMs = time.milliseconds();
        Set<TaskId> touched = new HashSet<>();
        Iterator<Restoration> it = active.values().iterator();
        boolean reassign = false;
        while (it.hasNext()) {
            Restoration r = it.next();
            if (r.position < r.end) {
                long consumerPosition = restoreConsumer.position(r.partition);
                if (consumerPosition >= r.end) {
                    r.position = consumerPosition;
                }
            }
            if (r.position >= r.end) {
                it.remove();
                reassign = true;
                touched.add(r.task.id());
                double seconds = Math.max(1e-9, (time.nanoseconds() - r.startNs) / 1e9);
                LOG.info("{}: restored {} records of store {} (task {}) from {} in {} ms ({} records/s)", logPrefix,
                        r.restored, r.store, r.task.id(), r.partition, Math.round(seconds * 1000),
                        Math.round(r.restored / seconds));
                if (listener != null) {
                    listener.onRestoreEnd(r.partition, r.store, r.restored);
                }
            } else if (nowMs - r.lastLogMs >= PROGRESS_LOG_INTERVAL_MS) {
                r.lastLogMs = nowMs;
                double seconds = Math.max(1e-9, (time.nanoseconds() - r.startNs) / 1e9);
                LOG.info("{}: restoring store {} (task {}): {} records restored, {} to go, {} records/s", logPrefix,
                        r.store, r.task.id(), r.restored, r.end - r.position, Math.round(r.restored / seconds));
            }
        }
        if (reassign) {
            restoreConsumer.assign(new ArrayList<>(active.keySet()));
        }
        for (TaskId id : touched) {
            boolean pending = active.values().stream().anyMatch(r -> r.task.id().equals(id));
            if (!pending) {
                StreamTask task = restoringTasks.remove(id);
                if (task != null) {
                    task.completeRestoration();
                }
            }
        }
    }
}
