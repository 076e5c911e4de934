package io.runnel.log;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;
import io.runnel.common.config.ConfigDef.ValidList;
import io.runnel.common.config.ConfigDef.ValidString;
import io.runnel.common.config.ConfigException;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broker-level log settings with Apache Kafka's names and defaults ({@code log.dir}, {@code log.segment.bytes},
 * {@code log.retention.hours}, ...). The {@code log.*} defaults map to topic-level settings as in Kafka
 * ({@code log.segment.bytes} -> {@code segment.bytes}, {@code log.retention.{ms,minutes,hours}} ->
 * {@code retention.ms} with the most precise one winning, {@code message.max.bytes} -> {@code max.message.bytes},
 * ...); see {@link #topicDefaults()}. Broker-only settings drive the {@link LogManager}: background intervals,
 * the cleaner, recovery threads.
 *
 * <p>One log directory: {@code log.dirs} with more than one entry is rejected. Immutable and thread-safe.
 */
public final class LogManagerConfig extends AbstractConfig {

    /** {@code log.dir}. */
    public static final String LOG_DIR_CONFIG = "log.dir";
    /** {@code log.dirs}. */
    public static final String LOG_DIRS_CONFIG = "log.dirs";
    /** {@code log.retention.check.interval.ms}. */
    public static final String LOG_RETENTION_CHECK_INTERVAL_MS_CONFIG = "log.retention.check.interval.ms";
    /** {@code log.cleaner.enable}. */
    public static final String LOG_CLEANER_ENABLE_CONFIG = "log.cleaner.enable";
    /** {@code log.cleaner.backoff.ms}. */
    public static final String LOG_CLEANER_BACKOFF_MS_CONFIG = "log.cleaner.backoff.ms";
    /** {@code log.cleaner.dedupe.buffer.size}. */
    public static final String LOG_CLEANER_DEDUPE_BUFFER_SIZE_CONFIG = "log.cleaner.dedupe.buffer.size";
    /** {@code log.flush.scheduler.interval.ms}. */
    public static final String LOG_FLUSH_SCHEDULER_INTERVAL_MS_CONFIG = "log.flush.scheduler.interval.ms";
    /** {@code log.flush.offset.checkpoint.interval.ms}. */
    public static final String LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS_CONFIG = "log.flush.offset.checkpoint.interval.ms";
    /** {@code log.flush.start.offset.checkpoint.interval.ms}. */
    public static final String LOG_FLUSH_START_OFFSET_CHECKPOINT_INTERVAL_MS_CONFIG =
            "log.flush.start.offset.checkpoint.interval.ms";
    /** {@code num.recovery.threads.per.data.dir}. */
    public static final String NUM_RECOVERY_THREADS_PER_DATA_DIR_CONFIG = "num.recovery.threads.per.data.dir";
    /** {@code num.partitions}. */
    public static final String NUM_PARTITIONS_CONFIG = "num.partitions";
    /** {@code auto.create.topics.enable}. */
    public static final String AUTO_CREATE_TOPICS_ENABLE_CONFIG = "auto.create.topics.enable";

    /** The definition of every broker-level log setting. */
    public static final ConfigDef CONFIG = new ConfigDef()
            .define(LOG_DIR_CONFIG, Type.STRING, "/tmp/kafka-logs", Importance.HIGH,
                    "The log directory (used when log.dirs is not set).")
            .define(LOG_DIRS_CONFIG, Type.LIST, null, Importance.HIGH,
                    "The log directory; Runnel supports exactly one. Overrides log.dir.")
            .define("log.segment.bytes", Type.INT, 1_073_741_824, Range.atLeast(14), Importance.HIGH,
                    "Default segment.bytes.")
            .define("log.roll.ms", Type.LONG, null, Importance.HIGH, "Default segment.ms; wins over log.roll.hours.")
            .define("log.roll.hours", Type.INT, 168, Range.atLeast(1), Importance.HIGH, "Default segment.ms in hours.")
            .define("log.roll.jitter.ms", Type.LONG, null, Importance.HIGH, "Default segment.jitter.ms.")
            .define("log.roll.jitter.hours", Type.INT, 0, Range.atLeast(0), Importance.HIGH,
                    "Default segment.jitter.ms in hours.")
            .define("log.retention.ms", Type.LONG, null, Importance.HIGH,
                    "Default retention.ms; wins over log.retention.minutes and log.retention.hours; -1 unlimited.")
            .define("log.retention.minutes", Type.INT, null, Importance.HIGH, "Default retention.ms in minutes.")
            .define("log.retention.hours", Type.INT, 168, Importance.HIGH, "Default retention.ms in hours.")
            .define("log.retention.bytes", Type.LONG, -1L, Importance.HIGH, "Default retention.bytes.")
            .define(LOG_RETENTION_CHECK_INTERVAL_MS_CONFIG, Type.LONG, 300_000L, Range.atLeast(1), Importance.MEDIUM,
                    "How often retention runs, in ms.")
            .define("log.cleanup.policy", Type.LIST, "delete", ValidList.in("compact", "delete"), Importance.MEDIUM,
                    "Default cleanup.policy.")
            .define(LOG_CLEANER_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Run the cleaner (compaction) in the background.")
            .define(LOG_CLEANER_BACKOFF_MS_CONFIG, Type.LONG, 15_000L, Range.atLeast(0), Importance.MEDIUM,
                    "How often the cleaner looks for logs to compact, in ms.")
            .define(LOG_CLEANER_DEDUPE_BUFFER_SIZE_CONFIG, Type.LONG, 134_217_728L, Range.atLeast(1024 * 1024),
                    Importance.MEDIUM, "Approximate memory budget of one compaction pass's key map, in bytes.")
            .define("log.cleaner.delete.retention.ms", Type.LONG, 86_400_000L, Range.atLeast(0), Importance.MEDIUM,
                    "Default delete.retention.ms.")
            .define("log.cleaner.min.cleanable.ratio", Type.DOUBLE, 0.5, Range.between(0, 1), Importance.MEDIUM,
                    "Default min.cleanable.dirty.ratio.")
            .define("log.cleaner.min.compaction.lag.ms", Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                    "Default min.compaction.lag.ms.")
            .define("log.index.size.max.bytes", Type.INT, 10_485_760, Range.atLeast(12), Importance.MEDIUM,
                    "Default segment.index.bytes.")
            .define("log.index.interval.bytes", Type.INT, 4096, Range.atLeast(0), Importance.MEDIUM,
                    "Default index.interval.bytes.")
            .define("log.flush.interval.messages", Type.LONG, Long.MAX_VALUE, Range.atLeast(1), Importance.HIGH,
                    "Default flush.messages.")
            .define("log.flush.interval.ms", Type.LONG, null, Importance.HIGH,
                    "Default flush.ms (when unset: log.flush.scheduler.interval.ms).")
            .define(LOG_FLUSH_SCHEDULER_INTERVAL_MS_CONFIG, Type.LONG, Long.MAX_VALUE, Range.atLeast(1), Importance.HIGH,
                    "How often the flusher checks whether a log needs an fsync by flush.ms, in ms.")
            .define(LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS_CONFIG, Type.LONG, 60_000L, Range.atLeast(1), Importance.HIGH,
                    "How often the recovery points are checkpointed, in ms.")
            .define(LOG_FLUSH_START_OFFSET_CHECKPOINT_INTERVAL_MS_CONFIG, Type.LONG, 60_000L, Range.atLeast(1),
                    Importance.HIGH, "How often the log start offsets are checkpointed, in ms.")
            .define("log.segment.delete.delay.ms", Type.LONG, 60_000L, Range.atLeast(0), Importance.HIGH,
                    "Default file.delete.delay.ms.")
            .define("message.max.bytes", Type.INT, 1_048_588, Range.atLeast(0), Importance.HIGH,
                    "Default max.message.bytes.")
            .define("log.message.timestamp.type", Type.STRING, "CreateTime", ValidString.in("CreateTime", "LogAppendTime"),
                    Importance.MEDIUM, "Default message.timestamp.type.")
            .define("min.insync.replicas", Type.INT, 1, Range.atLeast(1), Importance.HIGH,
                    "Default min.insync.replicas (no effect with one replica).")
            .define(NUM_RECOVERY_THREADS_PER_DATA_DIR_CONFIG, Type.INT, 1, Range.atLeast(1), Importance.HIGH,
                    "Threads that open (and recover) partitions at startup.")
            .define(NUM_PARTITIONS_CONFIG, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                    "Partitions of an automatically created topic (used by the layer that auto-creates topics).")
            .define(AUTO_CREATE_TOPICS_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.HIGH,
                    "Whether clients may create topics by using them (enforced by the client layer).")
            .defineUnsupported("log.preallocate", "segments are not pre-allocated")
            .defineUnsupported("log.cleaner.threads", "one cleaner pass runs at a time")
            .defineUnsupported("log.cleaner.max.compaction.lag.ms", "compaction is triggered by the dirty ratio only")
            .defineUnsupported("remote.log.storage.system.enable", "tiered storage does not exist in Runnel");

    /**
     * @param props broker-level settings
     * @throws ConfigException naming every invalid or unsupported setting, or several log directories
     */
    public LogManagerConfig(Map<?, ?> props) {
        super(CONFIG, props);
        List<String> dirs = getList(LOG_DIRS_CONFIG);
        if (dirs != null && dirs.size() != 1) {
            throw new ConfigException(LOG_DIRS_CONFIG, dirs, "Runnel supports exactly one log directory");
        }
    }

    /** @return the log directory ({@code log.dirs} if set, else {@code log.dir}) */
    public File logDir() {
        List<String> dirs = getList(LOG_DIRS_CONFIG);
        return new File(dirs != null ? dirs.get(0) : getString(LOG_DIR_CONFIG));
    }

    /**
     * The topic-level defaults these broker settings give, keyed by topic-level names.
     *
     * @return the defaults (a new mutable map)
     */
    public Map<String, Object> topicDefaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(LogConfig.SEGMENT_BYTES_CONFIG, getInt("log.segment.bytes"));
        Long rollMs = getLong("log.roll.ms");
        m.put(LogConfig.SEGMENT_MS_CONFIG, rollMs != null ? rollMs : getInt("log.roll.hours") * 3_600_000L);
        Long jitterMs = getLong("log.roll.jitter.ms");
        m.put(LogConfig.SEGMENT_JITTER_MS_CONFIG, jitterMs != null ? jitterMs : getInt("log.roll.jitter.hours") * 3_600_000L);
        Long retentionMs = getLong("log.retention.ms");
        Integer retentionMinutes = getInt("log.retention.minutes");
        m.put(LogConfig.RETENTION_MS_CONFIG, retentionMs != null ? retentionMs
                : retentionMinutes != null ? retentionMinutes * 60_000L : getInt("log.retention.hours") * 3_600_000L);
        m.put(LogConfig.RETENTION_BYTES_CONFIG, getLong("log.retention.bytes"));
        m.put(LogConfig.CLEANUP_POLICY_CONFIG, getList("log.cleanup.policy"));
        m.put(LogConfig.DELETE_RETENTION_MS_CONFIG, getLong("log.cleaner.delete.retention.ms"));
        m.put(LogConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, getDouble("log.cleaner.min.cleanable.ratio"));
        m.put(LogConfig.MIN_COMPACTION_LAG_MS_CONFIG, getLong("log.cleaner.min.compaction.lag.ms"));
        m.put(LogConfig.SEGMENT_INDEX_BYTES_CONFIG, getInt("log.index.size.max.bytes"));
        m.put(LogConfig.INDEX_INTERVAL_BYTES_CONFIG, getInt("log.index.interval.bytes"));
        m.put(LogConfig.FLUSH_MESSAGES_INTERVAL_CONFIG, getLong("log.flush.interval.messages"));
        Long flushMs = getLong("log.flush.interval.ms");
        m.put(LogConfig.FLUSH_MS_CONFIG, flushMs != null ? flushMs : getLong(LOG_FLUSH_SCHEDULER_INTERVAL_MS_CONFIG));
        m.put(LogConfig.FILE_DELETE_DELAY_MS_CONFIG, getLong("log.segment.delete.delay.ms"));
        m.put(LogConfig.MAX_MESSAGE_BYTES_CONFIG, getInt("message.max.bytes"));
        m.put(LogConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, getString("log.message.timestamp.type"));
        m.put(LogConfig.MIN_IN_SYNC_REPLICAS_CONFIG, getInt("min.insync.replicas"));
        return m;
    }
}
