package io.runnel.connect.test;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.common.utils.MockTime;
import io.runnel.common.utils.Time;
import io.runnel.connect.connector.Connector;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.header.ConnectHeaders;
import io.runnel.connect.runtime.AbstractHerder;
import io.runnel.connect.runtime.ConnectorConfig;
import io.runnel.connect.runtime.ConnectorConverters;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.runtime.SinkConnectorConfig;
import io.runnel.connect.runtime.SourceConnectorConfig;
import io.runnel.connect.runtime.Status;
import io.runnel.connect.runtime.StatusListener;
import io.runnel.connect.runtime.TargetState;
import io.runnel.connect.runtime.Worker;
import io.runnel.connect.runtime.WorkerConfig;
import io.runnel.connect.runtime.WorkerSinkTask;
import io.runnel.connect.runtime.WorkerSourceTask;
import io.runnel.connect.runtime.WorkerTask;
import io.runnel.connect.runtime.isolation.PluginDesc;
import io.runnel.connect.runtime.isolation.PluginType;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.runtime.rest.entities.ConfigInfos;
import io.runnel.connect.runtime.storage.MemoryOffsetBackingStore;
import io.runnel.connect.runtime.storage.OffsetStorageReaderImpl;
import io.runnel.connect.sink.SinkConnectorContext;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.source.SourceConnectorContext;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.storage.OffsetStorageReader;
import io.runnel.server.EmbeddedLog;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one connector — its first task, with its converters, transformations, error handling and dead-letter
 * queue — against a temporary embedded log, step by step on the test's thread: the test kit for connector
 * authors that Kafka Connect does not have.
 *
 * <h2>Design</h2>
 * The driver uses the production code paths, not a simulation: the connector is created and validated as the
 * herder does it, and the task is a real {@link WorkerSourceTask} or {@link WorkerSinkTask} built by the real
 * {@link Worker}, with real producers and consumers on a real (temporary) embedded log. Only the threads are
 * missing: instead of the task's loop, the test calls one step at a time ({@link #pollSource()}, {@link
 * #runSink()}), and nothing happens between steps. Time is a {@link MockTime} by default, shared by the log, the
 * clients and the task, so intervals ({@code offset.flush.interval.ms}, retry backoff) pass only when the test
 * {@link #advance advances} the clock; offsets are committed when the test asks ({@link #commit()}) or when
 * the advanced clock says so.
 *
 * <pre>{@code
 * try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
 *         .connector(Map.of("connector.class", "FileStreamSource", "file", "in.txt", "topic", "lines"))
 *         .build()) {
 *     driver.pollSource();                                  // one poll -> transforms -> converters -> log
 *     List<SourceRecord> written = driver.readTopic("lines"); // what landed, converted back to Connect data
 *     driver.commit();                                      // flush source offsets
 *     driver.sourceOffset(Map.of("filename", "in.txt"));    // {position=...}
 * }
 * }</pre>
 * A failure the connector's {@code errors.tolerance} does not tolerate is thrown from the step (the task would be
 * FAILED). Not thread-safe: one test thread drives it.
 */
public final class ConnectorTestDriver implements AutoCloseable {

    private static final int MAX_SINK_STEPS = 10_000;

    private final Path directory;
    private final boolean deleteDirectory;
    private final EmbeddedLog log;
    private final Time time;
    private final Plugins plugins;
    private final WorkerConfig workerConfig;
    private final MemoryOffsetBackingStore offsets = new MemoryOffsetBackingStore();
    private final Worker worker;
    private final Map<String, String> connectorConfig;
    private final ConnectorConfig parsed;
    private final Connector connector;
    private final WorkerTask task;
    private final ConnectorConverters converters;
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final List<SinkRecord> putRecords = new ArrayList<>();
    private volatile Status taskStatus;
    private boolean closed;

