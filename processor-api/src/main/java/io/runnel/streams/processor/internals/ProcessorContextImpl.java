package io.runnel.streams.processor.internals;

import io.runnel.common.serialization.ByteArraySerializer;
import io.runnel.common.serialization.BytesSerializer;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.ChangeLogger;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Punctuator;
import io.runnel.streams.processor.StateRestoreCallback;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.state.StateStoreResources;

import java.io.File;
import java.time.Duration;
import java.util.Objects;

/**
 * The context of a stream task: what its processors and stores see. Stores register with the task's state
 * manager; change logging sends to {@code <application.id>-<store>-changelog}, partition = task partition, through
 * the thread's record collector; punctuations and commit requests go to the task.
 */
final class ProcessorContextImpl extends AbstractProcessorContext {

    private static final BytesSerializer BYTES = new BytesSerializer();
    private static final ByteArraySerializer BYTE_ARRAY = new ByteArraySerializer();

    private final StreamTask task;
    private final RecordCollector collector;
    private final GlobalStores globalStores;

    ProcessorContextImpl(StreamTask task, StreamsConfig config, StateStoreResources resources,
                         ProcessingExceptionHandler processingExceptionHandler, RecordCollector collector,
                         GlobalStores globalStores) {
        super(task.id(), config, resources, processingExceptionHandler);
        this.task = task;
        this.collector = collector;
        this.globalStores = globalStores;
    }

    @Override
    public File stateDir() {
        return task.stateDir();
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback) {
        task.stateManager().registerStore(store, restoreCallback);
    }

    @Override
    public ChangeLogger changeLogger(String storeName) {
        String topic = task.topology().storeToChangelogTopic().get(storeName);
        if (topic == null || task.topology().hasSourceTopicChangelog(storeName)) {
            throw new IllegalStateException("Store " + storeName + " of task " + taskId() + " has logging enabled"
                    + " but the topology gives it no changelog topic");
        }
        int partition = task.id().partition();
        // A write outside a record (a punctuation without a record) has no timestamp: the changelog record then
        // gets the task's stream time, or the wall-clock time before the first record.
        return (key, value, timestamp) -> collector.send(topic, partition, key, value, null,
                timestamp >= 0 ? timestamp : task.streamTime() >= 0 ? task.streamTime() : task.wallClockTime(),
                BYTES, BYTE_ARRAY, storeName, this);
    }

    @Override
    public RecordCollector recordCollector() {
        return collector;
    }

    @SuppressWarnings("unchecked") // the caller names the store type it expects, as in Kafka
    @Override
    public <S extends StateStore> S getStateStore(String name) {
        StateStore global = globalStores == null ? null : globalStores.get(name);
        if (global != null) {
            return (S) global;
        }
        ProcessorNode<?, ?, ?, ?> node = currentNode();
        if (node == null) {
            throw new StreamsException("Accessing state stores from outside a processor's init, process or"
                    + " punctuate is not allowed (store " + name + ", task " + taskId() + ")");
        }
        if (!node.stateStores().contains(name)) {
            throw new StreamsException("Processor " + node.name() + " has no access to StateStore " + name + " as the"
                    + " store is not connected to the processor; connected stores: " + node.stateStores() + ". Pass"
                    + " the processor name to addStateStore(), call connectProcessorAndStateStores(), or return the"
                    + " store from the supplier's stores()");
        }
        StateStore store = task.stateManager().store(name);
        if (store == null) {
            throw new StreamsException("Store " + name + " did not register itself during init (task " + taskId()
                    + "); a store's init must call StateStoreContext.register");
        }
        return (S) store;
    }

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(callback, "callback");
        long ms = interval.toMillis();
        if (ms < 1) {
            throw new IllegalArgumentException("The minimum supported scheduling interval is 1 millisecond, got "
                    + interval);
        }
        ProcessorNode<?, ?, ?, ?> node = currentNode();
        if (node == null) {
            throw new StreamsException("schedule() may only be called from a processor (task " + taskId() + ")");
        }
        return task.schedule(node, ms, type, callback);
    }

    @Override
    public void commit() {
        task.requestCommit();
    }

    @Override
    public long currentSystemTimeMs() {
        return task.wallClockTime();
    }

    @Override
    public long currentStreamTimeMs() {
        return task.streamTime();
    }

    /** @return the task id, for messages */
    @Override
    public String toString() {
        return "ProcessorContext(" + taskId() + ")";
    }
}
