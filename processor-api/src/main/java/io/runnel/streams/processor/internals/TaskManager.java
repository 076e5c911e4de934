package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.CommitFailedException;
import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.TimeoutException;
import io.runnel.streams.Topology.AutoOffsetReset;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.errors.TaskMigratedException;
import io.runnel.streams.processor.TaskId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tasks of one stream thread: creates them on assignment, commits and suspends them on revocation, closes them,
 * routes polled records to them, runs their processing and punctuation, and commits. Used by its stream thread
 * only; the registry of tasks it shares with interactive queries is thread-safe.
 */
final class TaskManager {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskManager.class);
    /** Records a task processes before the thread moves to the next task. */
    private static final int RECORDS_PER_TASK_TURN = 100;

    private final String logPrefix;
    private final InternalTopologyBuilder builder;
    private final Function<TaskCreationRequest, StreamTask> taskFactory;
    private final Consumer<byte[], byte[]> mainConsumer;
    private final StoreChangelogReader changelogReader;
    private final RecordCollector collector;
    private final Map<TaskId, StreamTask> registry;
    private final long maxTaskTimeSkewMs;
    private final int bufferedRecordsPerPartition;
    private final Map<TaskId, StreamTask> tasks = new LinkedHashMap<>();
    private final Map<TopicPartition, StreamTask> tasksByPartition = new HashMap<>();
    private final Set<TopicPartition> paused = new HashSet<>();
    private final Map<TaskId, StreamTask> suspended = new LinkedHashMap<>();

    /**
     * What is needed to create a task.
     *
     * @param id         the task
     * @param partitions its input partitions
     */
    record TaskCreationRequest(TaskId id, Set<TopicPartition> partitions) {
    }

    TaskManager(String logPrefix, InternalTopologyBuilder builder, Function<TaskCreationRequest, StreamTask> taskFactory,
                Consumer<byte[], byte[]> mainConsumer, StoreChangelogReader changelogReader,
                RecordCollector collector, Map<TaskId, StreamTask> registry, int bufferedRecordsPerPartition,
                long maxTaskTimeSkewMs) {
        this.logPrefix = logPrefix;
        this.maxTaskTimeSkewMs = maxTaskTimeSkewMs;
        this.builder = builder;
        this.taskFactory = taskFactory;
        this.mainConsumer = mainConsumer;
        this.changelogReader = changelogReader;
        this.collector = collector;
        this.registry = registry;
        this.bufferedRecordsPerPartition = bufferedRecordsPerPartition;
    }

    /** @return the thread's tasks (not suspended ones) */
    Collection<StreamTask> tasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    /** @return the ids of the thread's tasks */
    Set<TaskId> taskIds() {
        return Collections.unmodifiableSet(tasks.keySet());
    }

    /** @return the ids of the thread's tasks, suspended ones included (what it ran before a rebalance) */
    Set<TaskId> ownedTaskIds() {
        Set<TaskId> ids = new HashSet<>(tasks.keySet());
        ids.addAll(suspended.keySet());
        return ids;
    }

    /**
     * Maps assigned partitions to tasks.
     *
     * @param partitions assigned input partitions
     * @return the task of each partition (sub-topology reading the topic, partition number)
     */
    Map<TaskId, Set<TopicPartition>> tasksForPartitions(Collection<TopicPartition> partitions) {
        Map<TaskId, Set<TopicPartition>> result = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            int sub = builder.subtopologyForTopic(tp.topic());
            if (sub < 0) {
                throw new IllegalStateException("Assigned partition " + tp + " is read by no sub-topology");
            }
            result.computeIfAbsent(new TaskId(sub, tp.partition()), k -> new HashSet<>()).add(tp);
        }
        return result;
    }

    /**
     * Applies a new assignment: suspended tasks that stay are resumed, the others closed; new tasks are created
     * (their partitions paused until they run), their committed offsets read and offset reset policies applied.
     *
     * @param assignment the thread's tasks and their partitions
     */
    void handleAssignment(Map<TaskId, Set<TopicPartition>> assignment) {
        for (StreamTask task : new ArrayList<>(suspended.values())) {
            if (!assignment.containsKey(task.id()) || !assignment.get(task.id()).equals(task.inputPartitions())) {
                closeClean(task);
            }
        }
        for (StreamTask task : new ArrayList<>(tasks.values())) {
            if (!assignment.containsKey(task.id())) {
                closeClean(task);
            }
        }
        List<StreamTask> created = new ArrayList<>();
        for (Map.Entry<TaskId, Set<TopicPartition>> e : assignment.entrySet()) {
            StreamTask existing = suspended.remove(e.getKey());
            if (existing != null) {
                existing.resume();
                register(existing);
                continue;
            }
            if (tasks.containsKey(e.getKey())) {
                continue;
            }
            StreamTask task = taskFactory.apply(new TaskCreationRequest(e.getKey(), e.getValue()));
            register(task);
            created.add(task);
        }
        if (!created.isEmpty()) {
            initializeOffsets(created);
        }
        for (StreamTask task : tasks.values()) {
            if (task.state() != StreamTask.State.RUNNING) {
                pause(task.inputPartitions());
            }
        }
        LOG.info("{}: assigned tasks {}", logPrefix, tasks.keySet());
    }

    private void register(StreamTask task) {
        tasks.put(task.id(), task);
        for (TopicPartition tp : task.inputPartitions()) {
            tasksByPartition.put(tp, task);
        }
        registry.put(task.id(), task);
    }

    private void unregister(StreamTask task) {
        task.withdrawHeadTimestamp();
        tasks.remove(task.id());
        suspended.remove(task.id());
        for (TopicPartition tp : task.inputPartitions()) {
            tasksByPartition.remove(tp);
            paused.remove(tp);
        }
        registry.remove(task.id(), task);
    }

    private void initializeOffsets(List<StreamTask> created) {
        Set<TopicPartition> partitions = new HashSet<>();
        created.forEach(t -> partitions.addAll(t.inputPartitions()));
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = mainConsumer.committed(partitions);
        } catch (TimeoutException e) {
            throw new StreamsException(logPrefix + ": timed out reading the committed offsets of " + partitions, e);
        }
        List<TopicPartition> toBeginning = new ArrayList<>();
        List<TopicPartition> toEnd = new ArrayList<>();
        for (StreamTask task : created) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, Long> times = new HashMap<>();
            for (TopicPartition tp : task.inputPartitions()) {
                OffsetAndMetadata om = committed == null ? null : committed.get(tp);
                if (om != null) {
                    offsets.put(tp, om.offset());
                    long t = StreamTask.decodePartitionTime(om.metadata());
                    if (t >= 0) {
                        times.put(tp, t);
                    }
                } else {
                    AutoOffsetReset reset = builder.offsetResetFor(tp.topic());
                    if (reset == AutoOffsetReset.EARLIEST) {
                        toBeginning.add(tp);
                    } else if (reset == AutoOffsetReset.LATEST) {
                        toEnd.add(tp);
                    }
                }
            }
            task.setCommittedOffsets(offsets, times);
        }
        if (!toBeginning.isEmpty()) {
            mainConsumer.seekToBeginning(toBeginning);
        }
        if (!toEnd.isEmpty()) {
            mainConsumer.seekToEnd(toEnd);
        }
    }

    /**
     * Eager revocation: commits every running task, then suspends it (kept for a possible re-assignment); tasks
     * still restoring are closed (their checkpoint keeps the restoration's progress).
     *
     * @throws TaskMigratedException if the commit was refused because the thread left the generation
     */
    void handleRevocation() {
        commit(true);
        for (StreamTask task : new ArrayList<>(tasks.values())) {
            if (task.state() == StreamTask.State.RUNNING) {
                task.suspend();
                tasks.remove(task.id());
                suspended.put(task.id(), task);
                for (TopicPartition tp : task.inputPartitions()) {
                    tasksByPartition.remove(tp);
                    paused.remove(tp);
                }
            } else {
                changelogReader.unregister(task);
                closeClean(task);
            }
        }
    }

    /** The thread lost its partitions (generation reset): closes every task without committing. */
    void handleLostAll() {
        closeAllDirty();
    }

    private void closeClean(StreamTask task) {
        changelogReader.unregister(task);
        try {
            task.closeClean();
        } catch (RuntimeException e) {
            LOG.error("{}: failed to close task {} cleanly", logPrefix, task.id(), e);
        } finally {
            unregister(task);
        }
    }

    /** Closes every task (and suspended task) without committing. */
    void closeAllDirty() {
        List<StreamTask> all = new ArrayList<>(tasks.values());
        all.addAll(suspended.values());
        for (StreamTask task : all) {
            changelogReader.unregister(task);
            task.closeDirty();
            unregister(task);
        }
    }

    /**
     * Commits, then closes every task cleanly (shutdown).
     *
     * @throws StreamsException if the final commit fails (tasks are closed dirty then)
     */
    void shutdownClean() {
        try {
            commit(true);
        } catch (RuntimeException e) {
            closeAllDirty();
            throw e;
        }
        List<StreamTask> all = new ArrayList<>(tasks.values());
        all.addAll(suspended.values());
        for (StreamTask task : all) {
            closeClean(task);
        }
    }

    // ------------------------------------------------------------------------------------------------ loop steps

    /**
     * Routes polled records to their tasks and pauses partitions whose buffers are full.
     *
     * @param records the polled records
     */
    void addRecords(ConsumerRecords<byte[], byte[]> records) {
        List<TopicPartition> toPause = new ArrayList<>();
        for (TopicPartition tp : records.partitions()) {
            StreamTask task = tasksByPartition.get(tp);
            if (task == null) {
                LOG.debug("{}: dropping {} records of {}: no task owns it any more", logPrefix,
                        records.records(tp).size(), tp);
                continue;
            }
            int buffered = task.addRecords(tp, records.records(tp));
            if (buffered >= bufferedRecordsPerPartition && !paused.contains(tp)) {
                toPause.add(tp);
            }
        }
        pause(toPause);
    }

    private void pause(Collection<TopicPartition> partitions) {
        List<TopicPartition> newly = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (paused.add(tp)) {
                newly.add(tp);
            }
        }
        if (!newly.isEmpty()) {
            mainConsumer.pause(newly);
        }
    }

    /** Resumes partitions of running tasks (just restored, or whose buffers drained below the limit). */
    void maybeResume() {
        if (paused.isEmpty()) {
            return;
        }
        List<TopicPartition> toResume = new ArrayList<>();
        for (TopicPartition tp : paused) {
            StreamTask task = tasksByPartition.get(tp);
            if (task != null && task.state() == StreamTask.State.RUNNING
                    && task.numBuffered(tp) < bufferedRecordsPerPartition) {
                toResume.add(tp);
            }
        }
        if (!toResume.isEmpty()) {
            toResume.forEach(paused::remove);
            mainConsumer.resume(toResume);
        }
    }

    /**
     * Opens the stores of new tasks and hands them to the changelog reader.
     *
     * @return true if a task could not lock its directory yet (retry)
     */
    boolean initializeNewTasks() {
        boolean pending = false;
        for (StreamTask task : tasks.values()) {
            if (task.state() == StreamTask.State.CREATED) {
                if (task.initializeStateStores()) {
                    changelogReader.register(task);
                } else {
                    pending = true;
                }
            }
        }
        return pending;
    }

    /** @return true if every task is running */
    boolean allRunning() {
        for (StreamTask task : tasks.values()) {
            if (task.state() != StreamTask.State.RUNNING) {
                return false;
            }
        }
        return true;
    }

    /**
     * Processes records round-robin over the running tasks until none can process or the budget is spent.
     *
     * @param now       the wall-clock time in ms
     * @param maxRecords the most records to process in this call
     * @return the number processed
     */
    int process(long now, int maxRecords) {
        int total = 0;
        boolean progress = true;
        while (progress && total < maxRecords) {
            progress = false;
            long limit = alignmentLimit();
            for (StreamTask task : tasks.values()) {
                if (!task.isProcessable(now) || task.headTimestamp() > limit) {
                    continue;
                }
                task.storeLock().lock();
                try {
                    int n = 0;
                    while (n < RECORDS_PER_TASK_TURN && task.isProcessable(now) && task.headTimestamp() <= limit
                            && task.process(now)) {
                        n++;
                    }
                    total += n;
                    progress |= n > 0;
                } finally {
                    task.storeLock().unlock();
                }
                if (maxTaskTimeSkewMs >= 0) {
                    task.publishHeadTimestamp();
                }
            }
        }
        return total;
    }

    /*
     * max.task.time.skew.ms (Runnel's addition): every task publishes the timestamp of its next buffered record
     * after each turn (a volatile write); a task may process a record only while its timestamp is at most the
     * smallest published timestamp of the instance's tasks (all threads, read through the shared registry) plus
     * the skew. The task holding the smallest timestamp is never held back, so some task always progresses; a task
     * with nothing buffered publishes Long.MAX_VALUE and holds nobody back, so an idle or caught-up partition
     * never stalls the others. Published values may be one turn old: the skew is kept to within a turn's records.
     */
    private long alignmentLimit() {
        if (maxTaskTimeSkewMs < 0) {
            return Long.MAX_VALUE;
        }
        for (StreamTask task : tasks.values()) {
            task.publishHeadTimestamp();
        }
        long min = Long.MAX_VALUE;
        for (StreamTask task : registry.values()) {
            min = Math.min(min, task.publishedHeadTimestamp());
        }
        return min > Long.MAX_VALUE - maxTaskTimeSkewMs ? Long.MAX_VALUE : min + maxTaskTimeSkewMs;
    }

    /**
     * @param now the wall-clock time in ms
     * @return true if some task can process now
     */
    boolean hasProcessable(long now) {
        long limit = alignmentLimit();
        for (StreamTask task : tasks.values()) {
            if (task.isProcessable(now) && task.headTimestamp() <= limit) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param now the wall-clock time in ms
     * @return true if a task has records to process but waits for slower tasks ({@code max.task.time.skew.ms})
     */
    boolean heldBackBySkew(long now) {
        if (maxTaskTimeSkewMs < 0) {
            return false;
        }
        long limit = alignmentLimit();
        for (StreamTask task : tasks.values()) {
            if (task.isProcessable(now) && task.headTimestamp() != Long.MAX_VALUE && task.headTimestamp() > limit) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fires due wall-clock punctuations.
     *
     * @param now the wall-clock time in ms
     * @return the number of tasks that punctuated
     */
    int punctuate(long now) {
        int count = 0;
        for (StreamTask task : tasks.values()) {
            task.setWallClockTime(now);
            if (task.nextWallClockPunctuation() > now) {
                continue;
            }
            task.storeLock().lock();
            try {
                if (task.maybePunctuateSystemTime(now)) {
                    count++;
                }
            } finally {
                task.storeLock().unlock();
            }
        }
        return count;
    }

    /** @return the earliest wall-clock punctuation of any task, or {@link Long#MAX_VALUE} */
    long nextWallClockPunctuation() {
        long next = Long.MAX_VALUE;
        for (StreamTask task : tasks.values()) {
            next = Math.min(next, task.nextWallClockPunctuation());
        }
        return next;
    }

    /** @return true if a processor asked for a commit */
    boolean commitRequested() {
        for (StreamTask task : tasks.values()) {
            if (task.commitRequested()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Commits the tasks that processed since their last commit (all running tasks if {@code all}): stores flushed,
     * producer flushed, offsets committed, checkpoints written.
     *
     * @param all commit every running task, even without new records (revocation, shutdown)
     * @return the number of tasks committed
     * @throws TaskMigratedException     if the group refused the commit (the thread must rejoin)
     * @throws ProductionFailedException if an output record could not be written
     */
    int commit(boolean all) {
        List<StreamTask> committing = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (StreamTask task : tasks.values()) {
            StreamTask.State s = task.state();
            if (s != StreamTask.State.RUNNING) {
                continue;
            }
            if (!all && !task.commitNeeded() && !task.commitRequested()) {
                continue;
            }
            task.storeLock().lock();
            try {
                offsets.putAll(task.prepareCommit());
            } finally {
                task.storeLock().unlock();
            }
            committing.add(task);
        }
        if (committing.isEmpty()) {
            return 0;
        }
        collector.flush();
        if (!offsets.isEmpty()) {
            try {
                mainConsumer.commitSync(offsets);
            } catch (CommitFailedException e) {
                throw new TaskMigratedException(logPrefix + ": offset commit failed because the thread is no longer"
                        + " part of the group generation; its tasks " + tasks.keySet() + " have migrated", e);
            }
        }
        Map<TopicPartition, Long> acknowledged = collector.offsets();
        for (StreamTask task : committing) {
            task.storeLock().lock();
            try {
                task.postCommit(acknowledged);
            } finally {
                task.storeLock().unlock();
            }
        }
        return committing.size();
    }
}
