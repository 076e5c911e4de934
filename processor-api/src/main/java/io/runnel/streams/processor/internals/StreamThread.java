package io.runnel.streams.processor.internals;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRebalanceListener;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.producer.Producer;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.utils.Time;
import io.runnel.streams.RunnelClientSupplier;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.TaskMetadata;
import io.runnel.streams.ThreadMetadata;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import io.runnel.streams.errors.TaskMigratedException;
import io.runnel.streams.processor.StateRestoreListener;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.internals.assignment.AssignmentInfo;
import io.runnel.streams.processor.internals.assignment.SubscriptionInfo;
import io.runnel.streams.state.StateStoreResources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/*
 * Design: the stream thread loop.
 *
 * A stream thread owns a main consumer (member of the group <application.id>, with the Streams assignor), a restore
 * consumer, a producer (wrapped by a RecordCollector) and the tasks the group gives it (TaskManager). One iteration
 * of runOnce():
 *
 *   1. poll the main consumer - rebalance callbacks run inside: revocation commits and suspends the tasks,
 *      assignment creates, resumes or closes them. The poll does not block when there is buffered work or
 *      restoration; otherwise it blocks for at most poll.ms, cut short by the next wall-clock punctuation and the
 *      next commit, so they happen on time on an idle thread;
 *   2. route the records to the tasks' partition queues, pausing partitions whose buffers are full
 *      (buffered.records.per.partition);
 *   3. open the stores of new tasks and restore a batch from the changelogs; tasks that finish restoring start
 *      running and their input partitions are resumed;
 *   4. process: round-robin over the running tasks, up to 100 records per task per turn, each record followed by
 *      the stream-time punctuations it made due, until no task can process or 10,000 records were processed;
 *   5. fire due wall-clock punctuations;
 *   6. commit when commit.interval.ms has passed or a processor asked (TaskManager.commit).
 *
 * Returning to poll at least every 10,000 records keeps the thread well inside max.poll.interval.ms. The same
 * runOnce() is driven step by step by the test kit (TopologyTestDriver) on the test's thread, with a
 * non-blocking poll and a static assignment instead of the group: the tests exercise this loop, not a copy.
 *
 * Failures: TaskMigratedException (the group moved on without this thread) closes the tasks without committing
 * and rejoins. Any other exception ends the thread: its tasks are closed without committing, the instance's
 * uncaught exception handler decides (replace the thread, stop the instance, or stop the whole application), and
 * the thread's clients are closed (its consumer leaves the group, so its tasks move at once).
 */
/**
 * A stream thread: one main consumer, its tasks, one producer. Runs as a Java thread ({@link #start()}) or is
 * stepped by a test driver ({@link #initialize()}, {@link #runOnce()}). Methods other than the accessors marked
 * thread-safe are called on the thread itself.
 */
