package io.runnel.streams;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.common.header.Headers;
import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.common.serialization.ByteArraySerializer;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.MockTime;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.internals.DefaultRunnelClientSupplier;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;
import io.runnel.streams.processor.internals.StreamTask;
import io.runnel.streams.processor.internals.StreamThread;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.QueryableStoreType;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.ReadOnlySessionStore;
import io.runnel.streams.state.ReadOnlyWindowStore;
import io.runnel.streams.state.SessionStore;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.TimestampedWindowStore;
import io.runnel.streams.state.ValueAndTimestamp;
import io.runnel.streams.state.WindowStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/*
 * Design: the real runtime, stepped.
 *
 * Kafka's TopologyTestDriver re-implements a task around a mock producer: one partition, no consumer, no commits,
 * and behaviour that drifts from production. This driver opens a temporary embedded log on a MockTime, creates the
 * topology's topics with the requested partition count, and starts a RunnelStreams instance in stepping mode: one
 * StreamThread owning every task (a static assignment instead of the group), polled with zero timeouts, plus the
 * global thread. Piping a record produces it to the log and then steps the runtime until every input partition
 * (source and repartition topics) has been consumed up to its end offset and the thread's producer has flushed:
 * what the test reads afterwards is exactly what the runtime wrote. Commits, punctuations and store flushes follow
 * the mock clock, so advanceWallClockTime fires wall-clock punctuations and commits as production would.
 */
/**
 * Runs a topology for unit tests (Kafka's {@code TopologyTestDriver}, on the real runtime): create it with a
 * topology and configuration, create input and output topics, pipe records, read results and stores, advance the
 * wall clock. Everything runs on the calling thread; close the driver at the end of each test.
 *
 * <pre>{@code
 * try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
 *     TestInputTopic<String, String> in = driver.createInputTopic("input", new StringSerializer(),
 *             new StringSerializer());
 *     TestOutputTopic<String, String> out = driver.createOutputTopic("output", new StringDeserializer(),
 *             new StringDeserializer());
 *     in.pipeInput("k", "a long value");
 *     assertThat(out.readValue()).isEqualTo("a long value");
 * }
 * }</pre>
 *
 * <p>Defaults: {@code application.id} "topology-test-driver" and a temporary {@code state.dir} unless given;
 * {@code bootstrap.servers} is always the driver's temporary log. Topics the topology reads or writes are created
 * with one partition unless the constructor asks for more. Pattern sources need their topics to exist when the
 * driver starts, so they are not supported. Not thread-safe.
 */
public class TopologyTestDriver implements AutoCloseable {

    private static final int MAX_STEPS = 100_000;

    private final Path root;
    private final MockTime time;
    private final EmbeddedLog log;
    private final Admin admin;
    private final RunnelStreams runtime;
    private final InternalTopologyBuilder builder;
    private final RunnelProducer<byte[], byte[]> producer;
    private final int partitions;
    private final Set<String> inputTopics = new HashSet<>();
    private final Map<String, OutputReader> outputs = new HashMap<>();
    private boolean closed;

    /**
     * @param topology the topology
     */
    public TopologyTestDriver(Topology topology) {
        this(topology, new Properties());
    }

    /**
     * @param topology the topology
     * @param config   the application configuration
     */
    public TopologyTestDriver(Topology topology, Properties config) {
        this(topology, config, Instant.now(), 1);
    }

    /**
     * @param topology             the topology
     * @param initialWallClockTime the mock clock's start
     */
    public TopologyTestDriver(Topology topology, Instant initialWallClockTime) {
        this(topology, new Properties(), initialWallClockTime, 1);
    }

    /**
     * @param topology             the topology
     * @param config               the application configuration
     * @param initialWallClockTime the mock clock's start
     */
    public TopologyTestDriver(Topology topology, Properties config, Instant initialWallClockTime) {
        this(topology, config, initialWallClockTime, 1);
    }

