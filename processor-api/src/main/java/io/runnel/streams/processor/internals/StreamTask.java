package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.common.utils.Time;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.errors.DeserializationExceptionHandler;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.errors.TaskMigratedException;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Punctuator;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.StateStoreResources;
import io.runnel.streams.state.internals.TaskStateManager;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/*
 * Design: the task runtime.
 *
 * A task is one sub-topology for one partition number: its own processor instances, its own stores (in
 * <state.dir>/<application.id>/<task>/), one record queue per input partition. It lives on one stream thread.
 *
 * Lifecycle:
 *   CREATED --initializeStateStores--> RESTORING --completeRestoration--> RUNNING
 *   RUNNING --suspend--> SUSPENDED --resume--> RUNNING           (eager rebalance, task kept by the same thread)
 *   any --closeClean / closeDirty--> CLOSED
 *
 * initializeStateStores locks the task directory (another thread of this instance may still be closing it: then
 * the thread retries on its next loop), reads the checkpoint and builds and initialises every store, which
 * registers with the TaskStateManager. The thread's changelog reader then restores each logged store from its
 * checkpoint to the changelog end (or, for a store whose changelog is a source topic, to the committed offset);
 * completeRestoration flushes the stores (writing a checkpoint, so a crash during processing does not redo the
 * restoration) and initialises the processors: processors see complete state in init().
 *
 * Processing: process() takes the next record by timestamp from the PartitionGroup, sets the record context,
 * runs it through the source node (depth first, synchronously, down to the sinks), remembers its offset, and fires
 * stream-time punctuations made due by the record before the next one is taken. Wall-clock punctuations are fired
 * by the thread between records.
 *
 * Committing is split so the thread can commit all its tasks with one producer flush and one offset commit:
 * prepareCommit flushes the stores (caches forward their latest values, RocksDB persists) and returns the offsets
 * to commit (last processed + 1, with the partition time in the metadata, as Kafka encodes it); the thread flushes
 * the producer and commits; postCommit hands the acknowledged changelog offsets to the state manager and writes
 * the checkpoint. So a checkpoint never claims an offset whose write is not in the store, and never one that is
 * not in the changelog.
 *
 * Interactive queries read stores from other threads. Stores are single-threaded, so the thread holds the task's
 * store lock while it processes, punctuates, commits or closes the task, and queries take the same lock.
 */
/**
 * One task: a sub-topology instance for one partition number. Used by its stream thread only, except
 * {@link #storeLock()}, which interactive queries take.
 */
