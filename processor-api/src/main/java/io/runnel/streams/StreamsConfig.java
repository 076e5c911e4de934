package io.runnel.streams;

import io.runnel.clients.CommonClientConfigs;
import io.runnel.clients.admin.AdminClientConfig;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;
import io.runnel.common.config.ConfigDef.ValidString;
import io.runnel.common.config.ConfigException;
import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.common.serialization.ByteArraySerializer;
import io.runnel.common.serialization.Serde;
import io.runnel.streams.errors.DefaultProductionExceptionHandler;
import io.runnel.streams.errors.DeserializationExceptionHandler;
import io.runnel.streams.errors.LogAndFailExceptionHandler;
import io.runnel.streams.errors.LogAndFailProcessingExceptionHandler;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.ProductionExceptionHandler;
import io.runnel.streams.processor.FailOnInvalidTimestamp;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.state.StateStoreConfig;

import java.io.File;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration of a Streams application, with Kafka's names and defaults ({@code StreamsConfig}). Parsed once
 * when the application instance is created; every bad setting is reported at once in one {@link ConfigException}.
 *
 * <h2>Client settings</h2>
 * The runtime creates, per stream thread, a main consumer (group {@code application.id}), a restore consumer and a
 * producer, plus one admin client and (with global stores) a global consumer per instance. Each gets, in increasing
 * priority: the unprefixed settings its client knows ({@code bootstrap.servers}, {@code max.poll.interval.ms}, ...);
 * the settings prefixed {@code consumer.}, {@code producer.} or {@code admin.}; for consumers, those prefixed
 * {@code main.consumer.}, {@code restore.consumer.} or {@code global.consumer.}; then what the runtime must enforce
 * ({@code group.id}, {@code enable.auto.commit=false}, byte-array (de)serializers, the Streams assignor). Internal
 * topics (changelogs, repartition topics) get the settings prefixed {@code topic.}.
 *
 * <p>Immutable and thread-safe.
 */
