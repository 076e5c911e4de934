package io.runnel.clients.producer;

import io.runnel.clients.RunnelClient;
import io.runnel.clients.internals.ClientTransports;
import io.runnel.clients.producer.internals.BuiltInPartitioner;
import io.runnel.clients.producer.internals.IdempotenceManager;
import io.runnel.clients.producer.internals.ProducerMetadata;
import io.runnel.clients.producer.internals.RecordAccumulator;
import io.runnel.clients.producer.internals.Sender;
import io.runnel.common.Cluster;
import io.runnel.common.PartitionInfo;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.InterruptException;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.InvalidTopicException;
import io.runnel.common.errors.RecordTooLargeException;
import io.runnel.common.errors.SerializationException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.header.Header;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Design notes for maintainers.
 *
 * A thin facade in Kafka's shape over three parts: ProducerMetadata (which topics and partitions exist),
 * RecordAccumulator (per-partition batches and buffer.memory) and the Sender thread (drains batches into produce
 * requests and completes them). send() runs on the caller's thread: wait for metadata, serialize, choose the
 * partition, append; only the sender touches the transport for records. The transport comes from
 * bootstrap.servers (ClientTransports); the producer reads its clock from the transport, so a producer of an
 * embedded log opened with MockTime lingers, blocks and times out on the mock clock.
 */
