package io.runnel.streams.processor.internals;

import io.runnel.common.header.Headers;
import io.runnel.common.serialization.Serde;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.api.FixedKeyRecord;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.processor.api.RecordMetadata;
import io.runnel.streams.state.StateStoreResources;

import java.io.File;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the contexts of tasks and of the global stores share: the current node, the record being processed, and
 * synchronous depth-first forwarding. While a record is forwarded its timestamp and headers become the "current"
 * ones (what change logging writes), and are restored when {@code forward} returns.
 */
abstract class AbstractProcessorContext implements InternalProcessorContext {

    private final TaskId taskId;
    private final StreamsConfig config;
    private final Map<String, Object> appConfigs;
    private final Serde<?> keySerde;
    private final Serde<?> valueSerde;
    private final StateStoreResources resources;
    private final ProcessingExceptionHandler processingExceptionHandler;
    private ProcessorNode<?, ?, ?, ?> currentNode;
    private ProcessorRecordContext recordContext = ProcessorRecordContext.NONE;
    private long currentTimestamp = -1L;
    private Headers currentHeaders = ProcessorRecordContext.NONE.headers();

    AbstractProcessorContext(TaskId taskId, StreamsConfig config, StateStoreResources resources,
                             ProcessingExceptionHandler processingExceptionHandler) {
        this.taskId = taskId;
        this.config = config;
        Map<String, Object> all = new HashMap<>(config.originals());
        all.putAll(config.values());
        all.values().removeIf(java.util.Objects::isNull);
        this.appConfigs = Collections.unmodifiableMap(all);
        this.keySerde = config.getClass(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG) == null ? null
                : config.defaultKeySerde();
        this.valueSerde = config.getClass(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG) == null ? null
                : config.defaultValueSerde();
        this.resources = resources;
        this.processingExceptionHandler = processingExceptionHandler;
    }

    @Override
    public final String applicationId() {
        return config.applicationId();
    }

    @Override
    public final TaskId taskId() {
        return taskId;
    }

    /** @return the application configuration */
    final StreamsConfig config() {
        return config;
    }

    @Override
    public final Map<String, Object> appConfigs() {
        return appConfigs;
    }

    @Override
    public final Map<String, Object> appConfigsWithPrefix(String prefix) {
        return config.originalsWithPrefix(prefix);
    }

    @Override
    public final Serde<?> keySerde() {
        return keySerde;
    }

    @Override
    public final Serde<?> valueSerde() {
        return valueSerde;
    }

    @Override
    public final StateStoreResources resources() {
        return resources;
    }

    @Override
    public final ProcessingExceptionHandler processingExceptionHandler() {
        return processingExceptionHandler;
    }

    @Override
    public final ProcessorNode<?, ?, ?, ?> currentNode() {
        return currentNode;
    }

    @Override
    public final void setCurrentNode(ProcessorNode<?, ?, ?, ?> node) {
        this.currentNode = node;
    }

    @Override
    public final ProcessorRecordContext recordContext() {
        return recordContext;
    }

    @Override
    public final void setRecordContext(ProcessorRecordContext recordContext) {
        this.recordContext = recordContext;
        this.currentTimestamp = recordContext.timestamp();
        this.currentHeaders = recordContext.headers();
    }

    @Override
    public final Headers currentHeaders() {
        return currentHeaders;
    }

    @Override
    public final long recordTimestamp() {
        return currentTimestamp;
    }

    @Override
    public final Optional<RecordMetadata> recordMetadata() {
        return recordContext.hasInputRecord() ? Optional.of(recordContext) : Optional.empty();
    }

    @Override
    public final <K, V> void forward(Record<K, V> record) {
        forward(record, (String) null);
    }

    @Override
    public final <K, V> void forward(FixedKeyRecord<K, V> record) {
        forward(record.toRecord(), (String) null);
    }

    @Override
    public final <K, V> void forward(FixedKeyRecord<K, V> record, String childName) {
        forward(record.toRecord(), childName);
    }

    @Override
    public final <K, V> void forward(Record<K, V> record, String childName) {
        ProcessorNode<?, ?, ?, ?> parent = currentNode;
        if (parent == null) {
            throw new StreamsException("forward() may only be called from process(), a punctuator or a cache flush"
                    + " listener (task " + taskId + ")");
        }
        forwardFrom(parent, record, childName);
    }

    @Override
    public final <K, V> void forwardFrom(ProcessorNode<?, ?, ?, ?> node, Record<K, V> record) {
        forwardFrom(node, record, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // children accept what their parent forwards, by contract
    private <K, V> void forwardFrom(ProcessorNode<?, ?, ?, ?> parent, Record<K, V> record, String childName) {
        ProcessorNode<?, ?, ?, ?> previousNode = currentNode;
        long previousTimestamp = currentTimestamp;
        Headers previousHeaders = currentHeaders;
        currentTimestamp = record.timestamp();
        currentHeaders = record.headers();
        try {
            if (childName == null) {
                List<? extends ProcessorNode<?, ?, ?, ?>> children = parent.children();
                for (int i = 0; i < children.size(); i++) {
                    ProcessorNode child = children.get(i);
                    currentNode = child;
                    child.process(record);
                }
            } else {
                ProcessorNode child = parent.child(childName);
                if (child == null) {
                    throw new StreamsException("Unknown downstream node: " + childName + " either does not exist or"
                            + " is not connected to processor " + parent.name());
                }
                currentNode = child;
                child.process(record);
            }
        } finally {
            currentNode = previousNode;
            currentTimestamp = previousTimestamp;
            currentHeaders = previousHeaders;
        }
    }

    @Override
    public abstract File stateDir();
}