    /**
     * Runnel's addition: several partitions per topic, so the test runs several tasks per sub-topology, as
     * production does.
     *
     * @param topology             the topology
     * @param config               the application configuration
     * @param initialWallClockTime the mock clock's start
     * @param partitions           partitions of every topic the driver creates, at least 1
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     * @throws StreamsException         if the topology cannot start (the message says why)
     */
    public TopologyTestDriver(Topology topology, Properties config, Instant initialWallClockTime, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        this.partitions = partitions;
        this.builder = topology.internalTopologyBuilder;
        try {
            this.root = Files.createTempDirectory("runnel-topology-test-driver");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the driver's temporary directory", e);
        }
        this.time = new MockTime(0, initialWallClockTime.toEpochMilli(), System.nanoTime());
        Map<String, Object> broker = new HashMap<>();
        broker.put("num.partitions", partitions);
        broker.put("group.initial.rebalance.delay.ms", 0);
        this.log = EmbeddedLog.open(root.resolve("log"), broker, time);
        Map<String, Object> props = new HashMap<>();
        config.forEach((k, v) -> props.put(String.valueOf(k), v));
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-driver");
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, root.resolve("state").toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrapServers());
        StreamsConfig streamsConfig = new StreamsConfig(props);
        Admin a = null;
        RunnelProducer<byte[], byte[]> p = null;
        RunnelStreams rt = null;
        try {
            a = Admin.create(Map.of("bootstrap.servers", log.bootstrapServers(), "client.id", "test-driver-admin"));
            builder.setApplicationId(streamsConfig.applicationId());
            createTopics(a);
            Map<String, Object> producerProps = new HashMap<>();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrapServers());
            producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "test-driver-producer");
            producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            p = new RunnelProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
            rt = new RunnelStreams(topology, streamsConfig, new DefaultRunnelClientSupplier(), time);
            rt.startStepping(true);
        } catch (RuntimeException e) {
            if (rt != null) {
                rt.close();
            }
            if (p != null) {
                p.close();
            }
            if (a != null) {
                a.close();
            }
            log.close();
            deleteQuietly(root);
            throw e;
        }
        this.admin = a;
        this.producer = p;
        this.runtime = rt;
        processAll();
    }

    private void createTopics(Admin a) {
        Set<String> internal = builder.internalTopics().keySet();
        Set<String> topics = new TreeSet<>();
        builder.subtopologyTopics().values().forEach(info -> {
            info.sourceTopics().stream().filter(t -> !internal.contains(t)).forEach(t -> {
                topics.add(t);
                inputTopics.add(t);
            });
            info.sinkTopics().stream().filter(t -> !internal.contains(t)).forEach(topics::add);
        });
        topics.addAll(builder.globalTopics());
        inputTopics.addAll(builder.globalTopics());
        List<NewTopic> newTopics = new ArrayList<>();
        for (String t : topics) {
            newTopics.add(new NewTopic(t, partitions, (short) 1));
        }
        if (!newTopics.isEmpty()) {
            try {
                a.createTopics(newTopics).all().get();
            } catch (ExecutionException e) {
                throw new StreamsException("The test driver could not create topics " + topics + ": " + e.getCause(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamsException("Interrupted", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ topics

    /**
     * @param <K>             the key type
     * @param <V>             the value type
     * @param topicName       a topic the topology reads
     * @param keySerializer   serializes keys
     * @param valueSerializer serializes values
     * @return the input topic; its current time starts at the driver's wall-clock time and does not advance
     */
    public final <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
                                                              Serializer<V> valueSerializer) {
        return new TestInputTopic<>(this, topicName, keySerializer, valueSerializer,
                Instant.ofEpochMilli(time.milliseconds()), Duration.ZERO);
    }

    /**
     * @param <K>             the key type
     * @param <V>             the value type
     * @param topicName       a topic the topology reads
     * @param keySerializer   serializes keys
     * @param valueSerializer serializes values
     * @param startTimestamp  the time of the first record piped without one
     * @param autoAdvance     added to the topic's time after each such record
     * @return the input topic
     */
    public final <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
                                                              Serializer<V> valueSerializer, Instant startTimestamp,
                                                              Duration autoAdvance) {
        return new TestInputTopic<>(this, topicName, keySerializer, valueSerializer, startTimestamp, autoAdvance);
    }

    /**
     * @param <K>               the key type
     * @param <V>               the value type
     * @param topicName         a topic the topology writes
     * @param keyDeserializer   deserializes keys
     * @param valueDeserializer deserializes values
     * @return the output topic
     */
    public final <K, V> TestOutputTopic<K, V> createOutputTopic(String topicName, Deserializer<K> keyDeserializer,
                                                                Deserializer<V> valueDeserializer) {
        return new TestOutputTopic<>(this, topicName, keyDeserializer, valueDeserializer);
    }

    /** @return the topics the topology has written records to */
    public final Set<String> producedTopicNames() {
        Set<String> names = new TreeSet<>();
        Set<String> internal = builder.internalTopics().keySet();
        builder.subtopologyTopics().values().forEach(info -> info.sinkTopics().forEach(t -> {
            if (!internal.contains(t) && endOffsetSum(t) > 0) {
                names.add(t);
            }
        }));
        return names;
    }

    private long endOffsetSum(String topic) {
        long sum = 0;
        for (long v : endOffsets(partitionsOf(topic)).values()) {
            sum += v;
        }
        return sum;
    }

    <K, V> void pipe(String topic, K key, V value, Headers headers, long timestamp, Serializer<K> keySerializer,
                     Serializer<V> valueSerializer, boolean process) {
        ensureOpen();
        if (!inputTopics.contains(topic)) {
            throw new IllegalArgumentException("Unknown topic: " + topic + ". The topology reads " + inputTopics);
        }
        byte[] k = keySerializer.serialize(topic, headers, key);
        byte[] v = valueSerializer.serialize(topic, headers, value);
        try {
            producer.send(new ProducerRecord<>(topic, null, timestamp, k, v, headers)).get();
        } catch (ExecutionException e) {
            throw new StreamsException("The test driver could not write to " + topic + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted", e);
        }
        if (process) {
            processAll();
        }
    }

    /**
     * Steps the runtime until every input partition (source, repartition and global topics) is consumed to its end
     * and the output is flushed.
     */
    void processAll() {
        ensureOpen();
        StreamThread thread = runtime.streamThreads().isEmpty() ? null : runtime.streamThreads().get(0);
        for (int step = 0; step < MAX_STEPS; step++) {
            runtime.step();
            if (caughtUp()) {
                if (thread != null) {
                    thread.flushOutput();
                }
                if (caughtUp()) {
                    return;
                }
            }
        }
        throw new StreamsException("The topology did not consume all its input after " + MAX_STEPS + " steps; a"
                + " task may be waiting (max.task.idle.ms) or stuck");
    }

    private boolean caughtUp() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        Set<TopicPartition> inputs = new HashSet<>();
        for (StreamTask task : runtime.tasks().values()) {
            if (task.state() != StreamTask.State.RUNNING) {
                return false;
            }
            inputs.addAll(task.inputPartitions());
            positions.putAll(task.consumedPositions());
        }
        Map<TopicPartition, Long> global = runtime.globalPositions();
        inputs.addAll(global.keySet());
        positions.putAll(global);
        if (inputs.isEmpty()) {
            return true;
        }
        Map<TopicPartition, Long> ends = endOffsets(inputs);
        for (TopicPartition tp : inputs) {
            if (positions.getOrDefault(tp, 0L) < ends.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> result = new HashMap<>();
        try {
            admin.listOffsets(request).all().get().forEach((tp, info) -> result.put(tp, info.offset()));
        } catch (ExecutionException e) {
            throw new StreamsException("The test driver could not read end offsets: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted", e);
        }
        return result;
    }

    private Set<TopicPartition> partitionsOf(String topic) {
        try {
            int n = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Set<TopicPartition> result = new HashSet<>();
            for (int p = 0; p < n; p++) {
                result.add(new TopicPartition(topic, p));
            }
            return result;
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("Unknown topic: " + topic + " (" + e.getCause().getMessage() + ")",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ outputs

    <K, V> TestRecord<K, V> readRecord(String topic, Deserializer<K> keyDeserializer,
                                       Deserializer<V> valueDeserializer) {
        OutputReader reader = reader(topic);
        reader.fetch();
        ConsumerRecord<byte[], byte[]> r = reader.queue.pollFirst();
        if (r == null) {
            return null;
        }
        K key = keyDeserializer.deserialize(topic, r.headers(), r.key());
        V value = valueDeserializer.deserialize(topic, r.headers(), r.value());
        return new TestRecord<>(key, value, r.headers(), Instant.ofEpochMilli(r.timestamp()));
    }

    long queueSize(String topic) {
        OutputReader reader = reader(topic);
        reader.fetch();
        return reader.queue.size();
    }

    private OutputReader reader(String topic) {
        ensureOpen();
        return outputs.computeIfAbsent(topic, OutputReader::new);
    }

    private final class OutputReader {
        final String topic;
        final RunnelConsumer<byte[], byte[]> consumer;
        final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = new ArrayDeque<>();
        final Set<TopicPartition> assigned;

        OutputReader(String topic) {
            this.topic = topic;
            this.assigned = partitionsOf(topic);
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrapServers());
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "test-driver-reader-" + topic);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            this.consumer = new RunnelConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
        }

        void fetch() {
            Map<TopicPartition, Long> ends = endOffsets(assigned);
            List<ConsumerRecord<byte[], byte[]>> fresh = new ArrayList<>();
            for (int i = 0; i < MAX_STEPS && !reached(ends); i++) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ZERO);
                records.forEach(fresh::add);
            }
            // each partition in offset order; partitions merged by the timestamp of their next record
            Map<Integer, ArrayDeque<ConsumerRecord<byte[], byte[]>>> byPartition = new java.util.TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> r : fresh) {
                byPartition.computeIfAbsent(r.partition(), p -> new ArrayDeque<>()).add(r);
            }
            while (!byPartition.isEmpty()) {
                ArrayDeque<ConsumerRecord<byte[], byte[]>> next = null;
                for (ArrayDeque<ConsumerRecord<byte[], byte[]>> q : byPartition.values()) {
                    if (next == null || q.peekFirst().timestamp() < next.peekFirst().timestamp()) {
                        next = q;
                    }
                }
                queue.add(next.pollFirst());
                byPartition.values().removeIf(ArrayDeque::isEmpty);
            }
        }

        private boolean reached(Map<TopicPartition, Long> ends) {
            for (TopicPartition tp : assigned) {
                if (consumer.position(tp) < ends.getOrDefault(tp, 0L)) {
                    return false;
                }
            }
            return true;
        }
    }

    // ------------------------------------------------------------------------------------------------ time

    /**
     * Advances the mock wall clock, then runs what became due: wall-clock punctuations and commits.
     *
     * @param advance how far; not negative
     */
    public void advanceWallClockTime(Duration advance) {
        ensureOpen();
        if (advance.isNegative()) {
            throw new IllegalArgumentException("advance must be positive or zero, got " + advance);
        }
        time.advance(advance.toMillis());
        processAll();
    }

    // ------------------------------------------------------------------------------------------------ stores

    /** @return every store of the topology (see {@link #getStateStore}) by name */
    public Map<String, StateStore> getAllStateStores() {
        Map<String, StateStore> all = new LinkedHashMap<>();
        for (String name : builder.stateStoreNames()) {
            all.put(name, getStateStore(name));
        }
        for (String name : builder.globalStateStoreNames()) {
            all.put(name, getStateStore(name));
        }
        return all;
    }

    /**
     * A store by name: with one partition (or a global store) the store itself, writable as Kafka's driver
     * allows; with several partitions a read-only view across the tasks (writes throw
     * {@link UnsupportedOperationException}).
     *
     * @param name a store name
     * @return the store, or null if the topology has none of that name
     */
    public StateStore getStateStore(String name) {
        ensureOpen();
        StateStore global = runtime.globalStore(name);
        if (global != null) {
            return global;
        }
        List<StateStore> instances = new ArrayList<>();
        for (StreamTask task : runtime.tasks().values()) {
            if (task.state() == StreamTask.State.RUNNING && task.topology().stores().containsKey(name)) {
                instances.add(task.stateManager().store(name));
            }
        }
        if (instances.isEmpty()) {
            return null;
        }
        if (instances.size() == 1) {
            return instances.get(0);
        }
        StateStore first = instances.get(0);
        if (first instanceof TimestampedKeyValueStore<?, ?>) {
            return readOnly(TimestampedKeyValueStore.class, QueryableStoreTypes.timestampedKeyValueStore(), first);
        } else if (first instanceof KeyValueStore<?, ?>) {
            return readOnly(KeyValueStore.class, QueryableStoreTypes.keyValueStore(), first);
        } else if (first instanceof TimestampedWindowStore<?, ?>) {
            return readOnly(TimestampedWindowStore.class, QueryableStoreTypes.timestampedWindowStore(), first);
        } else if (first instanceof WindowStore<?, ?>) {
            return readOnly(WindowStore.class, QueryableStoreTypes.windowStore(), first);
        } else if (first instanceof SessionStore<?, ?>) {
            return readOnly(SessionStore.class, QueryableStoreTypes.sessionStore(), first);
        }
        throw new UnsupportedOperationException("Store " + name + " of type " + first.getClass().getName()
                + " is spread over " + instances.size() + " partitions; use one partition to reach it directly");
    }

    private StateStore readOnly(Class<?> type, QueryableStoreType<?> queryType, StateStore first) {
        Object view = runtime.store(StoreQueryParameters.fromNameAndType(first.name(), queryType));
        return (StateStore) Proxy.newProxyInstance(TopologyTestDriver.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    String m = method.getName();
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (m) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "ReadOnlyView(" + first.name() + ")";
                        };
                    }
                    switch (m) {
                        case "name":
                            return first.name();
                        case "persistent":
                            return first.persistent();
                        case "isOpen":
                            return true;
                        default:
                            break;
                    }
                    Class<?> declaring = method.getDeclaringClass();
                    if (declaring == ReadOnlyKeyValueStore.class || declaring == ReadOnlyWindowStore.class
                            || declaring == ReadOnlySessionStore.class) {
                        try {
                            return method.invoke(view, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    throw new UnsupportedOperationException("Store " + first.name() + " is spread over " + partitions
                            + " partitions in this driver: it can only be read here (" + m + " is not allowed);"
                            + " write through input topics, or run the driver with one partition");
                });
    }

    /**
     * @param <K>  the key type
     * @param <V>  the value type
     * @param name a key-value store
     * @return the store (see {@link #getStateStore}); for a timestamped store, a view of its plain values
     *         (read-only); null if there is no key-value store of that name
     */
    @SuppressWarnings("unchecked") // the caller names the store's types, as in Kafka
    public <K, V> KeyValueStore<K, V> getKeyValueStore(String name) {
        StateStore store = getStateStore(name);
        if (store instanceof TimestampedKeyValueStore<?, ?> ts) {
            KeyValueStore<K, ValueAndTimestamp<V>> typed = (KeyValueStore<K, ValueAndTimestamp<V>>) ts;
            return (KeyValueStore<K, V>) Proxy.newProxyInstance(TopologyTestDriver.class.getClassLoader(),
                    new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return method.getName().equals("equals") ? proxy == args[0]
                                    : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                    : "KeyValueView(" + name + ")";
                        }
                        switch (method.getName()) {
                            case "get":
                                return ValueAndTimestamp.getValueOrNull(typed.get((K) args[0]));
                            case "name":
                                return typed.name();
                            case "persistent":
                                return typed.persistent();
                            case "isOpen":
                                return typed.isOpen();
                            case "approximateNumEntries":
                                return typed.approximateNumEntries();
                            case "all":
                                return unwrap(typed.all());
                            case "range":
                                return unwrap(typed.range((K) args[0], (K) args[1]));
                            default:
                                throw new UnsupportedOperationException("The plain view of timestamped store " + name
                                        + " supports get, all and range; use getTimestampedKeyValueStore for "
                                        + method.getName());
                        }
                    });
        }
        return store instanceof KeyValueStore<?, ?> kv ? (KeyValueStore<K, V>) kv : null;
    }

    private static <K, V> io.runnel.streams.state.KeyValueIterator<K, V> unwrap(
            io.runnel.streams.state.KeyValueIterator<K, ValueAndTimestamp<V>> it) {
        List<KeyValue<K, V>> list = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> list.add(KeyValue.pair(kv.key, ValueAndTimestamp.getValueOrNull(kv.value))));
        }
        return new io.runnel.streams.processor.internals.query.ListKeyValueIterator<>(list);
    }

    /**
     * @param <K>  the key type
     * @param <V>  the value type
     * @param name a timestamped key-value store
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types
    public <K, V> KeyValueStore<K, ValueAndTimestamp<V>> getTimestampedKeyValueStore(String name) {
        StateStore store = getStateStore(name);
        return store instanceof TimestampedKeyValueStore<?, ?> ts ? (KeyValueStore<K, ValueAndTimestamp<V>>) ts
                : null;
    }

    /**
     * @param <K>  the key type
     * @param <V>  the value type
     * @param name a window store (plain, not timestamped)
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types
    public <K, V> WindowStore<K, V> getWindowStore(String name) {
        StateStore store = getStateStore(name);
        return store instanceof WindowStore<?, ?> ws && !(store instanceof TimestampedWindowStore<?, ?>)
                ? (WindowStore<K, V>) ws : null;
    }

    /**
     * @param <K>  the key type
     * @param <V>  the value type
     * @param name a timestamped window store
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types
    public <K, V> WindowStore<K, ValueAndTimestamp<V>> getTimestampedWindowStore(String name) {
        StateStore store = getStateStore(name);
        return store instanceof TimestampedWindowStore<?, ?> ws ? (WindowStore<K, ValueAndTimestamp<V>>) ws : null;
    }

    /**
     * @param <K>  the key type
     * @param <V>  the aggregate type
     * @param name a session store
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types
    public <K, V> SessionStore<K, V> getSessionStore(String name) {
        StateStore store = getStateStore(name);
        return store instanceof SessionStore<?, ?> ss ? (SessionStore<K, V>) ss : null;
    }

    // ------------------------------------------------------------------------------------------------ close

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The TopologyTestDriver is closed");
        }
    }

    /** Closes the runtime (committing, closing stores), the log, and deletes the temporary directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            runtime.close();
        } finally {
            outputs.values().forEach(r -> r.consumer.close());
            producer.close();
            admin.close();
            log.close();
            deleteQuietly(root);
        }
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
