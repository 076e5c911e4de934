package io.runnel.streams.state.internals;

import io.runnel.common.TopicPartition;
import io.runnel.streams.KeyValue;
import io.runnel.streams.errors.ProcessorStateException;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.BatchingStateRestoreCallback;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.RecordBatchingStateRestoreCallback;
import io.runnel.streams.processor.StateRestoreCallback;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.TaskId;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/*
 * Design: the state half of a task (Kafka's ProcessorStateManager without the clients).
 *
 * The runtime's StateStoreContext delegates register() here. The manager then owns, per task:
 *   - the registered stores, in registration order, with their restore callbacks;
 *   - the changelog offset each store reflects: set by restore() (the last restored record) and by
 *     updateChangelogOffset() (the runtime reports the offset the producer got for the store's last logged record);
 *   - the checkpoint file <task dir>/.checkpoint (OffsetCheckpoint, Kafka's format), read once when the manager is
 *     created and written after every flush() and on close(), for persistent logged stores only: an in-memory store
 *     is empty after a restart whatever the checkpoint says, so it must restore from the start.
 *
 * Order on commit: flush() flushes every store (caches forward their latest values, RocksDB flushes memtables, the
 * runtime then flushes its producer), then writes the checkpoint. Order on close: flush is the runtime's call;
 * close() closes every store (collecting the first failure), then writes the checkpoint.
 * Restoration: the runtime seeks each changelog partition to checkpointedOffsets().get(tp) + 1 (or the beginning
 * when absent), polls, and hands each batch to restore(store, records, lastOffset) until it reaches the end offset.
 */
/**
 * Registers, restores, flushes, checkpoints and closes the stores of one task. Used by the task's thread.
 */
public final class TaskStateManager {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskStateManager.class);

    /** Name of the checkpoint file in the task directory, as in Kafka. */
    public static final String CHECKPOINT_FILE_NAME = ".checkpoint";

    private record Registered(StateStore store, StateRestoreCallback callback) {
    }

    private final TaskId taskId;
    private final File taskDir;
    private final Function<String, TopicPartition> changelogPartitionFor;
    private final OffsetCheckpoint checkpoint;
    private final Map<TopicPartition, Long> checkpointed;
    private final Map<String, Registered> stores = new LinkedHashMap<>();
    private final Map<String, Long> offsets = new HashMap<>();

    /**
     * @param taskId                the task
     * @param taskDir               the task's state directory
     * @param changelogPartitionFor the changelog partition of a store name, or null if the store is not logged;
     *                              asked lazily (at restore, flush and close)
     * @throws ProcessorStateException if an existing checkpoint file is malformed
     */
    public TaskStateManager(TaskId taskId, File taskDir, Function<String, TopicPartition> changelogPartitionFor) {
        this.taskId = taskId;
        this.taskDir = taskDir;
        this.changelogPartitionFor = changelogPartitionFor;
        this.checkpoint = new OffsetCheckpoint(new File(taskDir, CHECKPOINT_FILE_NAME));
        this.checkpointed = Map.copyOf(checkpoint.read());
    }

    /**
     * @param store    the outermost store of a stack
     * @param callback how to apply changelog records
     * @throws IllegalArgumentException if a store of that name is already registered
     */
    public void registerStore(StateStore store, StateRestoreCallback callback) {
        if (stores.containsKey(store.name())) {
            throw new IllegalArgumentException("Store " + store.name() + " has already been registered in task "
                    + taskId + "; store names must be unique within a topology");
        }
        stores.put(store.name(), new Registered(store, callback));
    }

    /** @return the offsets read from the checkpoint file when this manager was created */
    public Map<TopicPartition, Long> checkpointedOffsets() {
        return checkpointed;
    }

    /**
     * @param storeName a store name
     * @return the registered store, or null
     */
    public StateStore store(String storeName) {
        Registered r = stores.get(storeName);
        return r == null ? null : r.store();
    }

    /** @return the registered stores in registration order */
    public List<StateStore> stores() {
        List<StateStore> list = new ArrayList<>();
        for (Registered r : stores.values()) {
            list.add(r.store());
        }
        return list;
    }

    /**
     * Applies a batch of changelog records to a store.
     *
     * @param storeName  the store
     * @param records    the records in changelog order
     * @param lastOffset the changelog offset of the last record
     * @throws IllegalArgumentException if no store of that name is registered
     */
    public void restore(String storeName, Collection<ChangelogRecord> records, long lastOffset) {
        Registered r = stores.get(storeName);
        if (r == null) {
            throw new IllegalArgumentException("No store " + storeName + " registered in task " + taskId);
        }
        StateRestoreCallback cb = r.callback();
        try {
            if (cb instanceof RecordBatchingStateRestoreCallback batching) {
                batching.restoreBatch(records);
            } else if (cb instanceof BatchingStateRestoreCallback batching) {
                List<KeyValue<byte[], byte[]>> kvs = new ArrayList<>(records.size());
                for (ChangelogRecord rec : records) {
                    kvs.add(KeyValue.pair(rec.key(), rec.value()));
                }
                batching.restoreAll(kvs);
            } else {
                for (ChangelogRecord rec : records) {
                    cb.restore(rec.key(), rec.value());
                }
            }
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProcessorStateException("Failed to restore store " + storeName + " of task " + taskId
                    + " from its changelog: " + e.getMessage(), e);
        }
        offsets.put(storeName, lastOffset);
    }

    /**
     * Records the changelog offset of a store's last logged record (the runtime calls this when the producer
     * acknowledges it).
     *
     * @param storeName the store
     * @param offset    the offset
     */
    public void updateChangelogOffset(String storeName, long offset) {
        offsets.merge(storeName, offset, Math::max);
    }

    /** @return the current offset per changelog partition of every logged store that has one */
    public Map<TopicPartition, Long> changelogOffsets() {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (String name : stores.keySet()) {
            TopicPartition tp = changelogPartitionFor.apply(name);
            if (tp == null) {
                continue;
            }
            Long offset = offsets.get(name);
            if (offset == null) {
                offset = checkpointed.get(tp);
            }
            if (offset != null) {
                result.put(tp, offset);
            }
        }
        return result;
    }

    /** Flushes every store in registration order, then writes the checkpoint. */
    public void flush() {
        for (Registered r : stores.values()) {
            r.store().flush();
        }
        checkpoint();
    }

    /** Writes the offsets of persistent logged stores to {@code <task dir>/.checkpoint}. */
    public void checkpoint() {
        Map<TopicPartition, Long> toWrite = new HashMap<>();
        Map<TopicPartition, Long> current = changelogOffsets();
        for (Registered r : stores.values()) {
            TopicPartition tp = changelogPartitionFor.apply(r.store().name());
            if (tp != null && r.store().persistent() && current.containsKey(tp)) {
                toWrite.put(tp, current.get(tp));
            }
        }
        checkpoint.write(toWrite);
    }

    /**
     * Closes every store, then writes the checkpoint.
     *
     * @throws ProcessorStateException if a store failed to close (the others are closed anyway)
     */
    public void close() {
        RuntimeException first = null;
        for (Registered r : stores.values()) {
            try {
                r.store().close();
            } catch (RuntimeException e) {
                LOG.error("Failed to close store {} of task {}", r.store().name(), taskId, e);
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw new ProcessorStateException("Failed to close stores of task " + taskId + " in " + taskDir + ": "
                    + first.getMessage(), first);
        }
        checkpoint();
    }
}