public final class StreamTask {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamTask.class);

    /** Where a task is in its lifecycle. */
    public enum State {
        /** Built, stores not open. */
        CREATED,
        /** Stores open, being restored from their changelogs. */
        RESTORING,
        /** Processing. */
        RUNNING,
        /** Committed and paused by a rebalance; resumed if the thread keeps it. */
        SUSPENDED,
        /** Closed. */
        CLOSED
    }

    private static final byte PARTITION_TIME_METADATA_VERSION = 1;

    private final TaskId id;
    private final Set<TopicPartition> inputPartitions;
    private final ProcessorTopology topology;
    private final StateDirectory stateDirectory;
    private final Time time;
    private final ProcessorContextImpl context;
    private final PartitionGroup partitionGroup;
    private final PunctuationQueue streamTimePunctuations = new PunctuationQueue();
    private final PunctuationQueue systemTimePunctuations = new PunctuationQueue();
    private final Map<TopicPartition, Long> consumedOffsets = new HashMap<>();
    private final Map<TopicPartition, Long> committedOffsets = new HashMap<>();
    private final Map<String, TopicPartition> changelogPartitions = new LinkedHashMap<>();
    private final ReentrantLock storeLock = new ReentrantLock();
    private final Map<TopicPartition, Long> restorePositions = new java.util.concurrent.ConcurrentHashMap<>();
    private TaskStateManager stateManager;
    private File stateDir;
    private boolean dirLocked;
    private volatile State state = State.CREATED;
    private boolean commitNeeded;
    private boolean commitRequested;
    private long wallClockTime;
    private long processedRecords;
    /** Written by the task's thread, read by the others: see {@link #publishedHeadTimestamp()}. */
    private volatile long publishedHeadTimestamp = Long.MAX_VALUE;

    /**
     * @param id                       the task id
     * @param inputPartitions          its input partitions (one per source topic that has the partition)
     * @param topology                 its freshly built nodes and stores
     * @param config                   the application configuration
     * @param stateDirectory           the instance's state directory
     * @param resources                the instance's shared store resources
     * @param collector                the thread's record collector
     * @param globalStores             the instance's global stores, or null
     * @param lagProvider              the main consumer's knowledge of input lags ({@code max.task.idle.ms})
     * @param deserializationHandler   the thread's deserialization exception handler
     * @param processingHandler        the thread's processing exception handler
     * @param defaultTimestampExtractor the application's default extractor
     * @param time                     the clock
     */
    public StreamTask(TaskId id, Set<TopicPartition> inputPartitions, ProcessorTopology topology, StreamsConfig config,
                      StateDirectory stateDirectory, StateStoreResources resources, RecordCollector collector,
                      GlobalStores globalStores, Function<TopicPartition, OptionalLong> lagProvider,
                      DeserializationExceptionHandler deserializationHandler,
                      ProcessingExceptionHandler processingHandler, TimestampExtractor defaultTimestampExtractor,
                      Time time) {
        this.id = id;
        this.inputPartitions = Set.copyOf(inputPartitions);
        this.topology = topology;
        this.stateDirectory = stateDirectory;
        this.time = time;
        this.context = new ProcessorContextImpl(this, config, resources, processingHandler, collector, globalStores);
        Map<TopicPartition, RecordQueue> queues = new LinkedHashMap<>();
        for (TopicPartition tp : inputPartitions) {
            SourceNode<?, ?> source = topology.source(tp.topic());
            if (source == null) {
                throw new IllegalStateException("Task " + id + " has input partition " + tp + " but no source reads "
                        + tp.topic());
            }
            TimestampExtractor extractor = source.timestampExtractor() != null ? source.timestampExtractor()
                    : defaultTimestampExtractor;
            queues.put(tp, new RecordQueue(tp, source, extractor, deserializationHandler, id));
        }
        this.partitionGroup = new PartitionGroup(queues, lagProvider,
                config.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG));
        this.wallClockTime = time.milliseconds();
    }

    /** @return the task id */
    public TaskId id() {
        return id;
    }

    /** @return the input partitions */
    public Set<TopicPartition> inputPartitions() {
        return inputPartitions;
    }

    /** @return the lifecycle state */
    public State state() {
        return state;
    }

    /** @return the task's graph */
    public ProcessorTopology topology() {
        return topology;
    }

    /** @return the task's context */
    InternalProcessorContext context() {
        return context;
    }

    /** @return the state manager (after {@link #initializeStateStores}) */
    public TaskStateManager stateManager() {
        if (stateManager == null) {
            throw new IllegalStateException("Task " + id + " has no state manager before its stores are initialised");
        }
        return stateManager;
    }

    /** @return the task's state directory (null for a stateless task) */
    File stateDir() {
        return stateDir;
    }

    /** @return the lock interactive queries and the stream thread take around store access */
    public ReentrantLock storeLock() {
        return storeLock;
    }

    /** @return whether the task has stores */
    public boolean isStateful() {
        return topology.hasStateStores();
    }

    /**
     * @param offsets the committed offsets of the input partitions (absent: none), read at assignment; used as the
     *                restore end of stores whose changelog is a source topic, and to remember what is committed
     * @param partitionTimes the partition times found in the committed metadata
     */
    public void setCommittedOffsets(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> partitionTimes) {
        committedOffsets.putAll(offsets);
        partitionTimes.forEach((tp, t) -> {
            if (inputPartitions.contains(tp)) {
                partitionGroup.setPartitionTime(tp, t);
            }
        });
    }

    /** @return the offsets this task committed last (next offset to read, per input partition) */
    public Map<TopicPartition, Long> committedOffsets() {
        return Collections.unmodifiableMap(committedOffsets);
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Opens the task's stores: locks the task directory, reads the checkpoint, builds and initialises the stores.
     * A stateless task goes straight to RESTORING with nothing to restore.
     *
     * @return false if the task directory is still owned by another thread (retry later); true when done
     * @throws StreamsException if a store fails to open
     */
    public boolean initializeStateStores() {
        if (state != State.CREATED) {
            return true;
        }
        if (topology.hasStateStores()) {
            if (!stateDirectory.lock(id)) {
                LOG.debug("Task {}: state directory still owned by another thread; will retry", id);
                return false;
            }
            dirLocked = true;
            stateDir = stateDirectory.taskDir(id);
        }
        Map<String, String> changelogs = topology.storeToChangelogTopic();
        changelogs.forEach((store, topic) -> changelogPartitions.put(store,
                new TopicPartition(topic, id.partition())));
        if (!topology.hasStateStores()) {
            state = State.RESTORING;
            return true;
        }
        try {
            stateManager = new TaskStateManager(id, stateDir, changelogPartitions::get);
            storeLock.lock();
            try {
                for (StateStore store : topology.stores().values()) {
                    store.init(context, store);
                }
            } finally {
                storeLock.unlock();
            }
        } catch (RuntimeException e) {
            closeStoresQuietly();
            releaseDir();
            if (e instanceof StreamsException se) {
                se.setTaskId(id);
                throw se;
            }
            throw new StreamsException("Failed to initialize the stores of task " + id + ": " + e, e, id);
        }
        state = State.RESTORING;
        return true;
    }

    /**
     * Records how far a changelog has been restored (for lag reporting from other threads).
     *
     * @param changelog the changelog partition
     * @param position  the next offset to restore
     */
    void updateRestorePosition(TopicPartition changelog, long position) {
        restorePositions.put(changelog, position);
    }

    /** @return the next offset to restore per changelog partition while restoring (thread-safe snapshot) */
    public Map<TopicPartition, Long> restorePositions() {
        return Map.copyOf(restorePositions);
    }

    /** @return the changelog partition of every logged store (source-topic changelogs included) */
    public Map<String, TopicPartition> changelogPartitions() {
        return Collections.unmodifiableMap(changelogPartitions);
    }

    /**
     * Ends restoration: flushes the stores (writing a checkpoint) and initialises the processors.
     *
     * @throws StreamsException if a processor's init fails
     */
    public void completeRestoration() {
        if (state != State.RESTORING) {
            return;
        }
        storeLock.lock();
        try {
            if (stateManager != null && topology.hasStateStores()) {
                stateManager.flush();
            }
            context.setRecordContext(ProcessorRecordContext.NONE);
            for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
                node.init(context);
            }
        } catch (StreamsException e) {
            e.setTaskId(id);
            throw e;
        } finally {
            storeLock.unlock();
        }
        state = State.RUNNING;
        LOG.info("Task {} is running (input {})", id, inputPartitions);
    }

    /** Suspends a running task after it was committed: drops buffered records (they will be fetched again). */
    public void suspend() {
        if (state == State.RUNNING || state == State.RESTORING) {
            partitionGroup.clear();
            state = state == State.RUNNING ? State.SUSPENDED : state;
        }
    }

    /** Resumes a suspended task kept by this thread. */
    public void resume() {
        if (state == State.SUSPENDED) {
            state = State.RUNNING;
        }
    }

    /**
     * Closes the task after a commit: closes processors, closes stores (writing the checkpoint) and releases the
     * task directory.
     *
     * @throws StreamsException if a processor or store fails to close (the rest is closed anyway)
     */
    public void closeClean() {
        close(true);
    }

    /** Closes the task without committing or checkpointing (its work since the last commit will be redone). */
    public void closeDirty() {
        try {
            close(false);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring an error while closing task {} dirty", id, e);
        }
    }

    private void close(boolean clean) {
        if (state == State.CLOSED) {
            return;
        }
        RuntimeException first = null;
        storeLock.lock();
        try {
            if (state == State.RUNNING || state == State.SUSPENDED) {
                for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
                    try {
                        node.close();
                    } catch (RuntimeException e) {
                        if (first == null) {
                            first = new StreamsException("Failed to close processor " + node.name() + " of task " + id
                                    + ": " + e, e, id);
                        }
                    }
                }
            }
            streamTimePunctuations.clear();
            systemTimePunctuations.clear();
            partitionGroup.clear();
            if (stateManager != null) {
                enterFlushContext();
                try {
                    if (clean) {
                        stateManager.close();
                    } else {
                        closeStoresQuietly();
                    }
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e instanceof StreamsException se ? se
                                : new StreamsException("Failed to close the stores of task " + id + ": " + e, e, id);
                    }
                } finally {
                    context.setRecordContext(ProcessorRecordContext.NONE);
                }
            }
        } finally {
            state = State.CLOSED;
            storeLock.unlock();
            releaseDir();
        }
        if (first != null && clean) {
            throw first;
        }
    }

    private void closeStoresQuietly() {
        for (StateStore store : topology.stores().values()) {
            try {
                if (store.isOpen()) {
                    store.close();
                }
            } catch (RuntimeException e) {
                LOG.warn("Ignoring an error while closing store {} of task {}", store.name(), id, e);
            }
        }
    }

    private void releaseDir() {
        if (dirLocked) {
            stateDirectory.unlock(id);
            dirLocked = false;
        }
    }

    // ------------------------------------------------------------------------------------------------ processing

    /**
     * Buffers polled records of an input partition.
     *
     * @param partition the partition
     * @param records   its records
     * @return the number now buffered for it (the thread pauses the partition above
     *         {@code buffered.records.per.partition})
     */
    public int addRecords(TopicPartition partition, Iterable<ConsumerRecord<byte[], byte[]>> records) {
        return partitionGroup.addRawRecords(partition, records);
    }

    /**
     * @param partition an input partition
     * @return records buffered for it
     */
    public int numBuffered(TopicPartition partition) {
        return partitionGroup.numBuffered(partition);
    }

    /** @return records buffered over all input partitions */
    public int numBuffered() {
        return partitionGroup.numBuffered();
    }

    /**
     * @param now the wall-clock time in ms
     * @return true if the task is running and may process a record now ({@code max.task.idle.ms})
     */
    public boolean isProcessable(long now) {
        return state == State.RUNNING && partitionGroup.readyToProcess(now);
    }

    /**
     * Processes the next record (by timestamp) and fires the stream-time punctuations it made due. The caller holds
     * {@link #storeLock()} and has checked {@link #isProcessable}.
     *
     * @param now the wall-clock time in ms
     * @return true if a record was processed
     * @throws StreamsException with the task id, node and record coordinates if processing failed
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // the record's types are the source's
    public boolean process(long now) {
        wallClockTime = now;
        StampedRecord stamped = partitionGroup.nextRecord();
        if (stamped == null) {
            return false;
        }
        ConsumerRecord<Object, Object> record = stamped.record();
        ProcessorRecordContext recordContext = new ProcessorRecordContext(stamped.timestamp(), record.offset(),
                record.partition(), record.topic(), record.headers());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        SourceNode source = partitionGroup.queue(partition).source();
        context.setRecordContext(recordContext);
        context.setCurrentNode(source);
        try {
            source.process(new Record<>(record.key(), record.value(), stamped.timestamp(), record.headers()));
        } catch (FailedProcessingException e) {
            throw new StreamsException("Exception caught in process. taskId=" + id + ", processor="
                    + e.nodeName() + ", topic=" + record.topic() + ", partition=" + record.partition() + ", offset="
                    + record.offset() + ", stacktrace=" + e.getCause(), e.getCause(), id);
        } catch (TaskMigratedException e) {
            throw e;
        } catch (StreamsException e) {
            e.setTaskId(id);
            throw e;
        } catch (RuntimeException e) {
            throw new StreamsException("Exception caught in process. taskId=" + id + ", processor=" + source.name()
                    + ", topic=" + record.topic() + ", partition=" + record.partition() + ", offset="
                    + record.offset() + ", stacktrace=" + e, e, id);
        } finally {
            context.setCurrentNode(null);
            context.setRecordContext(ProcessorRecordContext.NONE);
        }
        consumedOffsets.put(partition, record.offset());
        commitNeeded = true;
        processedRecords++;
        maybePunctuateStreamTime();
        return true;
    }

    /**
     * @return per input partition, the offset after the last record processed or skipped; the committed offset
     *         before the first; absent if neither is known (the test kit's "caught up" check)
     */
    public Map<TopicPartition, Long> consumedPositions() {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : inputPartitions) {
            long consumed = partitionGroup.consumedUpTo(tp);
            if (consumed >= 0) {
                result.put(tp, consumed);
            } else if (committedOffsets.containsKey(tp)) {
                result.put(tp, committedOffsets.get(tp));
            }
        }
        return result;
    }

    /**
     * @return the timestamp (ms) of the record the task would process next, or Long.MAX_VALUE when none is
     *     buffered or the task is not running; the task's thread only
     */
    public long headTimestamp() {
        return state == State.RUNNING ? partitionGroup.headTimestamp() : Long.MAX_VALUE;
    }

    /** Publishes {@link #headTimestamp()} for the other threads ({@code max.task.time.skew.ms}); task's thread. */
    public void publishHeadTimestamp() {
        publishedHeadTimestamp = headTimestamp();
    }

    /** Withdraws the published head timestamp (the task closes or leaves this thread); task's thread. */
    public void withdrawHeadTimestamp() {
        publishedHeadTimestamp = Long.MAX_VALUE;
    }

    /** @return the last head timestamp the task's thread published; any thread */
    public long publishedHeadTimestamp() {
        return publishedHeadTimestamp;
    }

    /** @return the task's stream time in ms, or -1 before its first record */
    public long streamTime() {
        return partitionGroup.streamTime();
    }

    /** @return the wall-clock time of the current loop iteration, in ms */
    long wallClockTime() {
        return wallClockTime;
    }

    /** @param now the wall-clock time of this loop iteration, in ms */
    public void setWallClockTime(long now) {
        this.wallClockTime = now;
    }

    /** @return the records processed since the task was created */
    public long processedRecords() {
        return processedRecords;
    }

    /** @return records dropped by the handlers, by negative timestamps or by processors' CONTINUE */
    public long droppedRecords() {
        long dropped = partitionGroup.droppedRecords();
        for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
            dropped += node.droppedRecords();
        }
        return dropped;
    }

    Cancellable schedule(ProcessorNode<?, ?, ?, ?> node, long intervalMs, PunctuationType type,
                         Punctuator punctuator) {
        if (type == PunctuationType.STREAM_TIME) {
            // aligned to 0: fires with the first record, then every interval of stream time, as in Kafka
            return streamTimePunctuations.schedule(node, 0L, intervalMs, punctuator);
        }
        return systemTimePunctuations.schedule(node, time.milliseconds() + intervalMs, intervalMs, punctuator);
    }

    /**
     * Fires the stream-time punctuations due at the current stream time.
     *
     * @return true if any fired
     */
    public boolean maybePunctuateStreamTime() {
        long streamTime = partitionGroup.streamTime();
        if (streamTime < 0 || streamTimePunctuations.nextDueTime() > streamTime) {
            return false;
        }
        return streamTimePunctuations.maybePunctuate(streamTime, this::punctuate);
    }

    /**
     * Fires the wall-clock punctuations due at {@code now}. The caller holds {@link #storeLock()}.
     *
     * @param now the wall-clock time in ms
     * @return true if any fired
     */
    public boolean maybePunctuateSystemTime(long now) {
        wallClockTime = now;
        if (state != State.RUNNING || systemTimePunctuations.nextDueTime() > now) {
            return false;
        }
        return systemTimePunctuations.maybePunctuate(now, this::punctuate);
    }

    /** @return the next wall-clock punctuation time in ms, or {@link Long#MAX_VALUE} */
    public long nextWallClockPunctuation() {
        return state == State.RUNNING ? systemTimePunctuations.nextDueTime() : Long.MAX_VALUE;
    }

    private void punctuate(ProcessorNode<?, ?, ?, ?> node, long timestamp, Punctuator punctuator) {
        context.setRecordContext(ProcessorRecordContext.forPunctuation(timestamp));
        context.setCurrentNode(node);
        try {
            punctuator.punctuate(timestamp);
        } catch (FailedProcessingException e) {
            throw new StreamsException("Exception caught while punctuating processor " + node.name() + " in task "
                    + id + " at time " + timestamp + ": processor " + e.nodeName() + " failed: " + e.getCause(),
                    e.getCause(), id);
        } catch (TaskMigratedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StreamsException("Exception caught while punctuating processor " + node.name() + " in task "
                    + id + " at time " + timestamp + ": " + e, e, id);
        } finally {
            context.setCurrentNode(null);
            context.setRecordContext(ProcessorRecordContext.NONE);
        }
        commitNeeded = true;
    }

    // ------------------------------------------------------------------------------------------------ commit

    /** Asks for a commit at the next opportunity ({@code ProcessorContext.commit()}). */
    void requestCommit() {
        commitRequested = true;
    }

    /** @return true if a processor asked for a commit since the last one */
    public boolean commitRequested() {
        return commitRequested;
    }

    /** @return true if the task processed or punctuated since its last commit */
    public boolean commitNeeded() {
        return commitNeeded;
    }

    /**
     * First half of a commit: flushes the stores (caches forward their latest values downstream) and returns the
     * offsets to commit. The caller holds {@link #storeLock()}.
     *
     * @return the input offsets to commit (next offset to read, with the partition time as metadata); empty if
     *         nothing was processed since the last commit
     */
    public Map<TopicPartition, OffsetAndMetadata> prepareCommit() {
        if (state == State.RUNNING || state == State.SUSPENDED) {
            if (stateManager != null) {
                enterFlushContext();
                try {
                    for (StateStore store : stateManager.stores()) {
                        store.flush();
                    }
                } catch (StreamsException e) {
                    e.setTaskId(id);
                    throw e;
                } finally {
                    context.setRecordContext(ProcessorRecordContext.NONE);
                }
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        consumedOffsets.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset + 1,
                encodePartitionTime(partitionGroup.partitionTime(tp)))));
        return offsets;
    }

    /**
     * Caches write down outside the processing of a record: their change logging and flush listeners see the
     * task's stream time (or the wall-clock time before the first record) as the current timestamp, as a
     * punctuation would. Forwarded records carry their own timestamps.
     */
    private void enterFlushContext() {
        long streamTime = partitionGroup.streamTime();
        context.setRecordContext(ProcessorRecordContext.forPunctuation(streamTime >= 0 ? streamTime
                : time.milliseconds()));
    }

    /**
     * Second half of a commit, after the producer was flushed and the offsets committed: records the acknowledged
     * changelog offsets and writes the checkpoint.
     *
     * @param acknowledged the collector's acknowledged offsets per partition
     */
    public void postCommit(Map<TopicPartition, Long> acknowledged) {
        consumedOffsets.forEach((tp, offset) -> committedOffsets.put(tp, offset + 1));
        if (stateManager != null && (state == State.RUNNING || state == State.SUSPENDED)) {
            for (Map.Entry<String, TopicPartition> e : changelogPartitions.entrySet()) {
                Long offset = topology.hasSourceTopicChangelog(e.getKey()) ? consumedOffsets.get(e.getValue())
                        : acknowledged.get(e.getValue());
                if (offset != null) {
                    stateManager.updateChangelogOffset(e.getKey(), offset);
                }
            }
            stateManager.checkpoint();
        }
        consumedOffsets.clear();
        commitNeeded = false;
        commitRequested = false;
    }

    /**
     * @param partitionTime a partition time in ms
     * @return Kafka's encoding of it in offset metadata: base64 of a version byte (1) and the time as int64
     */
    static String encodePartitionTime(long partitionTime) {
        ByteBuffer buffer = ByteBuffer.allocate(9);
        buffer.put(PARTITION_TIME_METADATA_VERSION);
        buffer.putLong(partitionTime);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /**
     * @param metadata committed offset metadata
     * @return the partition time it encodes, or -1 if it encodes none
     */
    static long decodePartitionTime(String metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return -1L;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(metadata));
            if (buffer.remaining() != 9 || buffer.get() != PARTITION_TIME_METADATA_VERSION) {
                return -1L;
            }
            return buffer.getLong();
        } catch (IllegalArgumentException e) {
            return -1L;
        }
    }

    @Override
    public String toString() {
        return "StreamTask(" + id + ", " + state + ")";
    }
}
