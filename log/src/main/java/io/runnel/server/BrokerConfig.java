package io.runnel.server;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;
import io.runnel.common.config.ConfigException;
import io.runnel.coordinator.group.GroupCoordinatorConfig;
import io.runnel.log.LogManagerConfig;

import java.util.Map;

/**
 * The embedded log's broker-level settings, with Apache Kafka's names: every {@link LogManagerConfig} setting
 * ({@code log.dir}, {@code log.retention.*}, {@code log.segment.*}, {@code message.max.bytes},
 * {@code num.partitions}, {@code auto.create.topics.enable}, ...) plus the group coordinator's and the topic
 * defaults the request handler applies. Defaults are Kafka's except where the embedded log has a reason to
 * differ, documented on the setting: {@code offsets.topic.num.partitions} (1),
 * {@code offsets.topic.replication.factor} (1) and {@code group.initial.rebalance.delay.ms} (0).
 *
 * <p>Replication does not exist yet: {@code default.replication.factor} and
 * {@code offsets.topic.replication.factor} accept only 1 and say so otherwise.
 *
 * <p>Immutable and thread-safe.
 */
public final class BrokerConfig extends AbstractConfig {

    /** {@code node.id}. */
    public static final String NODE_ID_CONFIG = "node.id";
    /** {@code default.replication.factor}. */
    public static final String DEFAULT_REPLICATION_FACTOR_CONFIG = "default.replication.factor";
    /** {@code offsets.topic.num.partitions}. */
    public static final String OFFSETS_TOPIC_PARTITIONS_CONFIG = "offsets.topic.num.partitions";
    /** {@code offsets.topic.replication.factor}. */
    public static final String OFFSETS_TOPIC_REPLICATION_FACTOR_CONFIG = "offsets.topic.replication.factor";
    /** {@code offsets.topic.segment.bytes}. */
    public static final String OFFSETS_TOPIC_SEGMENT_BYTES_CONFIG = "offsets.topic.segment.bytes";
    /** {@code offsets.retention.minutes}. */
    public static final String OFFSETS_RETENTION_MINUTES_CONFIG = "offsets.retention.minutes";
    /** {@code offsets.retention.check.interval.ms}. */
    public static final String OFFSETS_RETENTION_CHECK_INTERVAL_MS_CONFIG = "offsets.retention.check.interval.ms";
    /** {@code offset.metadata.max.bytes}. */
    public static final String OFFSET_METADATA_MAX_BYTES_CONFIG = "offset.metadata.max.bytes";
    /** {@code group.initial.rebalance.delay.ms}. */
    public static final String GROUP_INITIAL_REBALANCE_DELAY_MS_CONFIG = "group.initial.rebalance.delay.ms";
    /** {@code group.min.session.timeout.ms}. */
    public static final String GROUP_MIN_SESSION_TIMEOUT_MS_CONFIG = "group.min.session.timeout.ms";
    /** {@code group.max.session.timeout.ms}. */
    public static final String GROUP_MAX_SESSION_TIMEOUT_MS_CONFIG = "group.max.session.timeout.ms";
    /** {@code group.max.size}. */
    public static final String GROUP_MAX_SIZE_CONFIG = "group.max.size";
    /** {@code delete.topic.enable}. */
    public static final String DELETE_TOPIC_ENABLE_CONFIG = "delete.topic.enable";

    private static final ConfigDef.Validator ONE_REPLICA = (name, value) -> {
        if (value != null && ((Number) value).intValue() != 1) {
            throw new ConfigException(name + "=" + value + " is not supported by Runnel: the embedded log is one node "
                    + "and replication does not exist yet; use 1");
        }
    };

