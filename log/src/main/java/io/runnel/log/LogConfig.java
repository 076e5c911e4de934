package io.runnel.log;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;
import io.runnel.common.config.ConfigDef.ValidList;
import io.runnel.common.config.ConfigDef.ValidString;
import io.runnel.common.config.ConfigException;
import io.runnel.common.record.TimestampType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic-level log settings, with Apache Kafka's names, defaults and units (Kafka's {@code TopicConfig}). A
 * topic's effective configuration is the broker-level defaults ({@link LogManagerConfig#topicDefaults()}) with
 * the topic's overrides on top; {@link #fromProps(Map, Map)} builds it.
 *
 * <p>Settings Kafka has that Runnel does not implement yet are rejected when given (tiered storage, replication
 * throttles, {@code max.compaction.lag.ms}, timestamp windows); {@code compression.type} accepts only
 * {@code producer} (the log keeps batches as the producer compressed them). {@code min.insync.replicas} and
 * {@code unclean.leader.election.enable} are accepted: with one replica they are trivially satisfied.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogConfig extends AbstractConfig {

    /** {@code cleanup.policy}: {@code delete}, {@code compact} or both. */
    public static final String CLEANUP_POLICY_CONFIG = "cleanup.policy";
    /** Cleanup policy value: delete old segments by time and size. */
    public static final String CLEANUP_POLICY_DELETE = "delete";
    /** Cleanup policy value: keep the latest record per key. */
    public static final String CLEANUP_POLICY_COMPACT = "compact";
    /** {@code compression.type}. */
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    /** {@code delete.retention.ms}. */
    public static final String DELETE_RETENTION_MS_CONFIG = "delete.retention.ms";
    /** {@code file.delete.delay.ms}. */
    public static final String FILE_DELETE_DELAY_MS_CONFIG = "file.delete.delay.ms";
    /** {@code flush.messages}. */
    public static final String FLUSH_MESSAGES_INTERVAL_CONFIG = "flush.messages";
    /** {@code flush.ms}. */
    public static final String FLUSH_MS_CONFIG = "flush.ms";
    /** {@code index.interval.bytes}. */
    public static final String INDEX_INTERVAL_BYTES_CONFIG = "index.interval.bytes";
    /** {@code max.message.bytes}. */
    public static final String MAX_MESSAGE_BYTES_CONFIG = "max.message.bytes";
    /** {@code message.timestamp.type}. */
    public static final String MESSAGE_TIMESTAMP_TYPE_CONFIG = "message.timestamp.type";
    /** {@code min.cleanable.dirty.ratio}. */
    public static final String MIN_CLEANABLE_DIRTY_RATIO_CONFIG = "min.cleanable.dirty.ratio";
    /** {@code min.compaction.lag.ms}. */
    public static final String MIN_COMPACTION_LAG_MS_CONFIG = "min.compaction.lag.ms";
    /** {@code min.insync.replicas}. */
    public static final String MIN_IN_SYNC_REPLICAS_CONFIG = "min.insync.replicas";
    /** {@code preallocate}. */
    public static final String PREALLOCATE_CONFIG = "preallocate";
    /** {@code retention.bytes}. */
    public static final String RETENTION_BYTES_CONFIG = "retention.bytes";
    /** {@code retention.ms}. */
    public static final String RETENTION_MS_CONFIG = "retention.ms";
    /** {@code segment.bytes}. */
    public static final String SEGMENT_BYTES_CONFIG = "segment.bytes";
    /** {@code segment.index.bytes}. */
    public static final String SEGMENT_INDEX_BYTES_CONFIG = "segment.index.bytes";
    /** {@code segment.jitter.ms}. */
    public static final String SEGMENT_JITTER_MS_CONFIG = "segment.jitter.ms";
    /** {@code segment.ms}. */
    public static final String SEGMENT_MS_CONFIG = "segment.ms";
    /** {@code unclean.leader.election.enable}. */
    public static final String UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG = "unclean.leader.election.enable";

    private static final ConfigDef.Validator PRODUCER_COMPRESSION_ONLY = (name, value) -> {
        if (!"producer".equals(value)) {
            throw new ConfigException(name + "=" + value + " is not supported by Runnel: the log keeps batches as "
                    + "the producer compressed them; leave it at 'producer' and set compression.type on the producer");
        }
    };
    private static final ConfigDef.Validator NO_PREALLOCATION = (name, value) -> {
        if (Boolean.TRUE.equals(value)) {
            throw new ConfigException(name + "=true is not supported by Runnel: segments grow as they are written");
        }
    };

    /** The definition of every topic-level setting. */
    public static final ConfigDef CONFIG = new ConfigDef()
            .define(CLEANUP_POLICY_CONFIG, Type.LIST, CLEANUP_POLICY_DELETE,
                    ValidList.in(CLEANUP_POLICY_COMPACT, CLEANUP_POLICY_DELETE), Importance.MEDIUM,
                    "delete (drop old segments by retention.ms/retention.bytes), compact (keep the latest record per "
                            + "key) or compact,delete (both).")
            .define(COMPRESSION_TYPE_CONFIG, Type.STRING, "producer", PRODUCER_COMPRESSION_ONLY, Importance.MEDIUM,
                    "Only 'producer': batches are stored as the producer compressed them.")
            .define(DELETE_RETENTION_MS_CONFIG, Type.LONG, 86_400_000L, Range.atLeast(0), Importance.MEDIUM,
                    "How long tombstones are kept on compacted topics, in ms.")
            .define(FILE_DELETE_DELAY_MS_CONFIG, Type.LONG, 60_000L, Range.atLeast(0), Importance.MEDIUM,
                    "How long a deleted segment's files stay (renamed .deleted) so readers can finish, in ms.")
            .define(FLUSH_MESSAGES_INTERVAL_CONFIG, Type.LONG, Long.MAX_VALUE, Range.atLeast(1), Importance.MEDIUM,
                    "Force an fsync after this many appended records.")
            .define(FLUSH_MS_CONFIG, Type.LONG, Long.MAX_VALUE, Range.atLeast(0), Importance.MEDIUM,
                    "Force an fsync when unflushed data is older than this, in ms.")
            .define(INDEX_INTERVAL_BYTES_CONFIG, Type.INT, 4096, Range.atLeast(0), Importance.MEDIUM,
                    "Bytes between offset index entries.")
            .define(MAX_MESSAGE_BYTES_CONFIG, Type.INT, 1_048_588, Range.atLeast(0), Importance.MEDIUM,
                    "Largest record batch the log accepts, in bytes.")
            .define(MESSAGE_TIMESTAMP_TYPE_CONFIG, Type.STRING, "CreateTime",
                    ValidString.in("CreateTime", "LogAppendTime"), Importance.MEDIUM,
                    "CreateTime (the producer's timestamps) or LogAppendTime (the log's clock at append).")
            .define(MIN_CLEANABLE_DIRTY_RATIO_CONFIG, Type.DOUBLE, 0.5, Range.between(0, 1), Importance.MEDIUM,
                    "Compact when dirty bytes / all cleanable bytes reach this ratio.")
            .define(MIN_COMPACTION_LAG_MS_CONFIG, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                    "Segments with a record newer than this (ms) are not compacted yet.")
            .define(MIN_IN_SYNC_REPLICAS_CONFIG, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                    "Accepted for compatibility; one replica is always in sync until replication exists.")
            .define(PREALLOCATE_CONFIG, Type.BOOLEAN, false, NO_PREALLOCATION, Importance.LOW,
                    "Must be false: segments are not pre-allocated.")
            .define(RETENTION_BYTES_CONFIG, Type.LONG, -1L, Importance.MEDIUM,
                    "Delete old segments while the partition is larger than this, in bytes; -1 for no limit.")
            .define(RETENTION_MS_CONFIG, Type.LONG, 604_800_000L, Range.atLeast(-1), Importance.MEDIUM,
                    "Delete segments whose newest record is older than this, in ms; -1 for no limit.")
            .define(SEGMENT_BYTES_CONFIG, Type.INT, 1_073_741_824, Range.atLeast(14), Importance.MEDIUM,
                    "Roll a new segment when the active one would pass this size, in bytes.")
            .define(SEGMENT_INDEX_BYTES_CONFIG, Type.INT, 10_485_760, Range.atLeast(12), Importance.MEDIUM,
                    "Size of the pre-allocated index files, in bytes; a full index rolls the segment.")
            .define(SEGMENT_JITTER_MS_CONFIG, Type.LONG, 0L, Range.atLeast(0), Importance.LOW,
                    "Random jitter up to this many ms subtracted from segment.ms per segment.")
            .define(SEGMENT_MS_CONFIG, Type.LONG, 604_800_000L, Range.atLeast(1), Importance.MEDIUM,
                    "Roll a new segment when the active one is older than this, in ms (checked at append).")
            .define(UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Accepted for compatibility; no effect with one replica.")
            .defineUnsupported("max.compaction.lag.ms", "compaction is triggered by min.cleanable.dirty.ratio only")
            .defineUnsupported("message.timestamp.before.max.ms", "timestamp windows are not enforced yet")
            .defineUnsupported("message.timestamp.after.max.ms", "timestamp windows are not enforced yet")
            .defineUnsupported("message.timestamp.difference.max.ms", "timestamp windows are not enforced yet")
            .defineUnsupported("remote.storage.enable", "tiered storage does not exist in Runnel")
            .defineUnsupported("local.retention.ms", "tiered storage does not exist in Runnel")
            .defineUnsupported("local.retention.bytes", "tiered storage does not exist in Runnel")
            .defineUnsupported("leader.replication.throttled.replicas", "replication does not exist yet")
            .defineUnsupported("follower.replication.throttled.replicas", "replication does not exist yet");

    /** The configuration with every default. */
    public static final LogConfig DEFAULT = new LogConfig(Map.of());

    /**
     * @param props topic-level settings (Kafka names; strings or typed values)
     * @throws ConfigException naming every invalid or unsupported setting
     */
    public LogConfig(Map<?, ?> props) {
        super(CONFIG, props);
    }

    /**
     * @param defaults  the topic-level defaults (from {@link LogManagerConfig#topicDefaults()})
     * @param overrides the topic's overrides
     * @return the effective configuration
     * @throws ConfigException naming every invalid or unsupported setting
     */
    public static LogConfig fromProps(Map<String, ?> defaults, Map<String, ?> overrides) {
        Map<String, Object> merged = new HashMap<>(defaults);
        merged.putAll(overrides);
        return new LogConfig(merged);
    }

    /**
     * Checks topic-level overrides: every key must be a topic-level setting Runnel knows.
     *
     * @param overrides the overrides
     * @throws ConfigException naming unknown and invalid settings
     */
    public static void validateOverrides(Map<String, ?> overrides) {
        List<String> unknown = overrides.keySet().stream()
                .filter(k -> !CONFIG.names().contains(k) && !CONFIG.unsupportedConfigs().containsKey(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException("Unknown topic configuration" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + ": topic-level settings are " + CONFIG.names());
        }
        new LogConfig(overrides);
    }

    /** @return {@code segment.bytes} */
    public int segmentBytes() {
        return getInt(SEGMENT_BYTES_CONFIG);
    }

    /** @return {@code segment.ms} */
    public long segmentMs() {
        return getLong(SEGMENT_MS_CONFIG);
    }

    /** @return {@code segment.jitter.ms} */
    public long segmentJitterMs() {
        return getLong(SEGMENT_JITTER_MS_CONFIG);
    }

    /** @return {@code segment.index.bytes} */
    public int maxIndexSize() {
        return getInt(SEGMENT_INDEX_BYTES_CONFIG);
    }

    /** @return {@code index.interval.bytes} */
    public int indexInterval() {
        return getInt(INDEX_INTERVAL_BYTES_CONFIG);
    }

    /** @return {@code retention.ms} (-1: unlimited) */
    public long retentionMs() {
        return getLong(RETENTION_MS_CONFIG);
    }

    /** @return {@code retention.bytes} (-1: unlimited) */
    public long retentionBytes() {
        return getLong(RETENTION_BYTES_CONFIG);
    }

    /** @return whether {@code cleanup.policy} contains {@code compact} */
    public boolean compact() {
        return getList(CLEANUP_POLICY_CONFIG).contains(CLEANUP_POLICY_COMPACT);
    }

    /** @return whether {@code cleanup.policy} contains {@code delete} */
    public boolean delete() {
        return getList(CLEANUP_POLICY_CONFIG).contains(CLEANUP_POLICY_DELETE);
    }

    /** @return {@code delete.retention.ms} */
    public long deleteRetentionMs() {
        return getLong(DELETE_RETENTION_MS_CONFIG);
    }

    /** @return {@code min.cleanable.dirty.ratio} */
    public double minCleanableRatio() {
        return getDouble(MIN_CLEANABLE_DIRTY_RATIO_CONFIG);
    }

    /** @return {@code min.compaction.lag.ms} */
    public long minCompactionLagMs() {
        return getLong(MIN_COMPACTION_LAG_MS_CONFIG);
    }

    /** @return {@code max.message.bytes} */
    public int maxMessageSize() {
        return getInt(MAX_MESSAGE_BYTES_CONFIG);
    }

    /** @return {@code message.timestamp.type} */
    public TimestampType messageTimestampType() {
        return TimestampType.forName(getString(MESSAGE_TIMESTAMP_TYPE_CONFIG));
    }

    /** @return {@code flush.messages} */
    public long flushInterval() {
        return getLong(FLUSH_MESSAGES_INTERVAL_CONFIG);
    }

    /** @return {@code flush.ms} */
    public long flushMs() {
        return getLong(FLUSH_MS_CONFIG);
    }

    /** @return {@code file.delete.delay.ms} */
    public long fileDeleteDelayMs() {
        return getLong(FILE_DELETE_DELAY_MS_CONFIG);
    }
}
