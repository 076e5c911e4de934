package io.runnel.streams.processor.internals;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.utils.Time;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.errors.DeserializationExceptionHandler;
import io.runnel.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.ChangeLogger;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Punctuator;
import io.runnel.streams.processor.StateRestoreCallback;
import io.runnel.streams.processor.StateRestoreListener;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.StateStoreResources;
import io.runnel.streams.state.internals.OffsetCheckpoint;
import io.runnel.streams.state.internals.TaskStateManager;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Design: global stores, filled from every partition of their topic on every instance.
 *
 * One global stream thread per instance owns all global stores (in <state.dir>/<application.id>/global/, with their
 * own .checkpoint of source offsets) and a consumer assigned every partition of every global topic, without a group.
 * Bootstrap, before any stream thread starts: each partition is read from its checkpointed offset + 1 (or the
 * beginning) to the end offset it has now, either loaded into the store through its restore callback (the topic
 * holds the store's own format, as for a GlobalKTable) or, with reprocessOnRestore, run through the global processor
 * (Topology.addGlobalStore). After bootstrap the thread polls on and runs each new record through the processor,
 * flushing the stores and writing the checkpoint every commit.interval.ms. The same code is stepped by the test kit.
 *
 * Global stores have no changelog (the topic is their changelog) and cannot be written by stream tasks, only read:
 * any task's processors get them from getStateStore. Reads from stream threads and from interactive queries take the
 * global lock the global thread holds while it writes.
 */
/**
 * The global stream thread: bootstraps and updates the global stores. Runs as a Java thread or is stepped by the
 * test kit.
 */
public final class GlobalStreamThread implements Runnable, GlobalStores {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GlobalStreamThread.class);

    /** The task id the global context reports (global stores belong to no task). */
    public static final TaskId GLOBAL_TASK_ID = new TaskId(Integer.MAX_VALUE, 0);

    private final String name;
    private final InternalTopologyBuilder builder;
    private final StreamsConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final Time time;
    private final StateDirectory stateDirectory;
    private final StateStoreResources resources;
    private final StateRestoreListener restoreListener;
    private final DeserializationExceptionHandler deserializationHandler;
    private final TimestampExtractor defaultExtractor;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch initialized = new CountDownLatch(1);
    private final Map<String, StateStore> stores = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, StateStore> views = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, StateRestoreCallback> callbacks = new HashMap<>();
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private final Map<String, String> topicToStore = new HashMap<>();
    private ProcessorTopology topology;
    private GlobalContext context;
    private OffsetCheckpoint checkpoint;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile boolean dead;
    private long lastFlushMs;
    private Thread javaThread;
    private volatile java.util.function.Consumer<Throwable> failureListener = t -> { };

    /**
     * @param name            the thread's name
     * @param builder         the topology
     * @param config          the configuration
     * @param consumer        the global consumer (no group)
     * @param time            the clock
     * @param stateDirectory  the state directory
     * @param resources       the shared store resources
     * @param restoreListener the user's restore listener, or null
     */
    public GlobalStreamThread(String name, InternalTopologyBuilder builder, StreamsConfig config,
                              Consumer<byte[], byte[]> consumer, Time time, StateDirectory stateDirectory,
                              StateStoreResources resources, StateRestoreListener restoreListener) {
        this.name = name;
        this.builder = builder;
        this.config = config;
        this.consumer = consumer;
        this.time = time;
        this.stateDirectory = stateDirectory;
        this.resources = resources;
        this.restoreListener = restoreListener;
        this.deserializationHandler = config.deserializationExceptionHandler();
        this.defaultExtractor = config.defaultTimestampExtractor();
    }

    /**
     * @param storeName a global store
     * @return a read-only view of it for stream tasks (each call under the global lock), or null
     */
    @Override
    public StateStore get(String storeName) {
        StateStore store = stores.get(storeName);
        return store == null ? null : views.computeIfAbsent(storeName, n -> GlobalStoreReadOnlyView.wrap(store, lock));
    }

    /** @return the global stores by name (after initialisation) */
    public Map<String, StateStore> stores() {
        return stores;
    }

    /** @return the next offset to apply per global partition (after bootstrap; on the thread or stepping only) */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            result.put(tp, consumer.position(tp));
        }
        return result;
    }

    /** @return the lock held while the global stores are written */
    public ReentrantLock lock() {
        return lock;
    }

    /** @return true while the thread runs (or is stepped) */
    public boolean isAlive() {
        return !dead;
    }

    /** @param listener told (on the global thread) when the thread dies from a failure after its bootstrap */
    public void setFailureListener(java.util.function.Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    /** @return the failure that stopped the thread, or null */
    public Throwable failure() {
        return failure;
    }

    /**
     * Starts the Java thread and waits until the global stores are bootstrapped.
     *
     * @throws StreamsException if bootstrapping failed
     */
    public void start() {
        javaThread = new Thread(this, name);
        javaThread.start();
        try {
            initialized.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted while bootstrapping global stores", e);
        }
        if (failure != null) {
            throw failure instanceof StreamsException se ? se
                    : new StreamsException("Global stores failed to bootstrap: " + failure, failure);
        }
    }

    @Override
    public void run() {
        try {
            initialize();
        } catch (Throwable t) {
            failure = t;
            initialized.countDown();
            closeAll();
            return;
        }
        try {
            while (running) {
                runOnce(Duration.ofMillis(config.getLong(StreamsConfig.POLL_MS_CONFIG)));
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (Throwable t) {
            failure = t;
            LOG.error("{}: global stream thread failed; global stores stop updating", name, t);
        } finally {
            if (failure == null) {
                flushAndCheckpoint();
            }
            closeAll();
        }
        if (failure != null) {
            failureListener.accept(failure);
        }
    }

    /**
     * Opens the global stores and bootstraps them to the current end of their topics.
     *
     * @throws StreamsException if a store cannot be opened or a topic read
     */
    public void initialize() {
        topology = builder.buildGlobalStateTopology();
        File dir = stateDirectory.globalStateDir();
        checkpoint = new OffsetCheckpoint(new File(dir, TaskStateManager.CHECKPOINT_FILE_NAME));
        Map<TopicPartition, Long> checkpointed = checkpoint.read();
        context = new GlobalContext(config, resources, config.processingExceptionHandler(), dir);
        lock.lock();
        try {
            for (StateStore store : topology.stores().values()) {
                store.init(context, store);
                stores.put(store.name(), store);
            }
            for (Map.Entry<String, SourceNode<?, ?>> e : topology.sourcesByTopic().entrySet()) {
                for (ProcessorNode<?, ?, ?, ?> child : e.getValue().children()) {
                    for (String s : child.stateStores()) {
                        topicToStore.put(e.getKey(), s);
                    }
                }
            }
            context.setRecordContext(ProcessorRecordContext.NONE);
            for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
                node.init(context);
            }
        } finally {
            lock.unlock();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topology.sourcesByTopic().keySet()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new StreamsException("Global store topic " + topic + " does not exist; create it before starting");
            }
            for (PartitionInfo p : infos) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        for (TopicPartition tp : partitions) {
            Long c = checkpointed.get(tp);
            long start = c != null ? c + 1 : beginnings.getOrDefault(tp, 0L);
            if (start > ends.getOrDefault(tp, 0L)) {
                LOG.warn("{}: checkpoint of {} is past its end; re-reading it from the beginning", name, tp);
                start = beginnings.getOrDefault(tp, 0L);
            }
            consumer.seek(tp, start);
        }
        bootstrap(partitions, ends);
        flushAndCheckpoint();
        lastFlushMs = time.milliseconds();
        initialized.countDown();
    }

    private void bootstrap(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        long startNs = time.nanoseconds();
        long restored = 0;
        Map<TopicPartition, Long> remaining = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long end = ends.getOrDefault(tp, 0L);
            long position = consumer.position(tp);
            if (position < end) {
                remaining.put(tp, end);
                String store = topicToStore.get(tp.topic());
                if (restoreListener != null) {
                    restoreListener.onRestoreStart(tp, store, position, end);
                }
            }
        }
        Map<TopicPartition, Long> counts = new HashMap<>();
        while (!remaining.isEmpty()) {
            if (!running) {
                throw new StreamsException("Global stream thread stopped while bootstrapping");
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            lock.lock();
            try {
                for (TopicPartition tp : records.partitions()) {
                    Long end = remaining.get(tp);
                    if (end == null) {
                        continue;
                    }
                    String store = topicToStore.get(tp.topic());
                    List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>();
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        if (r.offset() < end) {
                            list.add(r);
                        }
                    }
                    if (list.isEmpty()) {
                        continue;
                    }
                    if (builder.reprocessOnRestore(store)) {
                        for (ConsumerRecord<byte[], byte[]> r : list) {
                            processRecord(r);
                        }
                    } else {
                        List<ChangelogRecord> batch = new ArrayList<>(list.size());
                        for (ConsumerRecord<byte[], byte[]> r : list) {
                            if (r.key() != null) {
                                batch.add(new ChangelogRecord(r.key(), r.value(), r.timestamp()));
                            }
                        }
                        restoreBatch(store, batch);
                    }
                    long last = list.get(list.size() - 1).offset();
                    offsets.put(tp, last);
                    restored += list.size();
                    counts.merge(tp, (long) list.size(), Long::sum);
                    if (restoreListener != null) {
                        restoreListener.onBatchRestored(tp, store, last, list.size());
                    }
                }
            } finally {
                lock.unlock();
            }
            remaining.entrySet().removeIf(e -> {
                boolean done = consumer.position(e.getKey()) >= e.getValue();
                if (done && restoreListener != null) {
                    restoreListener.onRestoreEnd(e.getKey(), topicToStore.get(e.getKey().topic()),
                            counts.getOrDefault(e.getKey(), 0L));
                }
                return done;
            });
        }
        double seconds = Math.max(1e-9, (time.nanoseconds() - startNs) / 1e9);
        LOG.info("{}: bootstrapped global stores {} with {} records in {} ms ({} records/s)", name, stores.keySet(),
                restored, Math.round(seconds * 1000), Math.round(restored / seconds));
    }

    private void restoreBatch(String store, List<ChangelogRecord> batch) {
        StateRestoreCallback callback = callbacks.get(store);
        if (callback instanceof io.runnel.streams.processor.RecordBatchingStateRestoreCallback batching) {
            batching.restoreBatch(batch);
        } else if (callback instanceof io.runnel.streams.processor.BatchingStateRestoreCallback batching) {
            List<io.runnel.streams.KeyValue<byte[], byte[]>> kvs = new ArrayList<>();
            batch.forEach(r -> kvs.add(io.runnel.streams.KeyValue.pair(r.key(), r.value())));
            batching.restoreAll(kvs);
        } else if (callback != null) {
            batch.forEach(r -> callback.restore(r.key(), r.value()));
        }
    }

    /**
     * Polls once and runs the new records through the global processors; flushes and checkpoints every
     * {@code commit.interval.ms}.
     *
     * @param timeout how long the poll may wait
     * @return the number of records applied
     */
    public int runOnce(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        int n = 0;
        if (!records.isEmpty()) {
            lock.lock();
            try {
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    processRecord(r);
                    offsets.put(new TopicPartition(r.topic(), r.partition()), r.offset());
                    n++;
                }
            } finally {
                lock.unlock();
            }
        }
        long now = time.milliseconds();
        if (now - lastFlushMs >= config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
            flushAndCheckpoint();
            lastFlushMs = now;
        }
        return n;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the record's types are the source's
    private void processRecord(ConsumerRecord<byte[], byte[]> raw) {
        SourceNode source = topology.source(raw.topic());
        Object key;
        Object value;
        try {
            key = source.deserializeKey(raw.topic(), raw.headers(), raw.key());
            value = source.deserializeValue(raw.topic(), raw.headers(), raw.value());
        } catch (RuntimeException e) {
            DeserializationHandlerResponse response = deserializationHandler.handle(new DefaultErrorHandlerContext(
                    raw.topic(), raw.partition(), raw.offset(), raw.headers(), source.name(), GLOBAL_TASK_ID,
                    raw.timestamp()), raw, e);
            if (response == DeserializationHandlerResponse.CONTINUE) {
                return;
            }
            throw new StreamsException("Failed to deserialize global record " + raw.topic() + "-" + raw.partition()
                    + "@" + raw.offset() + ": " + e, e);
        }
        ConsumerRecord<Object, Object> deserialized = new ConsumerRecord<>(raw.topic(), raw.partition(),
                raw.offset(), raw.timestamp(), raw.timestampType(), raw.serializedKeySize(),
                raw.serializedValueSize(), key, value, raw.headers(), raw.leaderEpoch());
        TimestampExtractor extractor = source.timestampExtractor() != null ? source.timestampExtractor()
                : defaultExtractor;
        long timestamp = extractor.extract(deserialized, -1L);
        if (timestamp < 0) {
            LOG.warn("{}: skipping global record {}-{}@{} with negative timestamp {}", name, raw.topic(),
                    raw.partition(), raw.offset(), timestamp);
            return;
        }
        context.setRecordContext(new ProcessorRecordContext(timestamp, raw.offset(), raw.partition(), raw.topic(),
                raw.headers()));
        context.setCurrentNode(source);
        try {
            source.process(new Record<>(key, value, timestamp, raw.headers()));
        } catch (FailedProcessingException e) {
            throw new StreamsException("Exception caught in global processor " + e.nodeName() + " for record "
                    + raw.topic() + "-" + raw.partition() + "@" + raw.offset() + ": " + e.getCause(), e.getCause());
        } finally {
            context.setCurrentNode(null);
            context.setRecordContext(ProcessorRecordContext.NONE);
        }
    }

    private void flushAndCheckpoint() {
        if (checkpoint == null) {
            return;
        }
        lock.lock();
        try {
            for (StateStore store : stores.values()) {
                if (store.isOpen()) {
                    store.flush();
                }
            }
            boolean persistent = stores.values().stream().anyMatch(StateStore::persistent);
            if (persistent) {
                checkpoint.write(offsets);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Asks the thread to stop (thread-safe) and waits for it. */
    public void shutdown() {
        running = false;
        try {
            consumer.wakeup();
        } catch (RuntimeException e) {
            LOG.debug("{}: wakeup failed", name, e);
        }
        Thread t = javaThread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stepping mode: flushes, checkpoints and closes everything. */
    public void close() {
        running = false;
        flushAndCheckpoint();
        closeAll();
    }

    /** Test hook: closes without flushing or checkpointing, as a killed process. */
    public void abandon() {
        running = false;
        checkpoint = null;
        closeAll();
    }

    private void closeAll() {
        lock.lock();
        try {
            for (ProcessorNode<?, ?, ?, ?> node : topology == null ? List.<ProcessorNode<?, ?, ?, ?>>of()
                    : topology.nodes()) {
                try {
                    node.close();
                } catch (RuntimeException e) {
                    LOG.warn("{}: failed to close global processor {}", name, node.name(), e);
                }
            }
            for (StateStore store : stores.values()) {
                try {
                    store.close();
                } catch (RuntimeException e) {
                    LOG.warn("{}: failed to close global store {}", name, store.name(), e);
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            consumer.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: failed to close the global consumer", name, e);
        }
        dead = true;
    }

    /** The context of global processors and stores. */
    private final class GlobalContext extends AbstractProcessorContext {
        private final File dir;

        GlobalContext(StreamsConfig config, StateStoreResources resources, ProcessingExceptionHandler handler,
                      File dir) {
            super(GLOBAL_TASK_ID, config, resources, handler);
            this.dir = dir;
        }

        @Override
        public File stateDir() {
            return dir;
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback) {
            callbacks.put(store.name(), restoreCallback);
        }

        @Override
        public ChangeLogger changeLogger(String storeName) {
            throw new IllegalStateException("Global store " + storeName + " cannot be logged: its topic is its"
                    + " changelog (logging is disabled on global stores)");
        }

        @Override
        public RecordCollector recordCollector() {
            throw new StreamsException("Global processors cannot write to topics");
        }

        @SuppressWarnings("unchecked") // the caller names the store type it expects
        @Override
        public <S extends StateStore> S getStateStore(String storeName) {
            StateStore store = stores.get(storeName);
            if (store == null) {
                throw new StreamsException("Global processor has no store " + storeName + "; global stores: "
                        + stores.keySet());
            }
            return (S) store;
        }

        @Override
        public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
            throw new UnsupportedOperationException("Punctuations are not supported in global processors");
        }

        @Override
        public void commit() {
            // global stores are flushed every commit.interval.ms by the global thread
        }

        @Override
        public long currentSystemTimeMs() {
            return time.milliseconds();
        }

        @Override
        public long currentStreamTimeMs() {
            throw new UnsupportedOperationException("Global processors have no stream time");
        }
    }
}
