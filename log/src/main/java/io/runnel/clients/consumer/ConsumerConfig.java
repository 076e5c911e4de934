package io.runnel.clients.consumer;

import io.runnel.clients.CommonClientConfigs;
import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;
import io.runnel.common.config.ConfigException;
import io.runnel.common.serialization.Deserializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The consumer's settings, with Kafka's names and defaults ({@code auto.offset.reset=latest},
 * {@code enable.auto.commit=true}, {@code session.timeout.ms=45000}, {@code max.poll.records=500}, ...). See
 * {@code docs/clients.md} for the table. Parsing reports every bad setting at once. Immutable and thread-safe.
 */
public final class ConsumerConfig extends AbstractConfig {

    /** {@code bootstrap.servers}. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /** {@code client.id}. */
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    /** {@code group.id}. */
    public static final String GROUP_ID_CONFIG = CommonClientConfigs.GROUP_ID_CONFIG;
    /** {@code group.instance.id}. */
    public static final String GROUP_INSTANCE_ID_CONFIG = CommonClientConfigs.GROUP_INSTANCE_ID_CONFIG;
    /** {@code group.protocol}. */
    public static final String GROUP_PROTOCOL_CONFIG = "group.protocol";
    /** {@code session.timeout.ms}. */
    public static final String SESSION_TIMEOUT_MS_CONFIG = CommonClientConfigs.SESSION_TIMEOUT_MS_CONFIG;
    /** {@code heartbeat.interval.ms}. */
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = CommonClientConfigs.HEARTBEAT_INTERVAL_MS_CONFIG;
    /** {@code max.poll.interval.ms}. */
    public static final String MAX_POLL_INTERVAL_MS_CONFIG = CommonClientConfigs.MAX_POLL_INTERVAL_MS_CONFIG;
    /** {@code max.poll.records}. */
    public static final String MAX_POLL_RECORDS_CONFIG = "max.poll.records";
    /** {@code partition.assignment.strategy}. */
    public static final String PARTITION_ASSIGNMENT_STRATEGY_CONFIG = "partition.assignment.strategy";
    /** {@code enable.auto.commit}. */
    public static final String ENABLE_AUTO_COMMIT_CONFIG = "enable.auto.commit";
    /** {@code auto.commit.interval.ms}. */
    public static final String AUTO_COMMIT_INTERVAL_MS_CONFIG = "auto.commit.interval.ms";
    /** {@code auto.offset.reset}. */
    public static final String AUTO_OFFSET_RESET_CONFIG = "auto.offset.reset";
    /** {@code fetch.min.bytes}. */
    public static final String FETCH_MIN_BYTES_CONFIG = "fetch.min.bytes";
    /** {@code fetch.max.bytes}. */
    public static final String FETCH_MAX_BYTES_CONFIG = "fetch.max.bytes";
    /** {@code fetch.max.wait.ms}. */
    public static final String FETCH_MAX_WAIT_MS_CONFIG = "fetch.max.wait.ms";
    /** {@code max.partition.fetch.bytes}. */
    public static final String MAX_PARTITION_FETCH_BYTES_CONFIG = "max.partition.fetch.bytes";
    /** {@code check.crcs}. */
    public static final String CHECK_CRCS_CONFIG = "check.crcs";
    /** {@code key.deserializer}. */
    public static final String KEY_DESERIALIZER_CLASS_CONFIG = "key.deserializer";
    /** {@code value.deserializer}. */
    public static final String VALUE_DESERIALIZER_CLASS_CONFIG = "value.deserializer";
    /** {@code request.timeout.ms}. */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    /** {@code default.api.timeout.ms}. */
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG;
    /** {@code exclude.internal.topics}. */
    public static final String EXCLUDE_INTERNAL_TOPICS_CONFIG = "exclude.internal.topics";
    /** {@code allow.auto.create.topics}. */
    public static final String ALLOW_AUTO_CREATE_TOPICS_CONFIG = "allow.auto.create.topics";
    /** {@code isolation.level}. */
    public static final String ISOLATION_LEVEL_CONFIG = "isolation.level";
    /** {@code metadata.max.age.ms}. */
    public static final String METADATA_MAX_AGE_CONFIG = CommonClientConfigs.METADATA_MAX_AGE_CONFIG;

