package io.runnel.streams;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.common.TopicPartition;
import io.runnel.common.utils.Time;
import io.runnel.streams.errors.InvalidStateStoreException;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.errors.StreamsNotStartedException;
import io.runnel.streams.errors.StreamsUncaughtExceptionHandler;
import io.runnel.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import io.runnel.streams.errors.UnknownStateStoreException;
import io.runnel.streams.processor.StateRestoreListener;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.internals.DefaultRunnelClientSupplier;
import io.runnel.streams.processor.internals.GlobalStreamThread;
import io.runnel.streams.processor.internals.InternalTopicManager;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;
import io.runnel.streams.processor.internals.StateDirectory;
import io.runnel.streams.processor.internals.StreamTask;
import io.runnel.streams.processor.internals.StreamThread;
import io.runnel.streams.processor.internals.TopicsInfo;
import io.runnel.streams.processor.internals.assignment.AssignmentInfo;
import io.runnel.streams.processor.internals.query.StateStoreProvider;
import io.runnel.streams.processor.internals.query.StoreAccess;
import io.runnel.streams.state.QueryableStoreType;
import io.runnel.streams.state.StateStoreResources;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/*
 * Design: the application instance.
 *
 * The name follows Kafka's convention of naming the entry point after the product (KafkaStreams, KafkaProducer,
 * KafkaConsumer), as Runnel's clients do (RunnelProducer, RunnelConsumer): code moving from Kafka Streams changes
 * "Kafka" to "Runnel" in imports and class names and nothing else.
 *
 * start() does in order, on the caller's thread: lock the state directory (if the topology has stores), create an
 * admin client, resolve partition counts and create the internal topics (failing here, with a TopologyException or
 * MissingSourceTopicException, if inputs are not co-partitioned or missing), start the global stream thread and wait
 * until the global stores are bootstrapped, then start num.stream.threads stream threads, which join the group and
 * get their tasks. The instance state follows the threads: REBALANCING while any thread is between an assignment
 * and running all its tasks, RUNNING when all are running.
 *
 * A stream thread that dies asks the uncaught exception handler (default SHUTDOWN_CLIENT): REPLACE_THREAD starts a
 * new thread with the same name; SHUTDOWN_CLIENT moves the instance to PENDING_ERROR and stops every thread on a
 * separate shutdown thread, then ERROR; SHUTDOWN_APPLICATION does the same after the dying thread's consumer has
 * asked the group leader to tell every instance to stop.
 *
 * The test kit (TopologyTestDriver, same package) runs an instance in stepping mode: one stream thread with a
 * static assignment of every task and the global thread, both driven from the test's thread.
 */
/**
 * Runs a {@link Topology}: Runnel's {@code KafkaStreams}.
 *
 * <pre>{@code
 * Properties props = new Properties();
 * props.put(StreamsConfig.APPLICATION_ID_CONFIG, "filter-app");
 * props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "file:///var/lib/runnel");
 * props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
 * props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
 * try (RunnelStreams streams = new RunnelStreams(topology, props)) {
 *     streams.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>States (Kafka's): CREATED → REBALANCING ⇄ RUNNING → PENDING_SHUTDOWN → NOT_RUNNING, and
 * PENDING_ERROR → ERROR after a fatal failure. Instances of one application ({@code application.id}) share its
 * tasks, in one JVM or several; each needs its own {@code state.dir}.
 *
 * <p>Thread-safe: every public method may be called from any thread.
 */