public final class StreamThread implements Runnable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamThread.class);
    private static final int MAX_RECORDS_PER_ITERATION = 10_000;
    private static final long APPLICATION_SHUTDOWN_WAIT_MS = 30_000L;

    /** The thread's lifecycle, with Kafka's names. */
    public enum State {
        /** Built, not started. */
        CREATED,
        /** Started, not in a group generation yet. */
        STARTING,
        /** Its partitions were revoked; waiting for the new assignment. */
        PARTITIONS_REVOKED,
        /** Assigned; tasks restoring. */
        PARTITIONS_ASSIGNED,
        /** Every task running. */
        RUNNING,
        /** Shutting down. */
        PENDING_SHUTDOWN,
        /** Stopped. */
        DEAD
    }

    /** Receives the thread's state changes (on the thread). */
    @FunctionalInterface
    public interface StateListener {
        /**
         * @param thread   the thread
         * @param newState the new state
         * @param oldState the previous state
         */
        void onChange(StreamThread thread, State newState, State oldState);
    }

    /** What the instance does about thread failures and application-wide shutdowns. */
    public interface Supervisor {
        /**
         * Asks the uncaught exception handler; called on the failing thread after its tasks were closed.
         *
         * @param thread    the failing thread
         * @param exception what failed
         * @return the handler's answer
         */
        StreamThreadExceptionResponse onFailure(StreamThread thread, Throwable exception);

        /**
         * Called on the thread after it died from a failure and closed its clients.
         *
         * @param thread   the thread
         * @param response what the handler answered
         * @param exception what failed
         */
        void onDead(StreamThread thread, StreamThreadExceptionResponse response, Throwable exception);

        /**
         * The group told this thread to stop with the whole application (an instance asked for it, or the leader
         * could not assign).
         *
         * @param thread    the thread
         * @param errorCode {@link AssignmentInfo#SHUTDOWN_REQUESTED} or {@link AssignmentInfo#ASSIGNMENT_ERROR}
         */
        void onApplicationShutdown(StreamThread thread, int errorCode);

        /** @return true if this instance asks the whole application to stop */
        boolean applicationShutdownRequested();
    }

    /**
     * What all stream threads of an instance share.
     *
     * @param config            the configuration
     * @param builder           the topology (application id set)
     * @param time              the clock
     * @param stateDirectory    the state directory (locked)
     * @param resources         the shared store resources
     * @param globalStores      the global stores, or null
     * @param clientSupplier    creates clients
     * @param admin             the instance's admin client
     * @param registry          live tasks of the instance, by id (thread-safe)
     * @param restoreListener   the user's restore listener, or null
     * @param clientIdPrefix    {@code client.id} or {@code <application.id>-<process id>}
     * @param supervisor        the instance
     */
    public record Shared(StreamsConfig config, InternalTopologyBuilder builder, Time time,
                         StateDirectory stateDirectory, StateStoreResources resources, GlobalStores globalStores,
                         RunnelClientSupplier clientSupplier, Admin admin, Map<TaskId, StreamTask> registry,
                         StateRestoreListener restoreListener, String clientIdPrefix, Supervisor supervisor) {
    }

    private final String name;
    private final Shared shared;
    private final Time time;
    private final StreamsConfig config;
    private final Consumer<byte[], byte[]> mainConsumer;
    private final Consumer<byte[], byte[]> restoreConsumer;
    private final RecordCollectorImpl collector;
    private final StoreChangelogReader changelogReader;
    private final TaskManager taskManager;
    private final String consumerClientId;
    private final String restoreClientId;
    private final String producerClientId;
    private final long commitIntervalMs;
    private final long pollMs;
    private final StateListener stateListener;
    private volatile State state = State.CREATED;
    private volatile boolean shutdownRequested;
    private volatile ThreadMetadata metadata;
    private Thread javaThread;
    private boolean nonBlocking;
    private Map<TaskId, Set<TopicPartition>> staticAssignment;
    private AssignmentInfo pendingAssignment;
    private RuntimeException callbackFailure;
    private long lastCommitMs;
    private long lastPurgeMs;
    private volatile boolean failed;
    private volatile boolean abandoned;

    /**
     * @param index         the thread's number in the instance (1, 2, ...)
     * @param shared        what the instance's threads share
     * @param stateListener receives state changes
     */
    public StreamThread(int index, Shared shared, StateListener stateListener) {
        this.shared = shared;
        this.name = shared.clientIdPrefix() + "-StreamThread-" + index;
        this.time = shared.time();
        this.config = shared.config();
        this.stateListener = stateListener;
        this.commitIntervalMs = config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        this.pollMs = config.getLong(StreamsConfig.POLL_MS_CONFIG);
        this.consumerClientId = name + "-consumer";
        this.restoreClientId = name + "-restore-consumer";
        this.producerClientId = name + "-producer";

        Map<String, Object> consumerConfigs = config.getMainConsumerConfigs(config.applicationId(), consumerClientId);
        consumerConfigs.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                StreamsPartitionAssignor.class.getName());
        consumerConfigs.put(StreamsPartitionAssignor.REFERENCES_CONFIG, new AssignorReferences());
        this.mainConsumer = shared.clientSupplier().getConsumer(consumerConfigs);
        Consumer<byte[], byte[]> restore = null;
        Producer<byte[], byte[]> producer = null;
        try {
            restore = shared.clientSupplier().getRestoreConsumer(config.getRestoreConsumerConfigs(restoreClientId));
            producer = shared.clientSupplier().getProducer(config.getProducerConfigs(producerClientId));
        } catch (RuntimeException e) {
            closeQuietly(mainConsumer::close);
            if (restore != null) {
                Consumer<byte[], byte[]> r = restore;
                closeQuietly(r::close);
            }
            throw e;
        }
        this.restoreConsumer = restore;
        this.collector = new RecordCollectorImpl(name, producer, config.productionExceptionHandler());
        this.changelogReader = new StoreChangelogReader(name, restoreConsumer, time, shared.restoreListener());
        TimestampExtractor defaultExtractor = config.defaultTimestampExtractor();
        var deserializationHandler = config.deserializationExceptionHandler();
        var processingHandler = config.processingExceptionHandler();
        this.taskManager = new TaskManager(name, shared.builder(), request -> new StreamTask(request.id(),
                request.partitions(), shared.builder().buildSubtopology(request.id().subtopology()), config,
                shared.stateDirectory(), shared.resources(), collector, shared.globalStores(), this::currentLag,
                deserializationHandler, processingHandler, defaultExtractor, time), mainConsumer, changelogReader,
                collector, shared.registry(), config.getInt(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG),
                config.getLong(StreamsConfig.MAX_TASK_TIME_SKEW_MS_CONFIG));
        this.metadata = new ThreadMetadata(name, state.name(), consumerClientId, restoreClientId,
                Set.of(producerClientId), shared.clientIdPrefix() + "-admin", Set.of(), Set.of());
    }

    private OptionalLong currentLag(TopicPartition tp) {
        return mainConsumer.currentLag(tp);
    }

    /** @return the thread's name (thread-safe) */
    public String name() {
        return name;
    }

    /** @return the thread's state (thread-safe) */
    public State state() {
        return state;
    }

    /** @return true unless the thread is shutting down or dead (thread-safe) */
    public boolean isAlive() {
        State s = state;
        return s != State.PENDING_SHUTDOWN && s != State.DEAD;
    }

    /** @return the last snapshot of the thread and its tasks (thread-safe) */
    public ThreadMetadata metadata() {
        return metadata;
    }

    /** @return the tasks of the thread (on the thread only) */
    public Collection<StreamTask> tasks() {
        return taskManager.tasks();
    }


    private void setState(State newState) {
        State old = state;
        if (old == newState) {
            return;
        }
        if (old == State.DEAD || (old == State.PENDING_SHUTDOWN && newState != State.DEAD)) {
            return;
        }
        state = newState;
        LOG.info("{}: state transition from {} to {}", name, old, newState);
        refreshMetadata();
        stateListener.onChange(this, newState, old);
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Starts the thread as a Java thread running {@link #run()}. */
    public synchronized void start() {
        if (javaThread != null) {
            throw new IllegalStateException(name + " was already started");
        }
        javaThread = new Thread(this, name);
        javaThread.setDaemon(false);
        javaThread.start();
    }

    /** @return the Java thread running the loop, or null in stepping mode */
    public synchronized Thread javaThread() {
        return javaThread;
    }

    /**
     * Stepping mode (test kit): every poll returns at once.
     *
     * @param nonBlocking true for non-blocking polls
     */
    public void setNonBlocking(boolean nonBlocking) {
        this.nonBlocking = nonBlocking;
    }

    /**
     * Test kit: use these tasks instead of joining the group (the consumer is assigned their partitions).
     * Call before {@link #initialize()}.
     *
     * @param assignment the tasks and their input partitions
     */
    public void setStaticAssignment(Map<TaskId, Set<TopicPartition>> assignment) {
        this.staticAssignment = Map.copyOf(assignment);
    }

    /** Joins the group (or takes the static assignment). Called by {@link #run()} and by the test kit. */
    public void initialize() {
        setState(State.STARTING);
        lastCommitMs = time.milliseconds();
        lastPurgeMs = lastCommitMs;
        if (staticAssignment != null) {
            List<TopicPartition> partitions = new ArrayList<>();
            staticAssignment.values().forEach(partitions::addAll);
            mainConsumer.assign(partitions);
            taskManager.handleAssignment(staticAssignment);
            setState(State.PARTITIONS_ASSIGNED);
            return;
        }
        List<Pattern> patterns = shared.builder().sourcePatterns();
        ConsumerRebalanceListener listener = new RebalanceListener();
        if (patterns.isEmpty()) {
            mainConsumer.subscribe(shared.builder().sourceTopics(), listener);
        } else {
            StringBuilder regex = new StringBuilder();
            for (String topic : shared.builder().sourceTopics()) {
                regex.append(regex.length() == 0 ? "" : "|").append(Pattern.quote(topic));
            }
            for (Pattern p : patterns) {
                regex.append(regex.length() == 0 ? "" : "|").append("(?:").append(p.pattern()).append(')');
            }
            mainConsumer.subscribe(Pattern.compile(regex.toString()), listener);
        }
    }

    /** Asks the thread to stop after its current iteration (thread-safe). */
    public void shutdown() {
        shutdownRequested = true;
        if (state == State.CREATED) {
            setState(State.DEAD);
            closeClients(true);
            return;
        }
        try {
            mainConsumer.wakeup();
        } catch (RuntimeException e) {
            LOG.debug("{}: wakeup failed", name, e);
        }
    }

    /** @return true until {@link #shutdown()} is called or the thread fails */
    public boolean isRunning() {
        return !shutdownRequested && !failed;
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            initialize();
            while (isRunning()) {
                runOnce();
            }
        } catch (Throwable t) {
            failure = t;
        }
        if (abandoned) {
            doAbandon();
            return;
        }
        if (failure == null || (shutdownRequested && causedByWakeup(failure))) {
            completeShutdown(true);
            return;
        }
        handleFailure(failure);
    }

    private static boolean causedByWakeup(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WakeupException) {
                return true;
            }
        }
        return false;
    }

    private void handleFailure(Throwable failure) {
        failed = true;
        LOG.error("{}: encountered the following exception during processing and the thread is going to shut down",
                name, failure);
        try {
            taskManager.closeAllDirty();
        } catch (RuntimeException e) {
            LOG.warn("{}: error while closing tasks after a failure", name, e);
        }
        StreamThreadExceptionResponse response = StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        try {
            response = shared.supervisor().onFailure(this, failure);
        } catch (RuntimeException e) {
            LOG.error("{}: the uncaught exception handler failed; shutting down the client", name, e);
        }
        if (response == StreamThreadExceptionResponse.SHUTDOWN_APPLICATION) {
            sendApplicationShutdown();
        }
        setState(State.PENDING_SHUTDOWN);
        closeClients(false);
        setState(State.DEAD);
        shared.supervisor().onDead(this, response, failure);
    }

    /**
     * Asks the group to stop every instance: rejoins with the shutdown flag set and waits (up to 30 s) for the
     * leader's answer.
     */
    private void sendApplicationShutdown() {
        if (staticAssignment != null) {
            return;
        }
        long deadline = time.milliseconds() + APPLICATION_SHUTDOWN_WAIT_MS;
        pendingAssignment = null;
        try {
            mainConsumer.enforceRebalance("application shutdown requested");
            while (time.milliseconds() < deadline && pendingAssignment == null) {
                mainConsumer.poll(Duration.ofMillis(100));
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not complete the application shutdown request through the group", name, e);
        }
    }

    /**
     * Stops: commits and closes the tasks ({@code clean}) or just closes them, closes the clients.
     *
     * @param clean commit first, and leave the group
     */
    public void completeShutdown(boolean clean) {
        setState(State.PENDING_SHUTDOWN);
        if (clean) {
            try {
                taskManager.shutdownClean();
            } catch (RuntimeException e) {
                LOG.error("{}: failed to commit and close tasks cleanly on shutdown", name, e);
            }
        } else {
            taskManager.closeAllDirty();
        }
        closeClients(clean);
        setState(State.DEAD);
    }

    /**
     * Test hook: stops as a killed process would: tasks closed without committing or flushing, the producer's
     * unsent records dropped, the consumer closed without committing.
     */
    public void abandon() {
        abandoned = true;
        shutdownRequested = true;
        Thread t = javaThread();
        if (t != null && t != Thread.currentThread()) {
            try {
                mainConsumer.wakeup();
            } catch (RuntimeException e) {
                LOG.debug("{}: wakeup failed", name, e);
            }
            return;
        }
        doAbandon();
    }

    private void doAbandon() {
        failed = true;
        taskManager.closeAllDirty();
        closeQuietly(collector::closeDirty);
        closeQuietly(() -> mainConsumer.close(Duration.ZERO));
        closeQuietly(restoreConsumer::close);
        state = State.DEAD;
    }

    private void closeClients(boolean clean) {
        closeQuietly(clean ? collector::close : collector::closeDirty);
        closeQuietly(mainConsumer::close);
        closeQuietly(restoreConsumer::close);
    }

    private void closeQuietly(Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: error while closing a client", name, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the loop

    /**
     * One iteration of the loop (see the class comment).
     *
     * @return the number of records processed
     * @throws StreamsException if processing failed; the caller (the thread, or the test kit) handles it
     */
    public int runOnce() {
        long now = time.milliseconds();
        ConsumerRecords<byte[], byte[]> records = ConsumerRecords.empty();
        try {
            records = mainConsumer.poll(pollTimeout(now));
        } catch (WakeupException e) {
            if (shutdownRequested) {
                return 0;
            }
            throw e;
        } catch (TaskMigratedException e) {
            onTaskMigrated(e);
            return 0;
        } catch (RuntimeException e) {
            if (callbackFailure == null) {
                throw e;
            }
        }
        if (callbackFailure != null) {
            RuntimeException failure = callbackFailure;
            callbackFailure = null;
            if (failure instanceof TaskMigratedException tme) {
                onTaskMigrated(tme);
                return 0;
            }
            throw failure;
        }
        if (pendingAssignment != null && pendingAssignment.errorCode() != AssignmentInfo.NONE) {
            int code = pendingAssignment.errorCode();
            shutdownRequested = true;
            shared.supervisor().onApplicationShutdown(this, code);
            return 0;
        }
        now = time.milliseconds();
        try {
            taskManager.addRecords(records);
            taskManager.initializeNewTasks();
            if (changelogReader.isRestoring()) {
                changelogReader.restore(Duration.ZERO);
            }
            taskManager.maybeResume();
            if (state == State.PARTITIONS_ASSIGNED && taskManager.allRunning()) {
                setState(State.RUNNING);
            }
            int processed = taskManager.process(now, MAX_RECORDS_PER_ITERATION);
            now = time.milliseconds();
            taskManager.punctuate(now);
            maybeCommit(now);
            taskManager.maybeResume();
            return processed;
        } catch (TaskMigratedException e) {
            onTaskMigrated(e);
            return 0;
        }
    }

    private Duration pollTimeout(long now) {
        if (nonBlocking || state == State.PARTITIONS_ASSIGNED || changelogReader.isRestoring()
                || taskManager.hasProcessable(now)) {
            return Duration.ZERO;
        }
        long wait = pollMs;
        if (taskManager.heldBackBySkew(now)) {
            // waiting for tasks of other threads to catch up in event time: look again soon
            wait = Math.min(wait, 1);
        }
        long nextPunctuation = taskManager.nextWallClockPunctuation();
        if (nextPunctuation != Long.MAX_VALUE) {
            wait = Math.min(wait, Math.max(0, nextPunctuation - now));
        }
        if (commitIntervalMs > 0) {
            wait = Math.min(wait, Math.max(0, lastCommitMs + commitIntervalMs - now));
        }
        return Duration.ofMillis(wait);
    }

    private void onTaskMigrated(TaskMigratedException e) {
        LOG.warn("{}: detected that the thread was fenced from the group; closing its tasks without committing and"
                + " rejoining: {}", name, e.getMessage());
        taskManager.closeAllDirty();
        if (staticAssignment == null) {
            mainConsumer.enforceRebalance("task migrated");
        }
    }

    private void maybeCommit(long now) {
        boolean intervalDue = commitIntervalMs >= 0 && now - lastCommitMs >= commitIntervalMs;
        if (!intervalDue && !taskManager.commitRequested()) {
            return;
        }
        int committed = taskManager.commit(false);
        if (intervalDue) {
            lastCommitMs = now;
        }
        if (committed > 0) {
            refreshMetadata();
        }
        maybePurgeRepartitionTopics(now);
    }

    /**
     * Test kit: commits every task now (the thread's loop commits on its interval).
     *
     * @return the number of tasks committed
     */
    public int commitAll() {
        int committed = taskManager.commit(false);
        lastCommitMs = time.milliseconds();
        refreshMetadata();
        return committed;
    }

    /** Test kit: waits until every record sent so far is written (outputs become readable). */
    public void flushOutput() {
        collector.flush();
    }

    private void maybePurgeRepartitionTopics(long now) {
        long interval = config.getLong(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG);
        if (now - lastPurgeMs < interval) {
            return;
        }
        lastPurgeMs = now;
        Map<TopicPartition, io.runnel.clients.admin.RecordsToDelete> toDelete = new HashMap<>();
        for (StreamTask task : taskManager.tasks()) {
            Set<String> repartition = task.topology().repartitionTopics();
            task.committedOffsets().forEach((tp, offset) -> {
                if (repartition.contains(tp.topic()) && offset > 0) {
                    toDelete.put(tp, io.runnel.clients.admin.RecordsToDelete.beforeOffset(offset));
                }
            });
        }
        if (!toDelete.isEmpty()) {
            try {
                shared.admin().deleteRecords(toDelete);
            } catch (RuntimeException e) {
                LOG.debug("{}: purging repartition topics failed: {}", name, e.toString());
            }
        }
    }

    private void refreshMetadata() {
        Set<TaskMetadata> tasks = new HashSet<>();
        for (StreamTask task : taskManager.tasks()) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (TopicPartition tp : task.inputPartitions()) {
                try {
                    OptionalLong lag = mainConsumer.currentLag(tp);
                    if (lag.isPresent()) {
                        ends.put(tp, mainConsumer.position(tp, Duration.ZERO) + lag.getAsLong());
                    }
                } catch (RuntimeException e) {
                    // position unknown yet: no end offset in this snapshot
                }
            }
            tasks.add(new TaskMetadata(task.id(), task.inputPartitions(), task.committedOffsets(), ends,
                    Optional.empty(), task.processedRecords(), task.droppedRecords()));
        }
        metadata = new ThreadMetadata(name, state.name(), consumerClientId, restoreClientId,
                Set.of(producerClientId), shared.clientIdPrefix() + "-admin", tasks, Set.of());
    }

    // ------------------------------------------------------------------------------------------------ callbacks

    private final class RebalanceListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                if (failed) {
                    taskManager.closeAllDirty();
                } else {
                    taskManager.handleRevocation();
                }
                if (state != State.STARTING && state != State.CREATED) {
                    setState(State.PARTITIONS_REVOKED);
                }
            } catch (RuntimeException e) {
                callbackFailure = e;
                taskManager.closeAllDirty();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (failed || callbackFailure != null) {
                return;
            }
            AssignmentInfo info = pendingAssignment;
            if (info != null && info.errorCode() != AssignmentInfo.NONE) {
                return;
            }
            try {
                Map<TaskId, Set<TopicPartition>> tasks = taskManager.tasksForPartitions(partitions);
                taskManager.handleAssignment(tasks);
                setState(State.PARTITIONS_ASSIGNED);
                shared.stateDirectory().cleanRemovedTasks(
                        config.getLong(StreamsConfig.STATE_CLEANUP_DELAY_MS_CONFIG), shared.registry().keySet());
            } catch (RuntimeException e) {
                callbackFailure = e;
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            try {
                taskManager.handleLostAll();
            } catch (RuntimeException e) {
                callbackFailure = e;
            }
        }
    }

    private final class AssignorReferences implements StreamsPartitionAssignor.References {
        @Override
        public InternalTopologyBuilder builder() {
            return shared.builder();
        }

        @Override
        public UUID processId() {
            return shared.stateDirectory().processId();
        }

        @Override
        public Admin admin() {
            return shared.admin();
        }

        @Override
        public Map<TaskId, Long> taskOffsetSums() {
            Map<TaskId, Long> sums = new HashMap<>(shared.stateDirectory().taskOffsetSums());
            for (StreamTask task : shared.registry().values()) {
                if (task.state() == StreamTask.State.RUNNING || task.state() == StreamTask.State.SUSPENDED) {
                    sums.put(task.id(), SubscriptionInfo.LATEST_OFFSET);
                }
            }
            return sums;
        }

        @Override
        public Set<TaskId> activeTasks() {
            return taskManager.ownedTaskIds();
        }

        @Override
        public boolean shutdownRequested() {
            BooleanSupplier flag = shared.supervisor()::applicationShutdownRequested;
            return failed || flag.getAsBoolean();
        }

        @Override
        public long acceptableRecoveryLag() {
            return config.getLong(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG);
        }

        @Override
        public void onAssignment(AssignmentInfo info, List<TopicPartition> partitions) {
            pendingAssignment = info;
        }
    }

    @Override
    public String toString() {
        return name + "(" + state + ")";
    }
}