    private static final ConfigDef.Validator RESET = (name, value) -> {
        String v = String.valueOf(value);
        if (v.equals("earliest") || v.equals("latest") || v.equals("none")) {
            return;
        }
        if (v.startsWith("by_duration:")) {
            try {
                java.time.Duration d = java.time.Duration.parse(v.substring("by_duration:".length()));
                if (!d.isNegative()) {
                    return;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        throw new ConfigException(name, value, "expected earliest, latest, none or by_duration:<ISO-8601 duration> "
                + "(for example by_duration:PT1H)");
    };

    /** The definition of every consumer setting. */
    public static final ConfigDef CONFIG = CommonClientConfigs.withClientDefaults(new ConfigDef())
            .define(GROUP_ID_CONFIG, Type.STRING, null, Importance.HIGH,
                    "The consumer group; needed for subscribe and for committing offsets.")
            .define(GROUP_INSTANCE_ID_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "A static member id: a restarted member with the same id takes its place without a rebalance.")
            .define(GROUP_PROTOCOL_CONFIG, Type.STRING, "classic", ConfigDef.ValidString.in("classic"),
                    Importance.MEDIUM, "Only classic: the KIP-848 consumer protocol does not exist in Runnel yet.")
            .define(SESSION_TIMEOUT_MS_CONFIG, Type.INT, 45_000, Importance.HIGH,
                    "A member that sends no heartbeat for this long is removed from the group, in ms.")
            .define(HEARTBEAT_INTERVAL_MS_CONFIG, Type.INT, 3000, Range.atLeast(1), Importance.HIGH,
                    "How often the heartbeat thread heartbeats, in ms; below session.timeout.ms.")
            .define(MAX_POLL_INTERVAL_MS_CONFIG, Type.INT, 300_000, Range.atLeast(1), Importance.MEDIUM,
                    "A member that does not poll for this long leaves the group; also the rebalance timeout, in ms.")
            .define(MAX_POLL_RECORDS_CONFIG, Type.INT, 500, Range.atLeast(1), Importance.MEDIUM,
                    "Most records one poll returns.")
            .define(PARTITION_ASSIGNMENT_STRATEGY_CONFIG, Type.LIST,
                    List.of(RangeAssignor.class.getName(), CooperativeStickyAssignor.class.getName()), Importance.MEDIUM,
                    "Assignors (class names, or range, roundrobin, sticky, cooperative-sticky), most preferred first.")
            .define(ENABLE_AUTO_COMMIT_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Commit positions every auto.commit.interval.ms (in poll), before rebalances and at close.")
            .define(AUTO_COMMIT_INTERVAL_MS_CONFIG, Type.INT, 5000, Range.atLeast(0), Importance.LOW,
                    "How often positions are committed automatically, in ms.")
            .define(AUTO_OFFSET_RESET_CONFIG, Type.STRING, "latest", RESET, Importance.MEDIUM,
                    "Where to start without a committed offset: earliest, latest, none (fail), by_duration:PnDTnHnMn.nS.")
            .define(FETCH_MIN_BYTES_CONFIG, Type.INT, 1, Range.atLeast(0), Importance.HIGH,
                    "The log answers a fetch once this many bytes are available (or fetch.max.wait.ms passed).")
            .define(FETCH_MAX_BYTES_CONFIG, Type.INT, 52_428_800, Range.atLeast(0), Importance.MEDIUM,
                    "Most bytes one fetch returns (the first batch is returned even if larger).")
            .define(FETCH_MAX_WAIT_MS_CONFIG, Type.INT, 500, Range.atLeast(0), Importance.LOW,
                    "How long the log holds a fetch waiting for fetch.min.bytes, in ms.")
            .define(MAX_PARTITION_FETCH_BYTES_CONFIG, Type.INT, 1_048_576, Range.atLeast(0), Importance.HIGH,
                    "Most bytes one fetch returns per partition (the first batch is returned even if larger).")
            .define(CHECK_CRCS_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                    "Verify the CRC-32C of every fetched batch.")
            .define(KEY_DESERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, "Deserializer class for keys.")
            .define(VALUE_DESERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, "Deserializer class for values.")
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30_000, Range.atLeast(0), Importance.MEDIUM,
                    "How long to wait for a response, in ms.")
            .define(DEFAULT_API_TIMEOUT_MS_CONFIG, Type.INT, 60_000, Range.atLeast(0), Importance.MEDIUM,
                    "Timeout of blocking calls that take no timeout argument, in ms.")
            .define(EXCLUDE_INTERNAL_TOPICS_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Pattern subscriptions never match internal topics.")
            .define(ALLOW_AUTO_CREATE_TOPICS_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Subscribing to a missing topic creates it if the broker's auto.create.topics.enable allows.")
            .define(ISOLATION_LEVEL_CONFIG, Type.STRING, "read_uncommitted",
                    ConfigDef.ValidString.in("read_uncommitted", "read_committed"), Importance.MEDIUM,
                    "read_committed or read_uncommitted; the same until transactions exist.")
            .define("client.rack", Type.STRING, "", Importance.LOW, "Accepted for compatibility; one node, one rack.")
            .defineUnsupported("interceptor.classes", "consumer interceptors are not supported yet")
            .defineUnsupported("group.remote.assignor", "the KIP-848 consumer protocol does not exist in Runnel yet");

    /**
     * @param props the settings
     * @throws ConfigException naming every invalid, missing or unsupported setting
     */
    public ConsumerConfig(Map<?, ?> props) {
        super(CONFIG, props);
        List<String> problems = new ArrayList<>();
        if (getInt(HEARTBEAT_INTERVAL_MS_CONFIG) >= getInt(SESSION_TIMEOUT_MS_CONFIG)) {
            problems.add(HEARTBEAT_INTERVAL_MS_CONFIG + "=" + getInt(HEARTBEAT_INTERVAL_MS_CONFIG)
                    + " must be lower than " + SESSION_TIMEOUT_MS_CONFIG + "=" + getInt(SESSION_TIMEOUT_MS_CONFIG));
        }
        if (getList(PARTITION_ASSIGNMENT_STRATEGY_CONFIG).isEmpty()) {
            problems.add(PARTITION_ASSIGNMENT_STRATEGY_CONFIG + " is empty: give at least one assignor");
        }
        if (getString(GROUP_INSTANCE_ID_CONFIG) != null && getString(GROUP_INSTANCE_ID_CONFIG).isBlank()) {
            problems.add(GROUP_INSTANCE_ID_CONFIG + " must not be blank");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * @param props the settings
     * @throws ConfigException naming every invalid, missing or unsupported setting
     */
    public ConsumerConfig(Properties props) {
        this((Map<?, ?>) props);
    }

    /**
     * Puts deserializer instances' classes into a configuration, as Kafka does when deserializers are passed to the
     * constructor.
     *
     * @param configs           the settings
     * @param keyDeserializer   the key deserializer, or null
     * @param valueDeserializer the value deserializer, or null
     * @return a copy with {@code key.deserializer} / {@code value.deserializer} set from the instances
     */
    public static Map<String, Object> appendDeserializerToConfig(Map<?, ?> configs, Deserializer<?> keyDeserializer,
                                                                  Deserializer<?> valueDeserializer) {
        Map<String, Object> copy = new HashMap<>();
        configs.forEach((k, v) -> copy.put(String.valueOf(k), v));
        if (keyDeserializer != null) {
            copy.put(KEY_DESERIALIZER_CLASS_CONFIG, keyDeserializer.getClass());
        }
        if (valueDeserializer != null) {
            copy.put(VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getClass());
        }
        return copy;
    }
}