public class RunnelStreams implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunnelStreams.class);

    /** The instance's lifecycle (Kafka's {@code KafkaStreams.State}). */
    public enum State {
        /** Constructed, not started. */
        CREATED(1, 3),
        /** Started; some thread is joining the group or restoring. */
        REBALANCING(2, 3, 5),
        /** Every thread runs all its tasks. */
        RUNNING(1, 2, 3, 5),
        /** {@code close()} was called. */
        PENDING_SHUTDOWN(4),
        /** Closed. */
        NOT_RUNNING,
        /** A fatal failure; shutting down. */
        PENDING_ERROR(6),
        /** Stopped after a fatal failure; only {@code close()} and {@code cleanUp()} are useful now. */
        ERROR;

        private final Set<Integer> validTransitions = new HashSet<>();

        State(Integer... validTransitions) {
            this.validTransitions.addAll(List.of(validTransitions));
        }

        /** @return true for RUNNING and REBALANCING */
        public boolean isRunningOrRebalancing() {
            return this == RUNNING || this == REBALANCING;
        }

        /**
         * @param newState a state
         * @return true if the instance may move from this state to it
         */
        public boolean isValidTransition(State newState) {
            return validTransitions.contains(newState.ordinal());
        }
    }

    /** Receives state changes (Kafka's {@code KafkaStreams.StateListener}); called on the thread that changed it. */
    @FunctionalInterface
    public interface StateListener {
        /**
         * @param newState the new state
         * @param oldState the previous state
         */
        void onChange(State newState, State oldState);
    }

    private final StreamsConfig config;
    private final InternalTopologyBuilder builder;
    private final Time time;
    private final RunnelClientSupplier clientSupplier;
    private final String clientIdPrefix;
    private final Object stateLock = new Object();
    private final List<StreamThread> threads = new CopyOnWriteArrayList<>();
    private final Map<TaskId, StreamTask> registry = new ConcurrentHashMap<>();
    private final boolean hasState;
    private volatile State state = State.CREATED;
    private volatile StateListener stateListener;
    private volatile StreamsUncaughtExceptionHandler uncaughtExceptionHandler;
    private volatile StateRestoreListener restoreListener;
    private volatile boolean applicationShutdownRequested;
    private StateDirectory stateDirectory;
    private StateStoreResources resources;
    private Admin admin;
    private GlobalStreamThread globalThread;
    private StreamThread.Shared shared;
    private boolean stepping;

    /**
     * @param topology the topology to run (not changed afterwards)
     * @param props    the configuration
     * @throws io.runnel.common.config.ConfigException naming every invalid setting
     * @throws io.runnel.streams.errors.TopologyException if the topology is incomplete
     */
    public RunnelStreams(Topology topology, Properties props) {
        this(topology, new StreamsConfig(props), new DefaultRunnelClientSupplier(), Time.SYSTEM);
    }

    /**
     * @param topology the topology
     * @param config   the configuration
     */
    public RunnelStreams(Topology topology, StreamsConfig config) {
        this(topology, config, new DefaultRunnelClientSupplier(), Time.SYSTEM);
    }

    /**
     * With a clock: commits, punctuations and timeouts of the runtime follow it (tests inject a {@code MockTime}; the
     * clients follow the clock of the log they reach).
     *
     * @param topology the topology
     * @param props    the configuration
     * @param time     the clock
     */
    public RunnelStreams(Topology topology, Properties props, Time time) {
        this(topology, new StreamsConfig(props), new DefaultRunnelClientSupplier(), time);
    }

    /**
     * @param topology       the topology
     * @param props          the configuration
     * @param clientSupplier creates the clients
     */
    public RunnelStreams(Topology topology, Properties props, RunnelClientSupplier clientSupplier) {
        this(topology, new StreamsConfig(props), clientSupplier, Time.SYSTEM);
    }

    /**
     * The complete form.
     *
     * @param topology       the topology
     * @param config         the configuration
     * @param clientSupplier creates the clients
     * @param time           the clock
     * @throws io.runnel.streams.errors.TopologyException if the topology is incomplete
     */
    public RunnelStreams(Topology topology, StreamsConfig config, RunnelClientSupplier clientSupplier, Time time) {
        this.config = Objects.requireNonNull(config, "config");
        this.builder = Objects.requireNonNull(topology, "topology").internalTopologyBuilder;
        this.clientSupplier = Objects.requireNonNull(clientSupplier, "clientSupplier");
        this.time = Objects.requireNonNull(time, "time");
        builder.setApplicationId(config.applicationId());
        builder.validate();
        this.hasState = !builder.stateStoreNames().isEmpty() || builder.hasGlobalStores();
        String clientId = config.getString(StreamsConfig.CLIENT_ID_CONFIG);
        this.clientIdPrefix = clientId == null || clientId.isEmpty()
                ? config.applicationId() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) : clientId;
        config.logUnused();
    }

    // ------------------------------------------------------------------------------------------------ state

    /** @return the current state */
    public State state() {
        return state;
    }

    /**
     * @param listener called on every state change; set before {@link #start()}
     * @throws IllegalStateException if the instance was started
     */
    public void setStateListener(StateListener listener) {
        synchronized (stateLock) {
            if (state != State.CREATED) {
                throw new IllegalStateException("Can only set StateListener before calling start(); state is "
                        + state);
            }
            this.stateListener = listener;
        }
    }

    /**
     * @param handler decides what happens when a stream thread dies; without one the instance shuts down
     *                (SHUTDOWN_CLIENT)
     * @throws IllegalStateException if the instance was started
     */
    public void setUncaughtExceptionHandler(StreamsUncaughtExceptionHandler handler) {
        synchronized (stateLock) {
            if (state != State.CREATED) {
                throw new IllegalStateException("Can only set UncaughtExceptionHandler before calling start()");
            }
            this.uncaughtExceptionHandler = Objects.requireNonNull(handler, "handler");
        }
    }

    /**
     * @param listener observes every restoration (stream tasks and global stores)
     * @throws IllegalStateException if the instance was started
     */
    public void setGlobalStateRestoreListener(StateRestoreListener listener) {
        synchronized (stateLock) {
            if (state != State.CREATED) {
                throw new IllegalStateException("Can only set GlobalStateRestoreListener before calling start()");
            }
            this.restoreListener = listener;
        }
    }

    private boolean setState(State newState) {
        State old;
        StateListener listener;
        synchronized (stateLock) {
            old = state;
            if (old == newState) {
                return true;
            }
            if (!old.isValidTransition(newState)) {
                return false;
            }
            state = newState;
            stateLock.notifyAll();
            listener = stateListener;
        }
        LOG.info("stream-client [{}] State transition from {} to {}", clientIdPrefix, old, newState);
        if (listener != null) {
            try {
                listener.onChange(newState, old);
            } catch (RuntimeException e) {
                LOG.error("The state listener failed on {} -> {}", old, newState, e);
            }
        }
        return true;
    }

    private void onThreadStateChange(StreamThread thread, StreamThread.State newState, StreamThread.State old) {
        State s = state;
        if (s != State.RUNNING && s != State.REBALANCING) {
            return;
        }
        boolean allRunning = true;
        boolean anyRebalancing = false;
        for (StreamThread t : threads) {
            StreamThread.State ts = t.state();
            if (ts == StreamThread.State.DEAD || ts == StreamThread.State.PENDING_SHUTDOWN) {
                continue;
            }
            if (ts != StreamThread.State.RUNNING) {
                allRunning = false;
            }
            if (ts == StreamThread.State.STARTING || ts == StreamThread.State.PARTITIONS_REVOKED
                    || ts == StreamThread.State.PARTITIONS_ASSIGNED || ts == StreamThread.State.CREATED) {
                anyRebalancing = true;
            }
        }
        if (allRunning && !threads.isEmpty()) {
            setState(State.RUNNING);
        } else if (anyRebalancing) {
            setState(State.REBALANCING);
        }
    }

    // ------------------------------------------------------------------------------------------------ start

    /**
     * Starts the instance: creates internal topics, bootstraps global stores (blocking until done), starts the
     * stream threads (which join the group asynchronously).
     *
     * @throws IllegalStateException if called twice
     * @throws io.runnel.streams.errors.TopologyException            if inputs that must be co-partitioned are not
     *                                                               (the message names each topic and its count)
     * @throws io.runnel.streams.errors.MissingSourceTopicException  if a source topic does not exist
     * @throws io.runnel.streams.errors.LockException                if another instance uses the state directory
     * @throws StreamsException                                      if internal topics cannot be created
     */
    public void start() {
        synchronized (stateLock) {
            if (state != State.CREATED) {
                throw new IllegalStateException("The client is either already started or already stopped (state "
                        + state + "); a RunnelStreams instance can only be started once");
            }
        }
        setState(State.REBALANCING);
        try {
            prepare();
            if (builder.hasGlobalStores()) {
                globalThread = newGlobalThread();
                globalThread.setFailureListener(e -> {
                    LOG.error("stream-client [{}] the global stream thread died; shutting down the client",
                            clientIdPrefix, e);
                    shutdownOnError();
                });
                globalThread.start();
            }
            int n = builder.hasNonGlobalNodes() ? config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG) : 0;
            for (int i = 1; i <= n; i++) {
                threads.add(newStreamThread(i));
            }
            for (StreamThread t : threads) {
                t.start();
            }
            if (threads.isEmpty()) {
                setState(State.RUNNING);
            }
        } catch (RuntimeException e) {
            LOG.error("stream-client [{}] failed to start: {}", clientIdPrefix, e.getMessage());
            setState(State.PENDING_ERROR);
            releaseAll();
            setState(State.ERROR);
            throw e;
        }
    }

    private void prepare() {
        File stateDir = new File(config.getString(StreamsConfig.STATE_DIR_CONFIG));
        stateDirectory = new StateDirectory(stateDir, config.applicationId(), time);
        if (hasState) {
            stateDirectory.lockApplicationDir();
        }
        resources = StateStoreResources.create(config.originals());
        admin = clientSupplier.getAdmin(config.getAdminConfigs(clientIdPrefix + "-admin"));
        InternalTopicManager.Layout layout = InternalTopicManager.resolve(builder,
                InternalTopicManager.allTopicPartitions(admin));
        InternalTopicManager.createTopics(admin, layout, config.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG),
                config.internalTopicConfigs());
        shared = new StreamThread.Shared(config, builder, time, stateDirectory, resources,
                name -> globalThread == null ? null : globalThread.get(name), clientSupplier, admin, registry,
                restoreListener, clientIdPrefix, new Supervisor());
    }

    private GlobalStreamThread newGlobalThread() {
        String name = clientIdPrefix + "-GlobalStreamThread";
        return new GlobalStreamThread(name, builder, config,
                clientSupplier.getGlobalConsumer(config.getGlobalConsumerConfigs(name + "-global-consumer")), time,
                stateDirectory, resources, restoreListener);
    }

    private StreamThread newStreamThread(int index) {
        return new StreamThread(index, shared, this::onThreadStateChange);
    }

    // ------------------------------------------------------------------------------------------------ stepping

    /**
     * Test kit: starts in stepping mode (one stream thread with every task, no group, driven by {@link #step()}).
     *
     * @param allTasks true to assign every task (the only mode so far)
     * @return the resolved layout (partition counts)
     */
    InternalTopicManager.Layout startStepping(boolean allTasks) {
        synchronized (stateLock) {
            if (state != State.CREATED) {
                throw new IllegalStateException("already started");
            }
        }
        stepping = true;
        setState(State.REBALANCING);
        prepare();
        InternalTopicManager.Layout layout = InternalTopicManager.resolve(builder,
                InternalTopicManager.allTopicPartitions(admin));
        if (builder.hasGlobalStores()) {
            globalThread = newGlobalThread();
            globalThread.initialize();
        }
        if (builder.hasNonGlobalNodes()) {
            StreamThread thread = newStreamThread(1);
            thread.setNonBlocking(true);
            Map<TaskId, Set<TopicPartition>> assignment = new TreeMap<>();
            Map<Integer, TopicsInfo> topics = builder.subtopologyTopics();
            layout.tasksPerSubtopology().forEach((sub, count) -> {
                for (int p = 0; p < count; p++) {
                    Set<TopicPartition> parts = new HashSet<>();
                    for (String t : layout.topicPartitions().keySet()) {
                        boolean read = topics.get(sub).sourceTopics().contains(t)
                                || (builder.subtopologyForTopic(t) == sub && !builder.globalTopics().contains(t));
                        if (read && p < layout.topicPartitions().get(t)) {
                            parts.add(new TopicPartition(t, p));
                        }
                    }
                    assignment.put(new TaskId(sub, p), parts);
                }
            });
            thread.setStaticAssignment(assignment);
            threads.add(thread);
            thread.initialize();
        }
        return layout;
    }

    /**
     * Test kit: one iteration of the global thread and of the stream thread.
     *
     * @return records processed by the stream thread
     */
    int step() {
        if (globalThread != null) {
            globalThread.runOnce(Duration.ZERO);
        }
        int processed = 0;
        for (StreamThread t : threads) {
            processed += t.runOnce();
        }
        return processed;
    }

    /** Test kit: commits every task of the stepping thread. */
    void commitStepping() {
        for (StreamThread t : threads) {
            t.commitAll();
        }
    }

    /** @return the stream threads (test kit) */
    List<StreamThread> streamThreads() {
        return threads;
    }

    /**
     * @param name a global store
     * @return the store itself (test kit), or null
     */
    StateStore globalStore(String name) {
        return globalThread == null ? null : globalThread.stores().get(name);
    }

    /** @return the global thread's applied positions (next offset per partition; test kit), empty without one */
    Map<TopicPartition, Long> globalPositions() {
        return globalThread == null ? Map.of() : globalThread.positions();
    }

    /** @return the tasks of the instance, by id (test kit) */
    Map<TaskId, StreamTask> tasks() {
        return registry;
    }

    // ------------------------------------------------------------------------------------------------ close

    /**
     * Stops the instance and waits until it is stopped: threads commit and close their tasks and leave the group.
     */
    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    /**
     * Stops the instance, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return true if everything stopped in time
     */
    public boolean close(Duration timeout) {
        long timeoutMs = timeout.toMillis();
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("Timeout cannot be negative: " + timeout);
        }
        synchronized (stateLock) {
            if (state == State.CREATED) {
                setState(State.PENDING_SHUTDOWN);
                setState(State.NOT_RUNNING);
                return true;
            }
            if (state == State.NOT_RUNNING || state == State.ERROR) {
                return true;
            }
        }
        boolean error = state == State.PENDING_ERROR;
        if (!error) {
            setState(State.PENDING_SHUTDOWN);
        }
        boolean done = shutdownAll(timeoutMs);
        setState(error ? State.ERROR : State.NOT_RUNNING);
        return done;
    }

    private boolean shutdownAll(long timeoutMs) {
        long deadline = timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMs;
        if (stepping) {
            for (StreamThread t : threads) {
                if (t.state() != StreamThread.State.DEAD) {
                    t.completeShutdown(true);
                }
            }
            if (globalThread != null) {
                globalThread.close();
            }
            releaseAll();
            return true;
        }
        for (StreamThread t : threads) {
            t.shutdown();
        }
        boolean done = true;
        for (StreamThread t : threads) {
            Thread jt = t.javaThread();
            if (jt != null && jt != Thread.currentThread()) {
                try {
                    long wait = deadline == Long.MAX_VALUE ? 0 : Math.max(1, deadline - System.currentTimeMillis());
                    jt.join(wait);
                    done &= !jt.isAlive();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done = false;
                }
            }
        }
        if (globalThread != null) {
            globalThread.shutdown();
        }
        if (done) {
            releaseAll();
        } else {
            LOG.warn("stream-client [{}] threads did not stop within the timeout; resources stay open", clientIdPrefix);
        }
        return done;
    }

    private void releaseAll() {
        if (admin != null) {
            try {
                admin.close();
            } catch (RuntimeException e) {
                LOG.warn("Failed to close the admin client", e);
            }
        }
        if (resources != null) {
            resources.close();
        }
        if (stateDirectory != null) {
            stateDirectory.close();
        }
    }

    /**
     * Test hook: stops as if the process were killed: nothing committed, flushed or checkpointed; the group only
     * notices when the session times out (or, in one JVM, when the consumer's close is seen); the state directory
     * and the log stay as they are.
     */
    void abandon() {
        for (StreamThread t : threads) {
            t.abandon();
        }
        for (StreamThread t : threads) {
            Thread jt = t.javaThread();
            if (jt != null && jt != Thread.currentThread()) {
                try {
                    jt.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (globalThread != null) {
            globalThread.abandon();
        }
        synchronized (stateLock) {
            state = State.NOT_RUNNING;
        }
        releaseAll();
    }

    /**
     * Deletes this instance's local state ({@code <state.dir>/<application.id>}: task and global directories).
     * Stores are restored from their changelogs at the next start.
     *
     * @throws IllegalStateException if the instance is running
     */
    public void cleanUp() {
        if (state.isRunningOrRebalancing() || state == State.PENDING_SHUTDOWN || state == State.PENDING_ERROR) {
            throw new IllegalStateException("Cannot clean up while running; call close() first (state " + state + ")");
        }
        StateDirectory dir = new StateDirectory(new File(config.getString(StreamsConfig.STATE_DIR_CONFIG)),
                config.applicationId(), time);
        if (!dir.applicationDir().exists()) {
            return;
        }
        dir.lockApplicationDir();
        try {
            dir.clean();
        } finally {
            dir.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * Returns a read-only view of a store across this instance's local tasks (or one partition).
     *
     * @param <T>        the view type
     * @param parameters store name, view type, optional partition
     * @return the view; each call reads the current local stores
     * @throws StreamsNotStartedException  if the instance has not been started
     * @throws UnknownStateStoreException  if the topology has no store of that name
     * @throws InvalidStateStoreException  if the store cannot be read now (rebalancing, or not of that type); retry
     */
    public <T> T store(StoreQueryParameters<T> parameters) {
        State s = state;
        if (s == State.CREATED) {
            throw new StreamsNotStartedException("Cannot query store " + parameters.storeName() + ": the instance is"
                    + " not started yet (call start())");
        }
        if (!s.isRunningOrRebalancing()) {
            throw new InvalidStateStoreException("Cannot query store " + parameters.storeName() + ": the instance is "
                    + s);
        }
        String name = parameters.storeName();
        if (!builder.stateStoreNames().contains(name) && !builder.globalStateStoreNames().contains(name)) {
            Set<String> known = new java.util.TreeSet<>(builder.stateStoreNames());
            known.addAll(builder.globalStateStoreNames());
            throw new UnknownStateStoreException("Cannot get state store " + name + " because no such store is"
                    + " registered in the topology; stores: " + known);
        }
        return parameters.queryableStoreType().create(new Provider(parameters), name);
    }

    private final class Provider implements StateStoreProvider {
        private final StoreQueryParameters<?> parameters;

        Provider(StoreQueryParameters<?> parameters) {
            this.parameters = parameters;
        }

        @Override
        public <T> List<StoreAccess> stores(String storeName, QueryableStoreType<T> type) {
            State s = state;
            if (!s.isRunningOrRebalancing()) {
                throw new InvalidStateStoreException("Cannot query store " + storeName + ": the instance is " + s);
            }
            List<StoreAccess> result = new ArrayList<>();
            if (builder.globalStateStoreNames().contains(storeName)) {
                GlobalStreamThread g = globalThread;
                StateStore store = g == null ? null : g.stores().get(storeName);
                if (store == null) {
                    throw new InvalidStateStoreException("Global store " + storeName + " is not available yet");
                }
                checkType(store, type);
                result.add(new StoreAccess(store, g.lock(), "the global stores"));
                return result;
            }
            List<StreamTask> tasks = new ArrayList<>(registry.values());
            tasks.sort(Comparator.comparing(StreamTask::id));
            boolean restoring = false;
            for (StreamTask task : tasks) {
                if (parameters.partition() != null && task.id().partition() != parameters.partition()) {
                    continue;
                }
                StreamTask.State ts = task.state();
                boolean readable = ts == StreamTask.State.RUNNING
                        || (parameters.staleStoresEnabled() && ts == StreamTask.State.RESTORING);
                if (!readable) {
                    restoring |= ts == StreamTask.State.RESTORING || ts == StreamTask.State.CREATED;
                    continue;
                }
                if (!task.topology().stores().containsKey(storeName)) {
                    continue;
                }
                StateStore store = task.stateManager().store(storeName);
                if (store == null) {
                    continue;
                }
                checkType(store, type);
                result.add(new StoreAccess(store, task.storeLock(), "task " + task.id()));
            }
            if (result.isEmpty()) {
                String where = parameters.partition() == null ? "" : " partition " + parameters.partition();
                throw new InvalidStateStoreException("Cannot get state store " + storeName + where + ": "
                        + (restoring ? "its tasks are still restoring (retry, or enable stale stores)"
                        : "no task of this instance hosts it now (it may be on another instance, or a rebalance is"
                        + " in progress; retry)"));
            }
            return result;
        }

        private void checkType(StateStore store, QueryableStoreType<?> type) {
            if (!type.accepts(store)) {
                throw new InvalidStateStoreException("Cannot get state store " + store.name() + " because the"
                        + " queryable store type [" + type + "] does not accept the actual store type ["
                        + store.getClass().getName() + "]");
            }
        }
    }

    /** @return a snapshot of every live stream thread and its tasks */
    public Set<ThreadMetadata> metadataForLocalThreads() {
        Set<ThreadMetadata> result = new HashSet<>();
        for (StreamThread t : threads) {
            if (t.state() != StreamThread.State.DEAD) {
                result.add(t.metadata());
            }
        }
        return result;
    }

    /**
     * How far this instance's tasks are behind their inputs (Runnel's addition): for each input partition of the
     * instance's active tasks (source and repartition topics), the log's end offset now minus the offset the task
     * last committed. All input written before the call has been processed, and its output flushed, when
     * {@link #state()} is RUNNING and every instance of the application reports only zeros.
     *
     * @return lag in records per input partition (empty while no task is assigned)
     * @throws StreamsException if the log cannot be asked for end offsets
     */
    public Map<TopicPartition, Long> inputLags() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (StreamThread t : threads) {
            for (TaskMetadata task : t.metadata().activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    committed.put(tp, task.committedOffsets().getOrDefault(tp, -1L));
                }
            }
        }
        if (committed.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> ends = offsets(committed.keySet(), OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(committed.keySet(), OffsetSpec.earliest());
        Map<TopicPartition, Long> lags = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        committed.forEach((tp, c) -> {
            long position = c >= 0 ? c : starts.getOrDefault(tp, 0L);
            lags.put(tp, Math.max(0, ends.getOrDefault(tp, 0L) - position));
        });
        return lags;
    }

    /**
     * Kafka's {@code allLocalStorePartitionLags}: per store and partition, how far the local store is behind its
     * changelog (0 for running tasks).
     *
     * @return store name to partition to lag
     * @throws StreamsException if the log cannot be asked for end offsets
     */
    public Map<String, Map<Integer, LagInfo>> allLocalStorePartitionLags() {
        Map<TopicPartition, String> storeOf = new HashMap<>();
        Map<TopicPartition, StreamTask> taskOf = new HashMap<>();
        for (StreamTask task : registry.values()) {
            if (task.state() == StreamTask.State.CLOSED || task.state() == StreamTask.State.CREATED) {
                continue;
            }
            task.changelogPartitions().forEach((store, tp) -> {
                storeOf.put(tp, store);
                taskOf.put(tp, task);
            });
        }
        Map<String, Map<Integer, LagInfo>> result = new TreeMap<>();
        if (storeOf.isEmpty()) {
            return result;
        }
        Map<TopicPartition, Long> ends = offsets(storeOf.keySet(), OffsetSpec.latest());
        storeOf.forEach((tp, store) -> {
            StreamTask task = taskOf.get(tp);
            long end = ends.getOrDefault(tp, 0L);
            long position = task.state() == StreamTask.State.RESTORING
                    ? task.restorePositions().getOrDefault(tp, 0L) : end;
            result.computeIfAbsent(store, k -> new TreeMap<>()).put(tp.partition(), new LagInfo(position, end));
        });
        return result;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        try {
            admin.listOffsets(request).all().get().forEach((tp, info) -> result.put(tp, info.offset()));
        } catch (ExecutionException e) {
            throw new StreamsException("Could not read offsets of " + partitions + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted while reading offsets", e);
        }
        return result;
    }

    /** @return the number of live stream threads */
    public int numberOfLiveStreamThreads() {
        int n = 0;
        for (StreamThread t : threads) {
            if (t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------ failures

    private final class Supervisor implements StreamThread.Supervisor {
        @Override
        public StreamThreadExceptionResponse onFailure(StreamThread thread, Throwable exception) {
            StreamsUncaughtExceptionHandler handler = uncaughtExceptionHandler;
            Throwable wrapped = exception instanceof StreamsException ? exception
                    : new StreamsException(exception);
            if (handler == null) {
                LOG.error("stream-client [{}] {} died and no uncaught exception handler is set: shutting down the"
                        + " client", clientIdPrefix, thread.name());
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            StreamThreadExceptionResponse response = handler.handle(wrapped);
            if (response == null) {
                response = StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            if (response == StreamThreadExceptionResponse.SHUTDOWN_APPLICATION) {
                applicationShutdownRequested = true;
            }
            return response;
        }

        @Override
        public void onDead(StreamThread thread, StreamThreadExceptionResponse response, Throwable exception) {
            if (response == StreamThreadExceptionResponse.REPLACE_THREAD && state.isRunningOrRebalancing()) {
                int index = threads.indexOf(thread) + 1;
                StreamThread replacement = newStreamThread(index);
                threads.set(index - 1, replacement);
                LOG.info("stream-client [{}] replacing {} with a new thread", clientIdPrefix, thread.name());
                replacement.start();
                return;
            }
            shutdownOnError();
        }

        @Override
        public void onApplicationShutdown(StreamThread thread, int errorCode) {
            LOG.error("stream-client [{}] the group asked every instance to shut down ({})", clientIdPrefix,
                    errorCode == AssignmentInfo.SHUTDOWN_REQUESTED ? "an instance requested it"
                            : "the leader could not assign tasks");
            shutdownOnError();
        }

        @Override
        public boolean applicationShutdownRequested() {
            return applicationShutdownRequested;
        }
    }

    private void shutdownOnError() {
        if (!setState(State.PENDING_ERROR)) {
            return;
        }
        Thread closer = new Thread(() -> {
            shutdownAll(Long.MAX_VALUE);
            setState(State.ERROR);
        }, clientIdPrefix + "-CloseThread");
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    public String toString() {
        return "RunnelStreams(" + clientIdPrefix + ", " + state + ")";
    }
}