public class StreamsConfig extends AbstractConfig {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamsConfig.class);

    /** The application's id: consumer group id, prefix of internal topics and the state directory's name. */
    public static final String APPLICATION_ID_CONFIG = "application.id";
    /** Where the log is: {@code file:///dir} for the embedded log. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /** Prefix of the clients' ids; default {@code <application.id>-<process id>}. */
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    /** Stream threads per instance. */
    public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
    /** Serde class of keys when none is given to a source, sink or store. */
    public static final String DEFAULT_KEY_SERDE_CLASS_CONFIG = "default.key.serde";
    /** Serde class of values when none is given. */
    public static final String DEFAULT_VALUE_SERDE_CLASS_CONFIG = "default.value.serde";
    /** Timestamp extractor class of sources that name none. */
    public static final String DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG = "default.timestamp.extractor";
    /** Period of commits, in ms. */
    public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
    /** Root of the state directories. */
    public static final String STATE_DIR_CONFIG = "state.dir";
    /** Record cache of the instance, in bytes (from the state module). */
    public static final String STATESTORE_CACHE_MAX_BYTES_CONFIG = StateStoreConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG;
    /** {@code at_least_once}, or {@code exactly_once_v2} (not supported yet). */
    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    /** At-least-once processing: the default. */
    public static final String AT_LEAST_ONCE = "at_least_once";
    /** Exactly-once processing with transactions: rejected until the log has transactions. */
    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
    /** Handler class of deserialization failures. */
    public static final String DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG =
            "default.deserialization.exception.handler";
    /** Handler class of production failures. */
    public static final String DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG =
            "default.production.exception.handler";
    /** Handler class of processing failures (KIP-1033). */
    public static final String PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG = "processing.exception.handler";
    /** How long a task waits for data on an empty input partition before processing the others, in ms. */
    public static final String MAX_TASK_IDLE_MS_CONFIG = "max.task.idle.ms";
    /** {@link #MAX_TASK_IDLE_MS_CONFIG} value that never waits, even for partitions not fetched yet. */
    public static final long MAX_TASK_IDLE_MS_DISABLED = -1L;
    /**
     * Runnel's addition: the most, in ms of event time, that a task's next record may be ahead of the slowest task
     * of the same application instance (over all its stream threads) that has buffered records; a task further
     * ahead waits. Keeps the upstream tasks of a repartition in step when a backlog is replayed, so that a windowed
     * aggregation after it does not drop the slower tasks' records as later than the grace period. -1 (the
     * default) disables it, as in Kafka Streams.
     */
    public static final String MAX_TASK_TIME_SKEW_MS_CONFIG = "max.task.time.skew.ms";
    /** Replication factor of internal topics: -1 (the log's default) or 1. */
    public static final String REPLICATION_FACTOR_CONFIG = "replication.factor";
    /** How long a poll blocks when the thread has nothing buffered, in ms. */
    public static final String POLL_MS_CONFIG = "poll.ms";
    /** Records buffered per input partition before it is paused. */
    public static final String BUFFERED_RECORDS_PER_PARTITION_CONFIG = "buffered.records.per.partition";
    /** Topology optimizations the DSL applies: {@code none} or {@code all} (or a list of named ones). */
    public static final String TOPOLOGY_OPTIMIZATION_CONFIG = "topology.optimization";
    /** {@link #TOPOLOGY_OPTIMIZATION_CONFIG}: no optimization. */
    public static final String NO_OPTIMIZATION = "none";
    /** {@link #TOPOLOGY_OPTIMIZATION_CONFIG}: every optimization. */
    public static final String OPTIMIZE = "all";
    /** {@link #TOPOLOGY_OPTIMIZATION_CONFIG}: reuse a KTable's source topic as its changelog. */
    public static final String REUSE_KTABLE_SOURCE_TOPICS = "reuse.ktable.source.topics";
    /** {@link #TOPOLOGY_OPTIMIZATION_CONFIG}: merge repartition topics of the same key change. */
    public static final String MERGE_REPARTITION_TOPICS = "merge.repartition.topics";
    /** {@link #TOPOLOGY_OPTIMIZATION_CONFIG}: one store for a self-join. */
    public static final String SINGLE_STORE_SELF_JOIN = "single.store.self.join";
    /** Store type of DSL operators that do not name one: {@code rocksDB} or {@code in_memory}. */
    public static final String DEFAULT_DSL_STORE_CONFIG = "default.dsl.store";
    /** {@link #DEFAULT_DSL_STORE_CONFIG}: RocksDB. */
    public static final String ROCKS_DB = "rocksDB";
    /** {@link #DEFAULT_DSL_STORE_CONFIG}: in memory. */
    public static final String IN_MEMORY = "in_memory";
    /** Standby replicas per stateful task: only 0 is supported. */
    public static final String NUM_STANDBY_REPLICAS_CONFIG = "num.standby.replicas";
    /** Changelog lag (records) up to which an instance counts as caught up for a stateful task. */
    public static final String ACCEPTABLE_RECOVERY_LAG_CONFIG = "acceptable.recovery.lag";
    /** Period (ms) of deleting consumed records from repartition topics. */
    public static final String REPARTITION_PURGE_INTERVAL_MS_CONFIG = "repartition.purge.interval.ms";
    /** Age (ms) after which the state directory of a task this instance does not own is deleted. */
    public static final String STATE_CLEANUP_DELAY_MS_CONFIG = "state.cleanup.delay.ms";

    /** Prefix of settings for every consumer. */
    public static final String CONSUMER_PREFIX = "consumer.";
    /** Prefix of settings for the main consumers only. */
    public static final String MAIN_CONSUMER_PREFIX = "main.consumer.";
    /** Prefix of settings for the restore consumers only. */
    public static final String RESTORE_CONSUMER_PREFIX = "restore.consumer.";
    /** Prefix of settings for the global consumer only. */
    public static final String GLOBAL_CONSUMER_PREFIX = "global.consumer.";
    /** Prefix of producer settings. */
    public static final String PRODUCER_PREFIX = "producer.";
    /** Prefix of admin client settings. */
    public static final String ADMIN_CLIENT_PREFIX = "admin.";
    /** Prefix of internal topic settings (for example {@code topic.segment.bytes}). */
    public static final String TOPIC_PREFIX = "topic.";

    private static final Pattern LEGAL_ID = Pattern.compile("[a-zA-Z0-9._-]+");

    private static final ConfigDef CONFIG = defineAll();

    private static ConfigDef defineAll() {
        ConfigDef def = new ConfigDef(StateStoreConfig.CONFIG_DEF);
        def.define(APPLICATION_ID_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> {
                    String id = (String) value;
                    if (id == null || !LEGAL_ID.matcher(id).matches() || id.length() > 200) {
                        throw new ConfigException(name + "='" + id + "' is invalid: use 1 to 200 of [a-zA-Z0-9._-]"
                                + " (it names the consumer group, the internal topics and the state directory)");
                    }
                }, Importance.HIGH,
                "Identifier of the application: group id of its consumers, prefix of its internal topics"
                        + " (<application.id>-<store>-changelog, <application.id>-<name>-repartition) and name of its"
                        + " state directory. Instances of one application share it.")
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Where the log is: file:///path for the embedded log in that directory.")
            .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.MEDIUM,
                    "Prefix of the ids of the clients the runtime creates; default <application.id>-<process id>.")
            .define(NUM_STREAM_THREADS_CONFIG, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                    "Number of stream threads of this instance.")
            .define(DEFAULT_KEY_SERDE_CLASS_CONFIG, Type.CLASS, null, Importance.MEDIUM,
                    "Serde class of keys of sources, sinks and stores given none.")
            .define(DEFAULT_VALUE_SERDE_CLASS_CONFIG, Type.CLASS, null, Importance.MEDIUM,
                    "Serde class of values of sources, sinks and stores given none.")
            .define(DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, Type.CLASS, FailOnInvalidTimestamp.class,
                    Importance.MEDIUM, "TimestampExtractor of sources given none.")
            .define(COMMIT_INTERVAL_MS_CONFIG, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                    "Period in ms of commits (stores flushed, output flushed, offsets committed, checkpoints"
                            + " written).")
            .define(STATE_DIR_CONFIG, Type.STRING,
                    System.getProperty("java.io.tmpdir") + File.separator + "runnel-streams", Importance.HIGH,
                    "Root directory of state stores: <state.dir>/<application.id>/<task>.")
            .define(PROCESSING_GUARANTEE_CONFIG, Type.STRING, AT_LEAST_ONCE, (name, value) -> {
                    if (EXACTLY_ONCE_V2.equals(value)) {
                        throw new ConfigException(name + "=" + EXACTLY_ONCE_V2 + " is not supported by Runnel yet:"
                                + " it needs log transactions, which do not exist yet. Use " + AT_LEAST_ONCE
                                + " (records since the last commit may be processed again after a failure).");
                    }
                    ValidString.in(AT_LEAST_ONCE).ensureValid(name, value);
                }, Importance.MEDIUM, "Processing guarantee: at_least_once (exactly_once_v2 is not supported yet).")
            .define(DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS,
                    LogAndFailExceptionHandler.class, Importance.MEDIUM,
                    "DeserializationExceptionHandler: LogAndFailExceptionHandler or LogAndContinueExceptionHandler.")
            .define(DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS,
                    DefaultProductionExceptionHandler.class, Importance.MEDIUM, "ProductionExceptionHandler.")
            .define(PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS, LogAndFailProcessingExceptionHandler.class,
                    Importance.MEDIUM, "ProcessingExceptionHandler.")
            .define(MAX_TASK_IDLE_MS_CONFIG, Type.LONG, 0L, Range.atLeast(-1), Importance.MEDIUM,
                    "How long in ms a task whose other input partitions have data waits for an empty partition"
                            + " before processing out of timestamp order; -1 never waits.")
            .define(MAX_TASK_TIME_SKEW_MS_CONFIG, Type.LONG, -1L, Range.atLeast(-1), Importance.LOW,
                    "Runnel's addition: how far in ms of event time a task's next record may be ahead of the slowest"
                            + " task of the instance with buffered records before it waits; -1 disables.")
            .define(REPLICATION_FACTOR_CONFIG, Type.INT, -1, (name, value) -> {
                    int rf = (Integer) value;
                    if (rf != -1 && rf != 1) {
                        throw new ConfigException(name + "=" + rf + " is not supported: internal topics have one"
                                + " replica until replication exists; use -1 (the log's default) or 1");
                    }
                }, Importance.LOW, "Replication factor of internal topics: -1 or 1.")
            .define(POLL_MS_CONFIG, Type.LONG, 100L, Range.atLeast(0), Importance.LOW,
                    "How long in ms a poll waits for records when nothing is buffered.")
            .define(BUFFERED_RECORDS_PER_PARTITION_CONFIG, Type.INT, 1000, Range.atLeast(1), Importance.LOW,
                    "Records buffered per input partition; a full partition is paused.")
            .define(TOPOLOGY_OPTIMIZATION_CONFIG, Type.LIST, NO_OPTIMIZATION,
                    ConfigDef.ValidList.in(NO_OPTIMIZATION, OPTIMIZE, REUSE_KTABLE_SOURCE_TOPICS,
                            MERGE_REPARTITION_TOPICS, SINGLE_STORE_SELF_JOIN), Importance.MEDIUM,
                    "Optimizations the DSL applies when it builds the topology.")
            .define(DEFAULT_DSL_STORE_CONFIG, Type.STRING, ROCKS_DB, ValidString.in(ROCKS_DB, IN_MEMORY),
                    Importance.LOW, "Store type of DSL operators that do not name one.")
            .define(NUM_STANDBY_REPLICAS_CONFIG, Type.INT, 0, (name, value) -> {
                    if ((Integer) value != 0) {
                        throw new ConfigException(name + "=" + value + " is not supported by Runnel yet: standby"
                                + " tasks do not exist; use 0 (a moved stateful task restores from its changelog)");
                    }
                }, Importance.LOW, "Standby replicas per stateful task: 0.")
            .define(ACCEPTABLE_RECOVERY_LAG_CONFIG, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
                    "Changelog records an instance may lag behind and still count as caught up for a stateful task"
                            + " when tasks are assigned.")
            .define(REPARTITION_PURGE_INTERVAL_MS_CONFIG, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                    "Period in ms of deleting committed records from repartition topics.")
            .define(STATE_CLEANUP_DELAY_MS_CONFIG, Type.LONG, 600_000L, Range.atLeast(0), Importance.LOW,
                    "Age in ms after which the state directory of a task this instance no longer owns is deleted"
                            + " (checked at startup and at every rebalance).");
        def.defineUnsupported("application.server", "interactive queries are local only (no metadata of other"
                        + " instances' stores yet)")
            .defineUnsupported("max.warmup.replicas", "there are no warm-up (or standby) tasks yet")
            .defineUnsupported("probing.rebalance.interval.ms", "there are no warm-up tasks, so no probing"
                    + " rebalances")
            .defineUnsupported("rack.aware.assignment.tags", "the assignor is not rack-aware")
            .defineUnsupported("rack.aware.assignment.strategy", "the assignor is not rack-aware")
            .defineUnsupported("upgrade.from", "there is no earlier Runnel version to upgrade from")
            .defineUnsupported("task.timeout.ms", "tasks do not retry timed-out client calls; a timeout fails the"
                    + " stream thread (set the clients' timeouts instead)")
            .defineUnsupported("default.client.supplier", "pass a RunnelClientSupplier to the RunnelStreams"
                    + " constructor")
            .defineUnsupported("dsl.store.suppliers.class", "use default.dsl.store (rocksDB or in_memory)")
            .defineUnsupported("cache.max.bytes.buffering", "it was renamed; use statestore.cache.max.bytes")
            .defineUnsupported("metrics.recording.level", "Streams metrics do not exist yet (use"
                    + " RunnelStreams.metadataForLocalThreads)")
            .defineUnsupported("metric.reporters", "Streams metrics do not exist yet");
        return def;
    }

    /**
     * @param props the configuration; keys are setting names (Kafka's), values strings or typed values
     * @throws ConfigException naming every missing or invalid setting
     */
    public StreamsConfig(Map<?, ?> props) {
        super(CONFIG, props);
    }

    /**
     * @param props the configuration as properties
     * @throws ConfigException naming every missing or invalid setting
     */
    public StreamsConfig(Properties props) {
        this(new HashMap<>(props));
    }

    /** Logs given settings that are neither Streams settings nor client settings (prefixed or not). */
    @Override
    public void logUnused() {
        Set<String> clientNames = new java.util.HashSet<>(ConsumerConfig.CONFIG.names());
        clientNames.addAll(ProducerConfig.CONFIG.names());
        clientNames.addAll(AdminClientConfig.CONFIG.names());
        for (String key : unused()) {
            boolean known = clientNames.contains(key) || key.startsWith(CONSUMER_PREFIX)
                    || key.startsWith(MAIN_CONSUMER_PREFIX) || key.startsWith(RESTORE_CONSUMER_PREFIX)
                    || key.startsWith(GLOBAL_CONSUMER_PREFIX) || key.startsWith(PRODUCER_PREFIX)
                    || key.startsWith(ADMIN_CLIENT_PREFIX) || key.startsWith(TOPIC_PREFIX)
                    || key.startsWith(CommonClientConfigs.BROKER_PREFIX);
            if (!known) {
                LOG.warn("The configuration '{}' was supplied but isn't a known config of StreamsConfig or of the"
                        + " clients; it is passed to plugins only.", key);
            }
        }
    }

    /** @return the definition of every setting (for documentation and tooling) */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /**
     * @param name a consumer setting
     * @return {@code consumer.<name>}
     */
    public static String consumerPrefix(String name) {
        return CONSUMER_PREFIX + name;
    }

    /**
     * @param name a consumer setting
     * @return {@code main.consumer.<name>}
     */
    public static String mainConsumerPrefix(String name) {
        return MAIN_CONSUMER_PREFIX + name;
    }

    /**
     * @param name a consumer setting
     * @return {@code restore.consumer.<name>}
     */
    public static String restoreConsumerPrefix(String name) {
        return RESTORE_CONSUMER_PREFIX + name;
    }

    /**
     * @param name a consumer setting
     * @return {@code global.consumer.<name>}
     */
    public static String globalConsumerPrefix(String name) {
        return GLOBAL_CONSUMER_PREFIX + name;
    }

    /**
     * @param name a producer setting
     * @return {@code producer.<name>}
     */
    public static String producerPrefix(String name) {
        return PRODUCER_PREFIX + name;
    }

    /**
     * @param name an admin setting
     * @return {@code admin.<name>}
     */
    public static String adminClientPrefix(String name) {
        return ADMIN_CLIENT_PREFIX + name;
    }

    /**
     * @param name a topic setting
     * @return {@code topic.<name>}
     */
    public static String topicPrefix(String name) {
        return TOPIC_PREFIX + name;
    }

    /** @return the {@code application.id} */
    public String applicationId() {
        return getString(APPLICATION_ID_CONFIG);
    }

    /**
     * @return a new, configured instance of {@code default.key.serde}
     * @throws ConfigException if none is configured
     */
    public Serde<?> defaultKeySerde() {
        return defaultSerde(DEFAULT_KEY_SERDE_CLASS_CONFIG, true);
    }

    /**
     * @return a new, configured instance of {@code default.value.serde}
     * @throws ConfigException if none is configured
     */
    public Serde<?> defaultValueSerde() {
        return defaultSerde(DEFAULT_VALUE_SERDE_CLASS_CONFIG, false);
    }

    private Serde<?> defaultSerde(String key, boolean isKey) {
        Class<?> type = getClass(key);
        if (type == null) {
            throw new ConfigException("Please specify a " + (isKey ? "key" : "value") + " serde or set one through "
                    + key + " (a source, sink or store was given none)");
        }
        Serde<?> serde = newInstance(type, Serde.class, key);
        serde.configure(originals(), isKey);
        return serde;
    }

    /** @return a new instance of {@code default.timestamp.extractor} */
    public TimestampExtractor defaultTimestampExtractor() {
        return getConfiguredInstance(DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, TimestampExtractor.class);
    }

    /** @return a new, configured instance of {@code default.deserialization.exception.handler} */
    public DeserializationExceptionHandler deserializationExceptionHandler() {
        return getConfiguredInstance(DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeserializationExceptionHandler.class);
    }

    /** @return a new, configured instance of {@code default.production.exception.handler} */
    public ProductionExceptionHandler productionExceptionHandler() {
        return getConfiguredInstance(DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                ProductionExceptionHandler.class);
    }

    /** @return a new, configured instance of {@code processing.exception.handler} */
    public ProcessingExceptionHandler processingExceptionHandler() {
        return getConfiguredInstance(PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingExceptionHandler.class);
    }

    /**
     * The main consumer's settings for one stream thread.
     *
     * @param groupId  the group id ({@code application.id})
     * @param clientId the consumer's client id
     * @return the settings; the caller adds the assignor and its wiring
     */
    public Map<String, Object> getMainConsumerConfigs(String groupId, String clientId) {
        Map<String, Object> props = clientProps(ConsumerConfig.CONFIG, CONSUMER_PREFIX, MAIN_CONSUMER_PREFIX);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return byteArrayConsumer(props);
    }

    /**
     * @param clientId the restore consumer's client id
     * @return the restore consumer's settings (no group: partitions are assigned)
     */
    public Map<String, Object> getRestoreConsumerConfigs(String clientId) {
        Map<String, Object> props = clientProps(ConsumerConfig.CONFIG, CONSUMER_PREFIX,
                RESTORE_CONSUMER_PREFIX);
        return standaloneConsumer(props, clientId);
    }

    /**
     * @param clientId the global consumer's client id
     * @return the global consumer's settings (no group: partitions are assigned)
     */
    public Map<String, Object> getGlobalConsumerConfigs(String clientId) {
        Map<String, Object> props = clientProps(ConsumerConfig.CONFIG, CONSUMER_PREFIX,
                GLOBAL_CONSUMER_PREFIX);
        return standaloneConsumer(props, clientId);
    }

    private static Map<String, Object> standaloneConsumer(Map<String, Object> props, String clientId) {
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return byteArrayConsumer(props);
    }

    private static Map<String, Object> byteArrayConsumer(Map<String, Object> props) {
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /**
     * @param clientId the producer's client id
     * @return the producer's settings (byte-array serializers; {@code linger.ms} 100 unless set, as in Kafka
     *         Streams)
     */
    public Map<String, Object> getProducerConfigs(String clientId) {
        Map<String, Object> props = clientProps(ProducerConfig.CONFIG, PRODUCER_PREFIX, null);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 100);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /**
     * @param clientId the admin client's id
     * @return the admin client's settings
     */
    public Map<String, Object> getAdminConfigs(String clientId) {
        Map<String, Object> props = clientProps(AdminClientConfig.CONFIG, ADMIN_CLIENT_PREFIX, null);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /** @return the settings prefixed {@code topic.} (prefix removed), applied to every internal topic */
    public Map<String, String> internalTopicConfigs() {
        Map<String, String> result = new LinkedHashMap<>();
        originalsWithPrefix(TOPIC_PREFIX).forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    private Map<String, Object> clientProps(ConfigDef client, String prefix, String specificPrefix) {
        Map<String, Object> props = new HashMap<>();
        Set<String> names = client.names();
        Set<String> unsupported = client.unsupportedConfigs().keySet();
        for (Map.Entry<String, Object> e : originals().entrySet()) {
            String key = e.getKey();
            // Unsupported client settings are passed on so the client rejects them with its message.
            if (names.contains(key) || unsupported.contains(key) || key.startsWith(CommonClientConfigs.BROKER_PREFIX)) {
                props.put(key, e.getValue());
            }
        }
        props.putAll(originalsWithPrefix(prefix));
        if (specificPrefix != null) {
            props.putAll(originalsWithPrefix(specificPrefix));
        }
        return props;
    }
}
