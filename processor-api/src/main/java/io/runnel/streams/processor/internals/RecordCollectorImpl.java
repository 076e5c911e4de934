package io.runnel.streams.processor.internals;

import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.common.header.Headers;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.errors.ErrorHandlerContext;
import io.runnel.streams.errors.ProductionExceptionHandler;
import io.runnel.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import io.runnel.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.TaskId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link RecordCollector} of a stream thread over its producer.
 *
 * <p>Serialization happens here, on the thread, so a failure can go to the production exception handler with the
 * record that caused it. Send failures arrive on the producer's thread: the handler is asked there, and a FAIL is
 * kept and thrown on the stream thread at the next send, flush or commit (which then does not commit: the input
 * is processed again after the restart, at-least-once). Acknowledged offsets are kept per partition for changelog
 * checkpoints.
 */
public final class RecordCollectorImpl implements RecordCollector {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordCollectorImpl.class);

    private final String logPrefix;
    private final Producer<byte[], byte[]> producer;
    private final ProductionExceptionHandler handler;
    private final Map<TopicPartition, Long> offsets = new ConcurrentHashMap<>();
    private final AtomicReference<ProductionFailedException> sendException = new AtomicReference<>();
    private final AtomicLong droppedRecords = new AtomicLong();
    private final Map<String, Integer> partitionCounts = new HashMap<>();

    /**
     * @param logPrefix the thread's name, for messages
     * @param producer  the thread's producer (byte arrays)
     * @param handler   the production exception handler
     */
    public RecordCollectorImpl(String logPrefix, Producer<byte[], byte[]> producer, ProductionExceptionHandler handler) {
        this.logPrefix = logPrefix;
        this.producer = producer;
        this.handler = handler;
    }

    @Override
    public <K, V> void send(String topic, K key, V value, Headers headers, long timestamp,
                            Serializer<K> keySerializer, Serializer<V> valueSerializer,
                            StreamPartitioner<? super K, ? super V> partitioner, String processorNodeId,
                            InternalProcessorContext context) {
        if (partitioner == null) {
            sendSerialized(topic, null, key, value, headers, timestamp, keySerializer, valueSerializer,
                    processorNodeId, context);
            return;
        }
        int count = partitionCount(topic);
        Optional<Set<Integer>> partitions = partitioner.partitions(topic, key, value, count);
        if (partitions.isEmpty()) {
            sendSerialized(topic, null, key, value, headers, timestamp, keySerializer, valueSerializer,
                    processorNodeId, context);
            return;
        }
        for (Integer p : partitions.get()) {
            if (p == null || p < 0 || p >= count) {
                throw new ProductionFailedException("The StreamPartitioner of sink " + processorNodeId + " returned"
                        + " partition " + p + " for topic " + topic + ", which has " + count + " partitions", null);
            }
            sendSerialized(topic, p, key, value, headers, timestamp, keySerializer, valueSerializer, processorNodeId,
                    context);
        }
    }

    @Override
    public <K, V> void send(String topic, int partition, K key, V value, Headers headers, long timestamp,
                            Serializer<K> keySerializer, Serializer<V> valueSerializer, String processorNodeId,
                            InternalProcessorContext context) {
        sendSerialized(topic, partition, key, value, headers, timestamp, keySerializer, valueSerializer,
                processorNodeId, context);
    }

    private int partitionCount(String topic) {
        Integer count = partitionCounts.get(topic);
        if (count == null) {
            count = producer.partitionsFor(topic).size();
            if (count == 0) {
                throw new ProductionFailedException("Topic " + topic + " has no partitions (does it exist?)", null);
            }
            partitionCounts.put(topic, count);
        }
        return count;
    }

    private <K, V> void sendSerialized(String topic, Integer partition, K key, V value, Headers headers,
                                       long timestamp, Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                       String processorNodeId, InternalProcessorContext context) {
        checkForException();
        Headers h = headers == null ? new RecordHeaders() : headers;
        byte[] keyBytes;
        byte[] valueBytes;
        SerializationExceptionOrigin origin = SerializationExceptionOrigin.KEY;
        try {
            keyBytes = keySerializer.serialize(topic, h, key);
            origin = SerializationExceptionOrigin.VALUE;
            valueBytes = valueSerializer.serialize(topic, h, value);
        } catch (RuntimeException e) {
            ErrorHandlerContext errorContext = errorContext(context, processorNodeId);
            ProductionExceptionHandlerResponse response;
            try {
                response = handler.handleSerializationException(errorContext,
                        new ProducerRecord<>(topic, partition, timestamp, key, value, h), e, origin);
            } catch (RuntimeException handlerFailure) {
                throw new ProductionFailedException("Fatal user code error in production error callback (" + logPrefix
                        + ")", handlerFailure);
            }
            if (response == ProductionExceptionHandlerResponse.CONTINUE) {
                droppedRecords.incrementAndGet();
                LOG.warn("{}: dropping a record for topic {} from {}: its {} cannot be serialized", logPrefix, topic,
                        processorNodeId, origin.name().toLowerCase(java.util.Locale.ROOT), e);
                return;
            }
            throw new ProductionFailedException("Error serializing the " + origin.name().toLowerCase(java.util.Locale.ROOT)
                    + " of a record for topic " + topic + " from node " + processorNodeId + (context == null ? ""
                    : " of task " + context.taskId()) + ": " + e + ". Check the serdes of the sink (or"
                    + " default.key.serde/default.value.serde), or set default.production.exception.handler to skip"
                    + " such records", e);
        }
        ProducerRecord<byte[], byte[]> serialized = new ProducerRecord<>(topic, partition, timestamp, keyBytes,
                valueBytes, h);
        ErrorHandlerContext errorContext = errorContext(context, processorNodeId);
        try {
            producer.send(serialized, (metadata, exception) -> {
                if (exception == null) {
                    offsets.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(),
                            Math::max);
                } else {
                    onSendError(serialized, exception, errorContext, processorNodeId);
                }
            });
        } catch (RuntimeException e) {
            onSendError(serialized, e, errorContext, processorNodeId);
            checkForException();
        }
    }

    private static ErrorHandlerContext errorContext(InternalProcessorContext context, String nodeId) {
        if (context == null) {
            return new DefaultErrorHandlerContext(null, -1, -1L, new RecordHeaders(), nodeId, null, -1L);
        }
        ProcessorRecordContext rc = context.recordContext();
        TaskId taskId = context.taskId();
        return new DefaultErrorHandlerContext(rc.topic(), rc.partition(), rc.offset(), rc.headers(), nodeId, taskId,
                rc.timestamp());
    }

    private void onSendError(ProducerRecord<byte[], byte[]> record, Exception exception, ErrorHandlerContext context,
                             String nodeId) {
        ProductionExceptionHandlerResponse response;
        try {
            response = handler.handle(context, record, exception);
        } catch (RuntimeException handlerFailure) {
            sendException.compareAndSet(null, new ProductionFailedException("Fatal user code error in production"
                    + " error callback (" + logPrefix + ")", handlerFailure));
            return;
        }
        if (response == ProductionExceptionHandlerResponse.CONTINUE) {
            droppedRecords.incrementAndGet();
            LOG.warn("{}: dropping a record for topic {} from {} after a send error, as the production exception"
                    + " handler asked: {}", logPrefix, record.topic(), nodeId, exception.toString());
            return;
        }
        sendException.compareAndSet(null, new ProductionFailedException("Error encountered sending a record to topic "
                + record.topic() + " for task " + context.taskId() + " (node " + nodeId + "): " + exception
                + ". Exception handler choose to FAIL the processing, no more records would be sent.", exception));
    }

    private void checkForException() {
        ProductionFailedException e = sendException.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void flush() {
        producer.flush();
        checkForException();
    }

    @Override
    public Map<TopicPartition, Long> offsets() {
        return Map.copyOf(offsets);
    }

    /** @return records dropped because the production exception handler answered CONTINUE */
    public long droppedRecords() {
        return droppedRecords.get();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Closes the producer without waiting for buffered records (a dirty close). */
    public void closeDirty() {
        producer.close(java.time.Duration.ZERO);
    }
}