    private ConnectorTestDriver(Builder b) {
        boolean ownDirectory = b.directory == null;
        try {
            this.directory = ownDirectory ? Files.createTempDirectory("runnel-connector-test") : b.directory;
        } catch (IOException e) {
            throw new ConnectException("Could not create a temporary log directory: " + e, e);
        }
        this.deleteDirectory = ownDirectory;
        this.time = b.time == null ? new MockTime() : b.time;
        this.log = EmbeddedLog.open(directory.resolve("log"), b.brokerSettings, time);
        boolean ok = false;
        try {
            Map<String, String> workerProps = new HashMap<>();
            workerProps.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
            workerProps.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            workerProps.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, String.valueOf(Long.MAX_VALUE / 4));
            workerProps.putAll(b.workerConfig);
            workerProps.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrapServers());
            this.workerConfig = new WorkerConfig(workerProps);
            this.plugins = new Plugins(workerConfig.pluginPath());
            this.connectorConfig = new LinkedHashMap<>(b.connectorConfig);
            connectorConfig.putIfAbsent(ConnectorConfig.NAME_CONFIG, "test-connector");
            ConfigInfos validation = AbstractHerder.validate(plugins, connectorConfig);
            if (validation.errorCount() > 0) {
                throw new ConnectException(AbstractHerder.invalidConfigMessage(validation));
            }
            PluginDesc<?> desc = plugins.pluginDesc(connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG),
                    PluginType.SOURCE, PluginType.SINK);
            boolean source = desc.type() == PluginType.SOURCE;
            this.parsed = source ? new SourceConnectorConfig(plugins, connectorConfig)
                    : new SinkConnectorConfig(plugins, connectorConfig);
            this.worker = new Worker("connector-test-driver", time, plugins, workerConfig, offsets);
            this.admin = worker.newAdmin("connector-test-driver-admin");
            this.producer = worker.newProducer("connector-test-driver-producer");
            this.converters = ConnectorConverters.create(plugins, workerConfig, parsed);
            if (!source) {
                createTopics(((SinkConnectorConfig) parsed).topics(), b.partitions);
            }
            this.connector = Plugins.withClassLoader(desc.loader(), () -> {
                Connector c = plugins.newPlugin(desc, Connector.class);
                c.initialize(source ? new SourceContext(new OffsetStorageReaderImpl(offsets, name()))
                        : new SinkContext());
                c.start(connectorConfig);
                return c;
            });
            List<Map<String, String>> taskConfigs = Plugins.withClassLoader(desc.loader(),
                    () -> connector.taskConfigs(parsed.tasksMax()));
            if (taskConfigs == null || taskConfigs.isEmpty()) {
                throw new ConnectException("Connector " + desc.className() + " returned no task configuration");
            }
            Map<String, String> taskConfig = new HashMap<>(taskConfigs.get(0));
            taskConfig.put(Worker.TASK_CLASS_CONFIG, connector.taskClass().getName());
            this.task = worker.buildTask(new ConnectorTaskId(name(), 0), connectorConfig, taskConfig,
                    TargetState.STARTED, new Listener());
            Plugins.withClassLoader(desc.loader(), () -> {
                task.startOnCallerThread();
                return null;
            });
            ok = true;
        } finally {
            if (!ok) {
                log.close();
                deleteQuietly();
            }
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link ConnectorTestDriver}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> connectorConfig = new LinkedHashMap<>();
        private final Map<String, String> workerConfig = new LinkedHashMap<>();
        private final Map<String, Object> brokerSettings = new LinkedHashMap<>();
        private Time time;
        private Path directory;
        private int partitions = 1;

        private Builder() {
        }

        /**
         * @param config the connector's configuration ({@code connector.class} required; {@code name} defaults to
         *               {@code test-connector})
         * @return this builder
         */
        public Builder connector(Map<String, String> config) {
            connectorConfig.putAll(config);
            return this;
        }

        /**
         * @param config worker settings: converters ({@code key.converter}, {@code value.converter} and their
         *               {@code .*} settings; both default to the JSON converter with schemas), {@code plugin.path},
         *               {@code offset.flush.interval.ms} (default: never, commit with {@link #commit()})
         * @return this builder
         */
        public Builder worker(Map<String, String> config) {
            workerConfig.putAll(config);
            return this;
        }

        /**
         * @param settings broker settings of the temporary log ({@code num.partitions}...)
         * @return this builder
         */
        public Builder brokerSettings(Map<String, ?> settings) {
            brokerSettings.putAll(settings);
            return this;
        }

        /**
         * @param partitions partitions of a sink's input topics, created at build time (default 1)
         * @return this builder
         */
        public Builder sinkTopicPartitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /**
         * @param time the clock of the log, the clients and the task (default: a new {@link MockTime})
         * @return this builder
         */
        public Builder time(Time time) {
            this.time = time;
            return this;
        }

        /**
         * @param directory where to put the log (default: a temporary directory deleted by {@link #close()})
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Creates the log, validates and starts the connector, and starts its first task.
         *
         * @return the driver
         * @throws ConnectException naming every problem if the configuration is invalid
         */
        public ConnectorTestDriver build() {
            if (!connectorConfig.containsKey(ConnectorConfig.CONNECTOR_CLASS_CONFIG)) {
                throw new ConnectException("The connector configuration needs connector.class");
            }
            return new ConnectorTestDriver(this);
        }
    }

    private String name() {
        return connectorConfig.get(ConnectorConfig.NAME_CONFIG);
    }

    private void createTopics(List<String> topics, int partitions) {
        for (String topic : topics) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new ConnectException("Could not create topic " + topic + ": " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
                throw new ConnectException("Could not create topic " + topic + ": " + e, e);
            }
        }
    }

    // ---- source connectors -------------------------------------------------------------------------------------

    private WorkerSourceTask sourceTask() {
        if (task instanceof WorkerSourceTask s) {
            return s;
        }
        throw new IllegalStateException("Connector " + name() + " is a sink connector; use produce() and runSink()");
    }

    /**
     * Runs one source step: the task's {@code poll()}, then transformations, converters and the producer; returns
     * once the log acknowledged every record sent.
     *
     * @return what {@code poll()} returned (before transformations), empty when it returned nothing
     * @throws ConnectException when a failure is not tolerated
     * @throws IllegalStateException for a sink connector
     */
    public List<SourceRecord> pollSource() {
        try {
            return sourceTask().pollOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while polling", e);
        }
    }

    /**
     * Polls until a poll returns nothing (the source is drained for now) or {@code maxPolls} polls were made.
     *
     * @param maxPolls the most polls
     * @return every record polled
     */
    public List<SourceRecord> pollSourceUntilIdle(int maxPolls) {
        List<SourceRecord> all = new ArrayList<>();
        for (int i = 0; i < maxPolls; i++) {
            List<SourceRecord> polled = pollSource();
            if (polled.isEmpty()) {
                break;
            }
            all.addAll(polled);
        }
        return all;
    }

    /**
     * @param partition a source partition
     * @return its committed source offset (after {@link #commit()}), or null
     */
    public Map<String, Object> sourceOffset(Map<String, ?> partition) {
        OffsetStorageReader reader = new OffsetStorageReaderImpl(offsets, name());
        return reader.offset(partition);
    }

    /** @return the task's progress: records polled, written, dropped, still pending */
    public WorkerSourceTask.SourceTaskProgress sourceProgress() {
        return sourceTask().progress();
    }

    // ---- sink connectors ---------------------------------------------------------------------------------------

    private WorkerSinkTask sinkTask() {
        if (task instanceof WorkerSinkTask s) {
            return s;
        }
        throw new IllegalStateException("Connector " + name() + " is a source connector; use pollSource()");
    }

    /**
     * Writes a record to a topic as bytes (as another application would).
     *
     * @param topic the topic
     * @param key   key bytes, or null
     * @param value value bytes, or null
     */
    public void produce(String topic, byte[] key, byte[] value) {
        produce(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Writes Connect data to a topic, serialized with the connector's key and value converters (as a source
     * connector with the same converters would write it).
     *
     * @param topic       the topic
     * @param keySchema   the key's schema, or null
     * @param key         the key
     * @param valueSchema the value's schema, or null
     * @param value       the value
     */
    public void produce(String topic, Schema keySchema, Object key, Schema valueSchema, Object value) {
        RecordHeaders headers = new RecordHeaders();
        produce(new ProducerRecord<>(topic, null, null, converters.key().fromConnectData(topic, headers, keySchema,
                key), converters.value().fromConnectData(topic, headers, valueSchema, value), headers));
    }

    private void produce(ProducerRecord<byte[], byte[]> record) {
        try {
            java.util.concurrent.Future<?> sent = producer.send(record);
            producer.flush();
            sent.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not write to " + record.topic() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new ConnectException("Could not write to " + record.topic() + ": " + e, e);
        }
    }

    /**
     * Runs sink steps until the task has consumed everything written to its partitions so far (put, filtered or
     * skipped by error tolerance).
     *
     * @return the records handed to {@code put} during this call, in order
     * @throws ConnectException when a failure is not tolerated
     * @throws IllegalStateException if the task does not catch up within 10,000 steps (for example when it keeps
     *         refusing a batch with a retriable error: advance the clock past its {@code context.timeout})
     */
    public List<SinkRecord> runSink() {
        WorkerSinkTask sink = sinkTask();
        List<SinkRecord> put = new ArrayList<>();
        for (int i = 0; i < MAX_SINK_STEPS; i++) {
            put.addAll(sink.pollOnce());
            if (sink.isCaughtUp()) {
                putRecords.addAll(put);
                return put;
            }
        }
        putRecords.addAll(put);
        throw new IllegalStateException("Sink task did not catch up with its partitions within " + MAX_SINK_STEPS
                + " steps; records put so far: " + put.size());
    }

    /**
     * Runs one sink step: one poll without waiting, conversion, transformation, {@code put}.
     *
     * @return the records handed to {@code put} in this step
     */
    public List<SinkRecord> pollSink() {
        List<SinkRecord> put = sinkTask().pollOnce();
        putRecords.addAll(put);
        return put;
    }

    /** @return every record handed to {@code put} so far, in order */
    public List<SinkRecord> putRecords() {
        return Collections.unmodifiableList(putRecords);
    }

    /** @return the sink's committed offsets (next offset to consume per partition) */
    public Map<TopicPartition, Long> committedSinkOffsets() {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : sinkTask().lastCommitted().entrySet()) {
            result.put(e.getKey(), e.getValue().offset());
        }
        return result;
    }

    // ---- both --------------------------------------------------------------------------------------------------

    /**
     * Commits now: a source flushes the offsets of acknowledged records and calls the task's {@code commit()}; a
     * sink calls {@code preCommit} and commits the consumer offsets.
     */
    public void commit() {
        if (task instanceof WorkerSourceTask s) {
            s.commitOffsets();
        } else {
            sinkTask().commitOffsets();
        }
    }

    /**
     * Moves the clock (only with the default {@link MockTime}, or one given to the builder).
     *
     * @param duration how far
     * @throws IllegalStateException if the driver runs on another clock
     */
    public void advance(Duration duration) {
        if (!(time instanceof MockTime mock)) {
            throw new IllegalStateException("The driver runs on " + time + ", not a MockTime");
        }
        mock.advance(duration.toMillis());
    }

    /** @return the clock */
    public Time time() {
        return time;
    }

    /** @return the {@code bootstrap.servers} of the temporary log, for clients of the test's own */
    public String bootstrapServers() {
        return log.bootstrapServers();
    }

    /** @return the task's last reported state (RUNNING after a successful start) */
    public Status taskStatus() {
        return taskStatus;
    }

    /**
     * Reads a topic from the beginning to its current end, every partition, in partition then offset order.
     *
     * @param topic the topic
     * @return the records as bytes
     */
    public List<ConsumerRecord<byte[], byte[]>> readTopicRaw(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", log.bootstrapServers());
        props.put("enable.auto.commit", "false");
        props.put("client.id", "connector-test-driver-reader");
        List<ConsumerRecord<byte[], byte[]>> result = new ArrayList<>();
        try (RunnelConsumer<byte[], byte[]> consumer = new RunnelConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null) {
                return result;
            }
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            partitions.sort(java.util.Comparator.comparingInt(TopicPartition::partition));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
            partitions.forEach(tp -> byPartition.put(tp, new ArrayList<>()));
            for (int i = 0; i < MAX_SINK_STEPS && !caughtUp(consumer, ends); i++) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ZERO)) {
                    byPartition.get(new TopicPartition(r.topic(), r.partition())).add(r);
                }
            }
            byPartition.values().forEach(result::addAll);
        }
        return result;
    }

    private static boolean caughtUp(RunnelConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a topic (see {@link #readTopicRaw}) and converts each record back to Connect data with the connector's
     * converters: what a sink with the same converters would receive.
     *
     * @param topic the topic
     * @return the records; source partition and offset are null
     */
    public List<SourceRecord> readTopic(String topic) {
        List<SourceRecord> result = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readTopicRaw(topic)) {
            SchemaAndValue key = converters.key().toConnectData(topic, r.headers(), r.key());
            SchemaAndValue value = converters.value().toConnectData(topic, r.headers(), r.value());
            ConnectHeaders headers = new ConnectHeaders();
            r.headers().forEach(h -> headers.add(h.key(), converters.header().toConnectHeader(topic, h.key(),
                    h.value())));
            result.add(new SourceRecord(null, null, topic, r.partition(), key.schema(), key.value(), value.schema(),
                    value.value(), r.timestamp() < 0 ? null : r.timestamp(), headers));
        }
        return result;
    }

    /**
     * @return the dead-letter queue topic's records (empty when none is configured or nothing failed)
     */
    public List<ConsumerRecord<byte[], byte[]>> deadLetterQueue() {
        String topic = parsed.errorHandlingConfig().dlqTopic();
        return topic == null || topic.isEmpty() ? List.of() : readTopicRaw(topic);
    }

    /**
     * Stops the task (committing first), the connector and the log, and deletes a temporary directory.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            task.closeOnCallerThread(true);
            connector.stop();
        } finally {
            converters.close();
            producer.close();
            admin.close();
            worker.close();
            log.close();
            deleteQuietly();
        }
    }

    private void deleteQuietly() {
        if (!deleteDirectory) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a test for.
        }
    }

    private final class Listener implements StatusListener {
        @Override
        public void onConnectorState(String connector, Status.State state, Throwable error) {
        }

        @Override
        public void onTaskState(ConnectorTaskId id, Status.State state, Throwable error) {
            taskStatus = Status.of(state, error, "connector-test-driver");
        }
    }

    private static class SinkContext implements SinkConnectorContext {
        @Override
        public void requestTaskReconfiguration() {
        }

        @Override
        public void raiseError(Exception e) {
            throw new ConnectException("Connector raised an error", e);
        }
    }

    private static final class SourceContext extends SinkContext implements SourceConnectorContext {
        private final OffsetStorageReader reader;

        SourceContext(OffsetStorageReader reader) {
            this.reader = reader;
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return reader;
        }
    }

    @Override
    public String toString() {
        return "ConnectorTestDriver{" + name() + ", log=" + directory + "}";
    }
}