    /** The definition of every broker-level setting. */
    public static final ConfigDef CONFIG = new ConfigDef(LogManagerConfig.CONFIG)
            .define(NODE_ID_CONFIG, Type.INT, 0, Range.atLeast(0), Importance.HIGH,
                    "The node id the embedded log reports in metadata.")
            .define(DEFAULT_REPLICATION_FACTOR_CONFIG, Type.INT, 1, ONE_REPLICA, Importance.MEDIUM,
                    "Replication factor of automatically created topics; only 1 until replication exists.")
            .define(OFFSETS_TOPIC_PARTITIONS_CONFIG, Type.INT, 1, Range.atLeast(1), Importance.HIGH,
                    "Partitions of __consumer_offsets when it is created (Kafka: 50). One node coordinates every "
                            + "group, so partitions would only cost files here.")
            .define(OFFSETS_TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) 1, ONE_REPLICA, Importance.HIGH,
                    "Replication factor of __consumer_offsets (Kafka: 3); only 1 until replication exists.")
            .define(OFFSETS_TOPIC_SEGMENT_BYTES_CONFIG, Type.INT, 104_857_600, Range.atLeast(1), Importance.HIGH,
                    "Segment size of __consumer_offsets, in bytes.")
            .define(OFFSETS_RETENTION_MINUTES_CONFIG, Type.INT, 10_080, Range.atLeast(1), Importance.HIGH,
                    "How long the committed offsets of an empty group are kept, in minutes.")
            .define(OFFSETS_RETENTION_CHECK_INTERVAL_MS_CONFIG, Type.LONG, 600_000L, Range.atLeast(1), Importance.HIGH,
                    "How often expired offsets are removed, in ms.")
            .define(OFFSET_METADATA_MAX_BYTES_CONFIG, Type.INT, 4096, Range.atLeast(0), Importance.HIGH,
                    "Longest metadata string of a committed offset, in bytes.")
            .define(GROUP_INITIAL_REBALANCE_DELAY_MS_CONFIG, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                    "How long an empty group waits for more members before its first rebalance completes, in ms "
                            + "(Kafka: 3000). 0 by default: in-process consumers start together and a test clock "
                            + "should not have to move for a first join.")
            .define(GROUP_MIN_SESSION_TIMEOUT_MS_CONFIG, Type.INT, 6000, Range.atLeast(0), Importance.MEDIUM,
                    "Smallest session.timeout.ms a consumer may use, in ms.")
            .define(GROUP_MAX_SESSION_TIMEOUT_MS_CONFIG, Type.INT, 1_800_000, Range.atLeast(0), Importance.MEDIUM,
                    "Largest session.timeout.ms a consumer may use, in ms.")
            .define(GROUP_MAX_SIZE_CONFIG, Type.INT, Integer.MAX_VALUE, Range.atLeast(1), Importance.MEDIUM,
                    "Most members a group may have.")
            .define(DELETE_TOPIC_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.HIGH,
                    "Whether topics may be deleted through the admin API.")
            .defineUnsupported("transaction.state.log.num.partitions", "transactions do not exist yet")
            .defineUnsupported("transaction.state.log.replication.factor", "transactions do not exist yet")
            .defineUnsupported("listeners", "the network server does not exist yet; the embedded log is reached "
                    + "in-process through bootstrap.servers=file:///path")
            .defineUnsupported("process.roles", "the embedded log is a single node without KRaft");

    private final LogManagerConfig logConfig;

    /**
     * @param props broker-level settings (Kafka names), at least {@code log.dir}
     * @throws ConfigException naming every invalid or unsupported setting
     */
    public BrokerConfig(Map<?, ?> props) {
        super(CONFIG, props);
        this.logConfig = new LogManagerConfig(props);
        if (getInt(GROUP_MIN_SESSION_TIMEOUT_MS_CONFIG) > getInt(GROUP_MAX_SESSION_TIMEOUT_MS_CONFIG)) {
            throw new ConfigException(GROUP_MIN_SESSION_TIMEOUT_MS_CONFIG + "=" + getInt(GROUP_MIN_SESSION_TIMEOUT_MS_CONFIG)
                    + " is larger than " + GROUP_MAX_SESSION_TIMEOUT_MS_CONFIG + "="
                    + getInt(GROUP_MAX_SESSION_TIMEOUT_MS_CONFIG));
        }
    }

    /** @return the storage engine's part of these settings */
    public LogManagerConfig logManagerConfig() {
        return logConfig;
    }

    /** @return the node id */
    public int nodeId() {
        return getInt(NODE_ID_CONFIG);
    }

    /** @return {@code num.partitions} */
    public int numPartitions() {
        return getInt(LogManagerConfig.NUM_PARTITIONS_CONFIG);
    }

    /** @return {@code auto.create.topics.enable} */
    public boolean autoCreateTopicsEnable() {
        return getBoolean(LogManagerConfig.AUTO_CREATE_TOPICS_ENABLE_CONFIG);
    }

    /** @return {@code default.replication.factor} */
    public int defaultReplicationFactor() {
        return getInt(DEFAULT_REPLICATION_FACTOR_CONFIG);
    }

    /** @return {@code delete.topic.enable} */
    public boolean deleteTopicEnable() {
        return getBoolean(DELETE_TOPIC_ENABLE_CONFIG);
    }

    /** @return the group coordinator's settings */
    public GroupCoordinatorConfig groupCoordinatorConfig() {
        return new GroupCoordinatorConfig(getInt(OFFSETS_TOPIC_PARTITIONS_CONFIG), getInt(OFFSETS_TOPIC_SEGMENT_BYTES_CONFIG),
                getInt(OFFSETS_RETENTION_MINUTES_CONFIG) * 60_000L, getLong(OFFSETS_RETENTION_CHECK_INTERVAL_MS_CONFIG),
                getInt(OFFSET_METADATA_MAX_BYTES_CONFIG), getInt(GROUP_INITIAL_REBALANCE_DELAY_MS_CONFIG),
                getInt(GROUP_MIN_SESSION_TIMEOUT_MS_CONFIG), getInt(GROUP_MAX_SESSION_TIMEOUT_MS_CONFIG),
                getInt(GROUP_MAX_SIZE_CONFIG));
    }
}
