package io.runnel.streams.processor;

import io.runnel.common.TopicPartition;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.StateStoreResources;
import io.runnel.streams.state.internals.TaskStateManager;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link StateStoreContext} for testing stores without the runtime: users test their own stores with it, and
 * Runnel's store tests use it. It behaves as the runtime does for one task: stores register with a real
 * {@link TaskStateManager} (restore, flush with checkpoint, close), the task directory is
 * {@code <stateDir>/<applicationId>/<task>/}, and change logging is captured in memory as if sent to
 * {@code <applicationId>-<store>-changelog}, partition = task partition, each logged record getting the next
 * offset.
 *
 * <pre>{@code
 * try (MockStateStoreContext context = new MockStateStoreContext(tempDir)) {
 *     KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(
 *         Stores.persistentKeyValueStore("counts"), Serdes.String(), Serdes.Long()).build();
 *     store.init(context, store);
 *     store.put("a", 1L);
 *     context.flush();
 *     assertThat(context.changelog("counts")).hasSize(1);
 * }
 * }</pre>
 *
 * Not thread-safe. {@link #close()} closes the registered stores and the resources it created.
 */
public class MockStateStoreContext implements StateStoreContext, AutoCloseable {

    /**
     * A record the change-logging layer handed to the logger.
     *
     * @param store     the store name
     * @param key       the changelog key
     * @param value     the changelog value, null for a delete
     * @param timestamp the record timestamp
     * @param offset    the offset it got in the simulated changelog partition
     */
    public record LoggedRecord(String store, Bytes key, byte[] value, long timestamp, long offset) {
    }

    private final String applicationId;
    private final TaskId taskId;
    private final File taskDir;
    private final Map<String, Object> configs;
    private final StateStoreResources resources;
    private final boolean ownsResources;
    private final TaskStateManager stateManager;
    private final Set<String> loggedStores = new HashSet<>();
    private final Map<String, List<LoggedRecord>> changelogs = new HashMap<>();
    private final Map<String, Long> nextOffsets = new HashMap<>();
    private long recordTimestamp = -1L;
    private boolean closed;

    /**
     * Application {@code mock-app}, task {@code 0_0}, default configuration.
     *
     * @param stateDir the {@code state.dir}
     */
    public MockStateStoreContext(File stateDir) {
        this("mock-app", new TaskId(0, 0), stateDir, Map.of(), null);
    }

    /**
     * @param stateDir the {@code state.dir}
     * @param configs  the application configuration (for example {@code statestore.cache.max.bytes})
     */
    public MockStateStoreContext(File stateDir, Map<String, ?> configs) {
        this("mock-app", new TaskId(0, 0), stateDir, configs, null);
    }

    /**
     * @param applicationId the application id
     * @param taskId        the task
     * @param stateDir      the {@code state.dir}
     * @param configs       the application configuration
     * @param resources     resources shared with other contexts (as tasks of one instance share them), or null to
     *                      create (and close) its own from {@code configs}
     * @throws io.runnel.streams.errors.ProcessorStateException if the task directory cannot be created or its
     *                                                          checkpoint is malformed
     */
    public MockStateStoreContext(String applicationId, TaskId taskId, File stateDir, Map<String, ?> configs,
                                 StateStoreResources resources) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.taskId = Objects.requireNonNull(taskId, "taskId");
        this.taskDir = new File(new File(stateDir, applicationId), taskId.toString());
        try {
            Files.createDirectories(taskDir.toPath());
        } catch (IOException e) {
            throw new io.runnel.streams.errors.ProcessorStateException("Cannot create task directory " + taskDir
                    + ": " + e.getMessage(), e);
        }
        this.configs = Map.copyOf(configs);
        this.ownsResources = resources == null;
        this.resources = resources == null ? StateStoreResources.create(configs) : resources;
        this.stateManager = new TaskStateManager(taskId, taskDir, this::changelogPartition);
    }

    private TopicPartition changelogPartition(String storeName) {
        return loggedStores.contains(storeName) ? new TopicPartition(changelogTopic(storeName), taskId.partition())
                : null;
    }

    /**
     * @param storeName a store name
     * @return its changelog topic, {@code <applicationId>-<store>-changelog}
     */
    public String changelogTopic(String storeName) {
        return applicationId + "-" + storeName + "-changelog";
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public TaskId taskId() {
        return taskId;
    }

    @Override
    public File stateDir() {
        return taskDir;
    }

    @Override
    public Map<String, Object> appConfigs() {
        return configs;
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback) {
        stateManager.registerStore(store, restoreCallback);
    }

    @Override
    public ChangeLogger changeLogger(String storeName) {
        loggedStores.add(storeName);
        List<LoggedRecord> log = changelogs.computeIfAbsent(storeName, n -> new ArrayList<>());
        return (key, value, timestamp) -> {
            long offset = nextOffsets.merge(storeName, 1L, Long::sum) - 1;
            log.add(new LoggedRecord(storeName, key, value, timestamp, offset));
            stateManager.updateChangelogOffset(storeName, offset);
        };
    }

    @Override
    public long recordTimestamp() {
        return recordTimestamp;
    }

    /** @param timestamp the timestamp (ms) of the "record being processed" that change logging writes */
    public void setRecordTimestamp(long timestamp) {
        this.recordTimestamp = timestamp;
    }

    @Override
    public StateStoreResources resources() {
        return resources;
    }

    /**
     * @param storeName a store
     * @return what its change-logging layer logged so far, in order (empty if nothing or not logged)
     */
    public List<LoggedRecord> changelog(String storeName) {
        return List.copyOf(changelogs.getOrDefault(storeName, List.of()));
    }

    /**
     * Restores a batch of changelog records into a registered store, as the runtime does after {@code init}.
     * The batch gets the next offsets of the simulated changelog partition.
     *
     * @param storeName the store
     * @param records   the records
     */
    public void restore(String storeName, Collection<ChangelogRecord> records) {
        long last = nextOffsets.merge(storeName, (long) records.size(), Long::sum) - 1;
        stateManager.restore(storeName, records, last);
    }

    /** @return the task's state manager (registered stores, offsets, checkpoint) */
    public TaskStateManager stateManager() {
        return stateManager;
    }

    /** Flushes every registered store and writes the checkpoint, as the runtime does on commit. */
    public void flush() {
        stateManager.flush();
    }

    /** Closes every registered store, writes the checkpoint and closes the resources it created. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stateManager.close();
        } finally {
            if (ownsResources) {
                resources.close();
            }
        }
    }
}