/**
 * The producer client (Kafka's {@code KafkaProducer}): sends records to the partitions of a log, batching per
 * partition and retrying transparently; with {@code enable.idempotence=true} (the default) a retried batch is never
 * written twice.
 *
 * <pre>{@code
 * Map<String, Object> props = Map.of(
 *     "bootstrap.servers", "file:///var/lib/runnel",
 *     "key.serializer", StringSerializer.class,
 *     "value.serializer", StringSerializer.class);
 * try (Producer<String, String> producer = new RunnelProducer<>(props)) {
 *     producer.send(new ProducerRecord<>("orders", "order-1", "{...}"), (md, e) -> { ... });
 * }
 * }</pre>
 *
 * <p><b>Partitioning.</b> An explicit partition in the record wins; otherwise {@code partitioner.class} if set;
 * otherwise murmur2 of the serialized key modulo the partition count (Kafka's exact formula, so keys land on the
 * same partition numbers as in Kafka), and sticky partitioning for records without a key (a partition is kept
 * until its batch is complete).
 *
 * <p><b>Acknowledgements.</b> {@code acks=0} completes records as soon as they are handed to the log, with offset
 * -1; {@code acks=1} and {@code acks=all} wait until the log appended the batch, which on one node is the same.
 *
 * <p><b>Ordering.</b> Records of a partition are written, acknowledged and their callbacks run in send order, also
 * across retries: one batch per partition is in flight at a time.
 *
 * <p>Thread-safe: share one producer between threads. {@code send} blocks only for metadata and buffer memory (up
 * to {@code max.block.ms}); callbacks run on the producer's sender thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class RunnelProducer<K, V> implements Producer<K, V> {

    private static final Logger log = LoggerFactory.getLogger(RunnelProducer.class);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger(1);

    private final String clientId;
    private final ProducerConfig config;
    private final RunnelClient client;
    private final Time time;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Partitioner partitioner;
    private final BuiltInPartitioner builtIn = new BuiltInPartitioner();
    private final boolean ignoreKeys;
    private final ProducerMetadata metadata;
    private final RecordAccumulator accumulator;
    private final Sender sender;
    private final Thread ioThread;
    private final long maxBlockMs;
    private final int maxRequestSize;
    private volatile boolean closed;

    /**
     * @param configs the settings (Kafka names); serializers by class name
     * @throws io.runnel.common.config.ConfigException naming every bad setting
     */
    public RunnelProducer(Map<String, Object> configs) {
        this(configs, null, null);
    }

    /**
     * @param properties the settings
     */
    public RunnelProducer(Properties properties) {
        this(properties, null, null);
    }

    /**
     * @param configs         the settings
     * @param keySerializer   the key serializer (not configured by the producer), or null to use {@code key.serializer}
     * @param valueSerializer the value serializer, or null to use {@code value.serializer}
     */
    public RunnelProducer(Map<String, Object> configs, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        this(new ProducerConfig(ProducerConfig.appendSerializerToConfig(configs, keySerializer, valueSerializer)),
                keySerializer, valueSerializer, null);
    }

    /**
     * @param properties      the settings
     * @param keySerializer   the key serializer, or null
     * @param valueSerializer the value serializer, or null
     */
    public RunnelProducer(Properties properties, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        this(new ProducerConfig(ProducerConfig.appendSerializerToConfig(properties, keySerializer, valueSerializer)),
                keySerializer, valueSerializer, null);
    }

    // Serializers created from configuration are typed by the class the user named; the producer trusts that the
    // class matches K and V, as Kafka's does (a mismatch surfaces as a SerializationException at send).
    @SuppressWarnings("unchecked")
    RunnelProducer(ProducerConfig config, Serializer<K> keySerializer, Serializer<V> valueSerializer,
                   RunnelClient transport) {
        this.config = config;
        String id = config.getString(ProducerConfig.CLIENT_ID_CONFIG);
        this.clientId = id == null || id.isEmpty() ? "producer-" + CLIENT_IDS.getAndIncrement() : id;
        Serializer<K> ks = keySerializer;
        Serializer<V> vs = valueSerializer;
        Partitioner p = null;
        RunnelClient c = null;
        try {
            if (ks == null) {
                ks = config.getConfiguredInstance(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, Serializer.class);
                ks.configure(config.originals(), true);
            }
            if (vs == null) {
                vs = config.getConfiguredInstance(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, Serializer.class);
                vs.configure(config.originals(), false);
            }
            p = config.getConfiguredInstance(ProducerConfig.PARTITIONER_CLASS_CONFIG, Partitioner.class);
            c = transport != null ? transport : ClientTransports.open(config, clientId, "producer");
        } catch (RuntimeException e) {
            if (p != null) {
                p.close();
            }
            throw e;
        }
        this.keySerializer = ks;
        this.valueSerializer = vs;
        this.partitioner = p;
        this.client = c;
        this.time = c.time();
        this.ignoreKeys = config.getBoolean(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG);
        this.maxBlockMs = config.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        this.maxRequestSize = config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        long retryBackoffMs = config.getLong(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);
        this.metadata = new ProducerMetadata(c, time, config.getLong(ProducerConfig.METADATA_MAX_AGE_CONFIG),
                config.getLong("metadata.max.idle.ms"), retryBackoffMs);
        int deliveryTimeoutMs = config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        this.accumulator = new RecordAccumulator(config.getInt(ProducerConfig.BATCH_SIZE_CONFIG),
                config.compressionType(), config.getLong(ProducerConfig.LINGER_MS_CONFIG), retryBackoffMs,
                config.getLong("retry.backoff.max.ms"), deliveryTimeoutMs,
                config.getLong(ProducerConfig.BUFFER_MEMORY_CONFIG), time);
        this.sender = new Sender(c, accumulator, config.idempotenceEnabled() ? new IdempotenceManager() : null, metadata,
                config.acks(), config.getInt(ProducerConfig.RETRIES_CONFIG), maxRequestSize,
                config.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG), retryBackoffMs,
                config.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), deliveryTimeoutMs, time, clientId);
        this.ioThread = new Thread(sender, "runnel-producer-network-thread | " + clientId);
        this.ioThread.setDaemon(true);
        this.ioThread.start();
        config.logUnused();
        log.info("Producer {} started against {} (idempotence {})", clientId, c.destination(),
                config.idempotenceEnabled() ? "on" : "off");
    }

    /**
     * Sends a record asynchronously; {@link #send(ProducerRecord, Callback)} without a callback.
     *
     * @param record the record
     * @return the future of its metadata
     */
    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
        return send(record, null);
    }

    /**
     * Sends a record asynchronously: waits for the topic's metadata (up to {@code max.block.ms}; the topic is
     * created if missing and {@code auto.create.topics.enable} allows), serializes key and value, chooses the
     * partition and appends the record to that partition's batch, waiting for {@code buffer.memory} if needed.
     *
     * <p>Failures that concern this record only ({@link RecordTooLargeException} for a record larger than
     * {@code max.request.size} or {@code buffer.memory} or, from the log, {@code max.message.bytes};
     * {@link TimeoutException} for missing metadata; {@link InvalidTopicException}; {@link BufferExhaustedException})
     * are delivered to the future and the callback, not thrown.
     *
     * @param record   the record, not null
     * @param callback called once on success or failure, on the sender thread; may be null
     * @return the future of the record's metadata
     * @throws IllegalStateException      if the producer is closed
     * @throws SerializationException     if the key or value cannot be serialized
     * @throws InvalidPartitionsException if the record's explicit partition does not exist
     * @throws InterruptException         if interrupted while blocking
     */
    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        if (closed) {
            throw new IllegalStateException("Cannot perform operation after producer has been closed");
        }
        TopicPartition tp = new TopicPartition(record.topic(), record.partition() == null ? -1 : record.partition());
        try {
            long start = time.milliseconds();
            Cluster cluster = metadata.awaitTopic(record.topic(), record.partition(), maxBlockMs);
            long remainingBlockMs = Math.max(0, maxBlockMs - (time.milliseconds() - start));
            byte[] keyBytes = serialize(keySerializer, record.topic(), record.headers(), record.key(), "key");
            byte[] valueBytes = serialize(valueSerializer, record.topic(), record.headers(), record.value(), "value");
            ((RecordHeaders) record.headers()).setReadOnly();
            Header[] headers = record.headers().toArray();
            int sizeBound = MemoryRecords.estimateSizeInBytesUpperBound(keyBytes, valueBytes, headers);
            checkRecordSize(sizeBound);
            long timestamp = record.timestamp() == null ? time.milliseconds() : record.timestamp();
            boolean sticky = record.partition() == null && partitioner == null && (keyBytes == null || ignoreKeys);
            int partition = partition(record, keyBytes, valueBytes, cluster);
            tp = new TopicPartition(record.topic(), partition);
            RecordAccumulator.AppendResult r = accumulator.append(tp, timestamp, keyBytes, valueBytes, headers, callback,
                    sizeBound, remainingBlockMs, sticky);
            if (r.abortedForNewBatch()) {
                builtIn.onNewBatch(record.topic(), cluster, partition);
                partition = builtIn.stickyPartition(record.topic(), cluster);
                tp = new TopicPartition(record.topic(), partition);
                r = accumulator.append(tp, timestamp, keyBytes, valueBytes, headers, callback, sizeBound,
                        remainingBlockMs, false);
            }
            if (r.batchIsFull() || r.newBatchCreated()) {
                sender.wakeup();
            }
            return r.future();
        } catch (RecordTooLargeException | TimeoutException | InvalidTopicException e) {
            if (callback != null) {
                callback.onCompletion(new RecordMetadata(tp, -1L, 0, -1L, -1, -1), e);
            }
            return new FailedFuture(e);
        }
    }

    private <T> byte[] serialize(Serializer<T> serializer, String topic, io.runnel.common.header.Headers headers, T data,
                                 String what) {
        try {
            return serializer.serialize(topic, headers, data);
        } catch (ClassCastException e) {
            throw new SerializationException("Can't convert " + what + " of class " + data.getClass().getName()
                    + " to the class the " + what + ".serializer " + serializer.getClass().getName() + " expects", e);
        }
    }

    private void checkRecordSize(int size) {
        if (size > maxRequestSize) {
            throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                    + maxRequestSize + ", which is the value of the max.request.size configuration.");
        }
        if (size > accumulator.totalMemory()) {
            throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                    + "the total memory buffer you have configured with the buffer.memory configuration ("
                    + accumulator.totalMemory() + ").");
        }
    }

    private int partition(ProducerRecord<K, V> record, byte[] keyBytes, byte[] valueBytes, Cluster cluster) {
        if (record.partition() != null) {
            return record.partition();
        }
        int count = cluster.partitionCountForTopic(record.topic());
        if (partitioner != null) {
            int p = partitioner.partition(record.topic(), record.key(), keyBytes, record.value(), valueBytes, cluster);
            if (p < 0 || p >= count) {
                throw new InvalidPartitionsException(partitioner.getClass().getName() + " chose partition " + p
                        + " for topic " + record.topic() + ", which has partitions [0..." + count + ")");
            }
            return p;
        }
        if (keyBytes != null && !ignoreKeys) {
            return BuiltInPartitioner.partitionForKey(keyBytes, count);
        }
        return builtIn.stickyPartition(record.topic(), cluster);
    }

    /**
     * Makes every buffered record sendable at once (ignoring {@code linger.ms}) and blocks until every record sent
     * before this call completed, successfully or not.
     *
     * @throws InterruptException if interrupted
     */
    @Override
    public void flush() {
        accumulator.beginFlush();
        sender.wakeup();
        accumulator.awaitFlushCompletion();
    }

    /**
     * @param topic a topic
     * @return its partitions; the topic is created if missing and {@code auto.create.topics.enable} allows
     * @throws TimeoutException if the topic's metadata is not available within {@code max.block.ms}
     */
    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        if (closed) {
            throw new IllegalStateException("Cannot perform operation after producer has been closed");
        }
        return metadata.awaitTopic(topic, null, maxBlockMs).partitionsForTopic(topic);
    }

    /** Sends every buffered record, then closes; blocks without limit. */
    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    /**
     * Stops accepting records, sends what is buffered for at most {@code timeout}, then fails what remains with
     * "Producer is closed forcefully." and releases the transport. Called from a callback (the sender thread), it
     * does not wait. Idempotent.
     *
     * @param timeout the longest wait; {@link Duration#ZERO} fails every pending record at once
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public void close(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout cannot be negative.");
        }
        long timeoutMs = timeout.toMillis();
        if (Thread.currentThread() == ioThread && timeoutMs > 0) {
            log.warn("Producer {} closed from its own callback: not waiting for buffered records", clientId);
            timeoutMs = 0;
        }
        synchronized (this) {
            if (closed && !ioThread.isAlive()) {
                return;
            }
            closed = true;
        }
        if (timeoutMs > 0) {
            sender.initiateClose();
            joinIoThread(timeoutMs);
        }
        if (ioThread.isAlive()) {
            sender.forceClose();
            if (Thread.currentThread() != ioThread) {
                joinIoThread(Long.MAX_VALUE);
            }
        }
        if (Thread.currentThread() == ioThread) {
            accumulator.abortIncompleteBatches(new RunnelException("Producer is closed forcefully."));
        }
        closeQuietly(partitioner, "partitioner");
        closeQuietly(keySerializer, "key serializer");
        closeQuietly(valueSerializer, "value serializer");
        client.close();
        log.info("Producer {} closed", clientId);
    }

    private void joinIoThread(long ms) {
        if (Thread.currentThread() == ioThread) {
            return;
        }
        try {
            ioThread.join(ms == Long.MAX_VALUE ? 0 : Math.max(1, ms));
        } catch (InterruptedException e) {
            sender.forceClose();
            throw new InterruptException("Interrupted while closing the producer", e);
        }
    }

    private void closeQuietly(AutoCloseable c, String what) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Producer {} could not close its {}", clientId, what, e);
        }
    }

    /** @return this producer's {@code client.id} */
    public String clientId() {
        return clientId;
    }

    private static final class FailedFuture implements Future<RecordMetadata> {
        private final RunnelException exception;

        FailedFuture(RunnelException exception) {
            this.exception = exception;
        }

        @Override
        public boolean cancel(boolean interrupt) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public RecordMetadata get() throws ExecutionException {
            throw new ExecutionException(exception);
        }

        @Override
        public RecordMetadata get(long timeout, TimeUnit unit) throws ExecutionException {
            throw new ExecutionException(exception);
        }
    }
}
