package io.runnel.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.Uuid;
import io.runnel.common.config.ConfigException;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.InvalidTopicException;
import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.utils.Time;
import io.runnel.log.internals.LogDirLock;
import io.runnel.log.internals.OffsetCheckpointFile;
import io.runnel.log.internals.TopicMetadataStore;
import io.runnel.log.internals.TopicMetadataStore.TopicMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/*
 * Design notes for maintainers.
 *
 * The log manager owns one log directory: the .lock file (held for its lifetime), the clean-shutdown marker,
 * the checkpoint files (recovery points, log start offsets, cleaner offsets), topic metadata and one
 * PartitionLog per partition. Topic operations (create, add partitions, alter config, delete) are serialised
 * by the manager's monitor and persist metadata before touching partition directories, so a crash leaves
 * either the old or the new topic, and open() repairs the rest: missing partition directories are created,
 * directories whose partition.metadata names no known topic ID (leftovers of a deleted topic) are removed.
 *
 * Background work runs on the injected Scheduler with the injected Time: retention every
 * log.retention.check.interval.ms, compaction every log.cleaner.backoff.ms, the flush.ms flusher every
 * log.flush.scheduler.interval.ms, and the two offset checkpoints. Tests use MockTime + MockScheduler and call
 * the same entry points (cleanupLogs, cleanLogs, flushDirtyLogs, checkpoint*) directly.
 *
 * Clean shutdown: close() flushes every log, writes producer-state snapshots, checkpoints recovery points and
 * log start offsets, closes the logs and only then writes .runnel_cleanshutdown; open() deletes the marker
 * first, so any crash after open forces recovery from the recovery points on the next open.
 */
/**
 * The embedded log's storage engine: opens a log directory, manages topics (with topic IDs and config
 * overrides) and hands out the per-partition {@link PartitionLog}s; runs retention, compaction and flushes in
 * the background; closes cleanly. Kafka's {@code LogManager} plus the topic metadata a controller would keep.
 *
 * <pre>{@code
 * try (LogManager logs = LogManager.open(Map.of("log.dir", "/var/lib/runnel"))) {
 *     logs.createTopic("orders", 3, Map.of("cleanup.policy", "compact"));
 *     PartitionLog p0 = logs.log(new TopicPartition("orders", 0));
 *     LogAppendInfo info = p0.append(batch);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Topic operations are serialised; logs are used concurrently (see {@link PartitionLog}).
 */
public final class LogManager implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(LogManager.class);

    /** Written at clean shutdown, deleted at open. */
    public static final String CLEAN_SHUTDOWN_FILE = ".runnel_cleanshutdown";
    /** Recovery points checkpoint (Kafka's name). */
    public static final String RECOVERY_POINT_CHECKPOINT_FILE = "recovery-point-offset-checkpoint";
    /** Log start offsets checkpoint (Kafka's name). */
    public static final String LOG_START_OFFSET_CHECKPOINT_FILE = "log-start-offset-checkpoint";
    /** Cleaner checkpoint (Kafka's name). */
    public static final String CLEANER_OFFSET_CHECKPOINT_FILE = "cleaner-offset-checkpoint";
    /** Longest legal topic name. */
    public static final int MAX_TOPIC_NAME_LENGTH = 249;

    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");

    private record TopicState(TopicMetadata metadata, LogConfig config) {
    }

    private final LogManagerConfig config;
    private final File logDir;
    private final Time time;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final LogDirLock dirLock;
    private final TopicMetadataStore topicStore;
    private final OffsetCheckpointFile recoveryPointCheckpoint;
    private final OffsetCheckpointFile logStartOffsetCheckpoint;
    private final OffsetCheckpointFile cleanerCheckpoint;
    private final Map<String, TopicState> topics = new TreeMap<>();
    private final ConcurrentHashMap<TopicPartition, PartitionLog> logs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TopicPartition, Long> cleanerOffsets = new ConcurrentHashMap<>();
    private final List<Scheduler.Task> tasks = new ArrayList<>();
    private volatile boolean closed;

    private LogManager(LogManagerConfig config, Time time, Scheduler scheduler, boolean ownsScheduler) {
        this.config = config;
        this.logDir = config.logDir();
        this.time = time;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        if (!logDir.isDirectory() && !logDir.mkdirs()) {
            throw new RunnelStorageException("Could not create log directory " + logDir);
        }
        this.dirLock = LogDirLock.acquire(logDir);
        try {
            this.topicStore = new TopicMetadataStore(logDir);
            this.recoveryPointCheckpoint = new OffsetCheckpointFile(new File(logDir, RECOVERY_POINT_CHECKPOINT_FILE));
            this.logStartOffsetCheckpoint = new OffsetCheckpointFile(new File(logDir, LOG_START_OFFSET_CHECKPOINT_FILE));
            this.cleanerCheckpoint = new OffsetCheckpointFile(new File(logDir, CLEANER_OFFSET_CHECKPOINT_FILE));
            loadLogs();
        } catch (RuntimeException e) {
            dirLock.close();
            throw e;
        }
    }

    /**
     * Opens a log directory with the system clock and a scheduler of its own (shut down by {@link #close()}).
     *
     * @param props broker-level settings ({@link LogManagerConfig}); at least {@code log.dir}
     * @return the open manager
     * @throws ConfigException         for invalid settings
     * @throws RunnelStorageException  if the directory is locked by another process (the message names it) or
     *                                 cannot be read
     */
    public static LogManager open(Map<String, ?> props) {
        DefaultScheduler scheduler = new DefaultScheduler(1, "runnel-log-scheduler");
        scheduler.startup();
        try {
            return new LogManager(new LogManagerConfig(props), Time.SYSTEM, scheduler, true);
        } catch (RuntimeException e) {
            scheduler.shutdown();
            throw e;
        }
    }

    /**
     * Opens a log directory with an injected clock and scheduler (not shut down by {@link #close()}).
     *
     * @param config    broker-level settings
     * @param time      the clock for rolls, retention, compaction and flushes
     * @param scheduler runs the background work; must be started
     * @return the open manager
     * @throws RunnelStorageException if the directory is locked by another process or cannot be read
     */
    public static LogManager open(LogManagerConfig config, Time time, Scheduler scheduler) {
        return new LogManager(config, time, scheduler, false);
    }

    private void loadLogs() {
        File marker = new File(logDir, CLEAN_SHUTDOWN_FILE);
        boolean clean = marker.exists();
        PartitionLog.deleteFile(marker);
        Map<TopicPartition, Long> recoveryPoints = recoveryPointCheckpoint.read();
        Map<TopicPartition, Long> startOffsets = logStartOffsetCheckpoint.read();
        cleanerOffsets.putAll(cleanerCheckpoint.read());
        Map<String, TopicMetadata> persisted = topicStore.loadAll();
        Map<String, Uuid> knownIds = new HashMap<>();
        persisted.forEach((name, md) -> knownIds.put(md.topicId().toString(), md.topicId()));
        File[] dirs = logDir.listFiles(File::isDirectory);
        for (File d : dirs == null ? new File[0] : dirs) {
            if (d.getName().equals(TopicMetadataStore.DIR_NAME)) {
                continue;
            }
            Uuid id = TopicMetadataStore.readPartitionMetadata(d);
            if (id != null && !knownIds.containsKey(id.toString())) {
                log.warn("Deleting {}: it belongs to topic ID {} which no longer exists", d, id);
                PartitionLog.deleteRecursively(d);
            }
        }
        int threads = config.getInt(LogManagerConfig.NUM_RECOVERY_THREADS_PER_DATA_DIR_CONFIG);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "runnel-log-recovery");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PartitionLog>> opening = new ArrayList<>();
            for (TopicMetadata md : persisted.values()) {
                LogConfig cfg = LogConfig.fromProps(config.topicDefaults(), md.overrides());
                topics.put(md.name(), new TopicState(md, cfg));
                for (int p = 0; p < md.partitions(); p++) {
                    TopicPartition tp = new TopicPartition(md.name(), p);
                    long start = startOffsets.getOrDefault(tp, 0L);
                    long rp = recoveryPoints.getOrDefault(tp, 0L);
                    opening.add(pool.submit(() -> openLog(tp, md.topicId(), cfg, start, rp, clean)));
                }
            }
            for (Future<PartitionLog> f : opening) {
                PartitionLog pl = f.get();
                logs.put(pl.topicPartition(), pl);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnelStorageException("Interrupted while opening the logs in " + logDir, e);
        } catch (ExecutionException e) {
            logs.values().forEach(PartitionLog::close);
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new RunnelStorageException("Could not open the logs in " + logDir + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        log.info("Opened {} partition(s) of {} topic(s) in {} ({} shutdown)", logs.size(), topics.size(), logDir,
                clean ? "after a clean" : "after an unclean");
        scheduleBackgroundWork();
    }

    private PartitionLog openLog(TopicPartition tp, Uuid topicId, LogConfig cfg, long start, long recoveryPoint,
                                 boolean clean) {
        File dir = partitionDir(tp);
        boolean existed = dir.isDirectory();
        PartitionLog pl = PartitionLog.open(dir, tp, topicId, cfg, start, recoveryPoint, clean || !existed, time, scheduler);
        TopicMetadataStore.writePartitionMetadata(dir, topicId);
        return pl;
    }

    private void scheduleBackgroundWork() {
        tasks.add(scheduler.schedule("log-retention", this::cleanupLogs,
                config.getLong(LogManagerConfig.LOG_RETENTION_CHECK_INTERVAL_MS_CONFIG),
                config.getLong(LogManagerConfig.LOG_RETENTION_CHECK_INTERVAL_MS_CONFIG)));
        long flushInterval = config.getLong(LogManagerConfig.LOG_FLUSH_SCHEDULER_INTERVAL_MS_CONFIG);
        if (flushInterval < Long.MAX_VALUE / 2) {
            tasks.add(scheduler.schedule("log-flusher", this::flushDirtyLogs, flushInterval, flushInterval));
        }
        long rp = config.getLong(LogManagerConfig.LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS_CONFIG);
        tasks.add(scheduler.schedule("recovery-point-checkpoint", this::checkpointRecoveryPoints, rp, rp));
        long so = config.getLong(LogManagerConfig.LOG_FLUSH_START_OFFSET_CHECKPOINT_INTERVAL_MS_CONFIG);
        tasks.add(scheduler.schedule("log-start-offset-checkpoint", this::checkpointLogStartOffsets, so, so));
        if (config.getBoolean(LogManagerConfig.LOG_CLEANER_ENABLE_CONFIG)) {
            long backoff = Math.max(1L, config.getLong(LogManagerConfig.LOG_CLEANER_BACKOFF_MS_CONFIG));
            tasks.add(scheduler.schedule("log-cleaner", () -> cleanLogs(false), backoff, backoff));
        }
    }

    private File partitionDir(TopicPartition tp) {
        return new File(logDir, tp.topic() + "-" + tp.partition());
    }

    // ------------------------------------------------------------------------------------------------ topics

    /**
     * Checks a topic name as Kafka does.
     *
     * @param name the name
     * @throws InvalidTopicException if it is empty, {@code .} or {@code ..}, longer than 249 characters, or
     *                               contains characters other than ASCII letters, digits, {@code .}, {@code _}, {@code -}
     */
    public static void validateTopicName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidTopicException("Topic name is illegal, it can't be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidTopicException("Topic name cannot be \".\" or \"..\"");
        }
        if (name.length() > MAX_TOPIC_NAME_LENGTH) {
            throw new InvalidTopicException("Topic name is illegal, it can't be longer than " + MAX_TOPIC_NAME_LENGTH
                    + " characters, topic name: " + name);
        }
        if (!LEGAL_TOPIC.matcher(name).matches()) {
            throw new InvalidTopicException("Topic name \"" + name + "\" is illegal, it contains a character other "
                    + "than ASCII alphanumerics, '.', '_' and '-'");
        }
    }

    /**
     * Creates a topic with a new random topic ID.
     *
     * @param name       the topic name (see {@link #validateTopicName})
     * @param partitions the partition count, {@code >= 1}
     * @param overrides  topic-level config overrides (Kafka names, e.g. {@code cleanup.policy}); may be empty
     * @return the new topic's description
     * @throws InvalidTopicException      for an illegal name or one colliding with an existing topic once
     *                                    {@code .} and {@code _} are treated alike
     * @throws TopicExistsException       if the topic exists
     * @throws InvalidPartitionsException if {@code partitions < 1}
     * @throws ConfigException            for unknown, invalid or unsupported overrides
     */
    public synchronized TopicDescription createTopic(String name, int partitions, Map<String, ?> overrides) {
        ensureOpen();
        validateTopicName(name);
        if (topics.containsKey(name)) {
            throw new TopicExistsException("Topic '" + name + "' already exists.");
        }
        String normalized = name.replace('.', '_');
        for (String existing : topics.keySet()) {
            if (existing.replace('.', '_').equals(normalized)) {
                throw new InvalidTopicException("Topic '" + name + "' collides with existing topic: " + existing
                        + " ('.' and '_' are treated as the same character)");
            }
        }
        if (partitions < 1) {
            throw new InvalidPartitionsException("Number of partitions must be larger than 0, got " + partitions);
        }
        Map<String, String> strings = toStrings(overrides);
        LogConfig.validateOverrides(strings);
        LogConfig cfg = LogConfig.fromProps(config.topicDefaults(), strings);
        TopicMetadata md = new TopicMetadata(name, Uuid.randomUuid(), partitions, strings);
        topicStore.write(md);
        topics.put(name, new TopicState(md, cfg));
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(name, p);
            logs.put(tp, openLog(tp, md.topicId(), cfg, 0L, 0L, true));
        }
        log.info("Created topic {} (id {}) with {} partition(s) and overrides {}", name, md.topicId(), partitions, strings);
        return describe(name);
    }

    private static Map<String, String> toStrings(Map<String, ?> overrides) {
        Map<String, String> strings = new LinkedHashMap<>();
        overrides.forEach((k, v) -> strings.put(k, v instanceof List<?> l
                ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        return strings;
    }

    /** @return the topic names, sorted */
    public synchronized Set<String> listTopics() {
        return new TreeSet<>(topics.keySet());
    }

    /**
     * @param name a topic
     * @return its description
     * @throws UnknownTopicOrPartitionException if it does not exist
     */
    public synchronized TopicDescription describeTopic(String name) {
        ensureOpen();
        return describe(name);
    }

    private TopicDescription describe(String name) {
        TopicState t = topics.get(name);
        if (t == null) {
            throw new UnknownTopicOrPartitionException("Topic '" + name + "' does not exist");
        }
        return new TopicDescription(name, t.metadata.topicId(), t.metadata.partitions(),
                Map.copyOf(t.metadata.overrides()), t.config);
    }

    /**
     * Raises a topic's partition count (Kafka's CreatePartitions).
     *
     * @param name       the topic
     * @param totalCount the new total, larger than the current count
     * @return the updated description
     * @throws InvalidPartitionsException       if {@code totalCount} is not larger than the current count
     * @throws UnknownTopicOrPartitionException if the topic does not exist
     */
    public synchronized TopicDescription createPartitions(String name, int totalCount) {
        ensureOpen();
        TopicState t = topics.get(name);
        if (t == null) {
            throw new UnknownTopicOrPartitionException("Topic '" + name + "' does not exist");
        }
        int current = t.metadata.partitions();
        if (totalCount < current) {
            throw new InvalidPartitionsException("Topic '" + name + "' has " + current + " partitions; the count can "
                    + "only grow, not shrink to " + totalCount);
        }
        if (totalCount == current) {
            throw new InvalidPartitionsException("Topic '" + name + "' already has " + current + " partitions");
        }
        TopicMetadata md = new TopicMetadata(name, t.metadata.topicId(), totalCount, t.metadata.overrides());
        topicStore.write(md);
        topics.put(name, new TopicState(md, t.config));
        for (int p = current; p < totalCount; p++) {
            TopicPartition tp = new TopicPartition(name, p);
            logs.put(tp, openLog(tp, md.topicId(), t.config, 0L, 0L, true));
        }
        return describe(name);
    }

    /**
     * Replaces a topic's config overrides (Kafka's AlterConfigs: settings not given return to the broker
     * default) and applies them to every partition.
     *
     * @param name      the topic
     * @param overrides the complete new overrides
     * @return the updated description
     * @throws UnknownTopicOrPartitionException if the topic does not exist
     * @throws ConfigException                  for unknown, invalid or unsupported settings
     */
    public synchronized TopicDescription alterTopicConfig(String name, Map<String, ?> overrides) {
        ensureOpen();
        TopicState t = topics.get(name);
        if (t == null) {
            throw new UnknownTopicOrPartitionException("Topic '" + name + "' does not exist");
        }
        Map<String, String> strings = toStrings(overrides);
        LogConfig.validateOverrides(strings);
        LogConfig cfg = LogConfig.fromProps(config.topicDefaults(), strings);
        TopicMetadata md = new TopicMetadata(name, t.metadata.topicId(), t.metadata.partitions(), strings);
        topicStore.write(md);
        topics.put(name, new TopicState(md, cfg));
        for (int p = 0; p < md.partitions(); p++) {
            PartitionLog pl = logs.get(new TopicPartition(name, p));
            if (pl != null) {
                pl.updateConfig(cfg);
            }
        }
        return describe(name);
    }

    /**
     * Deletes a topic: its metadata, logs and files.
     *
     * @param name the topic
     * @throws UnknownTopicOrPartitionException if it does not exist
     */
    public synchronized void deleteTopic(String name) {
        ensureOpen();
        TopicState t = topics.remove(name);
        if (t == null) {
            throw new UnknownTopicOrPartitionException("Topic '" + name + "' does not exist");
        }
        topicStore.delete(t.metadata);
        for (int p = 0; p < t.metadata.partitions(); p++) {
            TopicPartition tp = new TopicPartition(name, p);
            PartitionLog pl = logs.remove(tp);
            cleanerOffsets.remove(tp);
            if (pl != null) {
                pl.delete();
            } else {
                PartitionLog.deleteRecursively(partitionDir(tp));
            }
        }
        log.info("Deleted topic {} (id {})", name, t.metadata.topicId());
    }

    /**
     * @param tp a partition
     * @return its log
     * @throws UnknownTopicOrPartitionException if the topic or partition does not exist
     */
    public PartitionLog log(TopicPartition tp) {
        PartitionLog pl = logs.get(tp);
        if (pl == null) {
            throw new UnknownTopicOrPartitionException("Partition " + tp + " does not exist");
        }
        return pl;
    }

    /**
     * @param tp a partition
     * @return its log, or empty
     */
    public Optional<PartitionLog> getLog(TopicPartition tp) {
        return Optional.ofNullable(logs.get(tp));
    }

    /** @return every open partition log */
    public Collection<PartitionLog> allLogs() {
        return List.copyOf(logs.values());
    }

    /** @return the log directory */
    public File logDir() {
        return logDir;
    }

    /** @return the broker-level configuration */
    public LogManagerConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------------------------ background

    /**
     * Runs retention on every log now (the scheduler does this every {@code log.retention.check.interval.ms}).
     *
     * @return the number of segments deleted
     */
    public int cleanupLogs() {
        int deleted = 0;
        for (PartitionLog pl : logs.values()) {
            try {
                deleted += pl.deleteOldSegments();
            } catch (RuntimeException e) {
                log.error("Retention failed for {}", pl.topicPartition(), e);
            }
        }
        if (deleted > 0) {
            checkpointLogStartOffsets();
        }
        return deleted;
    }

    /**
     * Runs one compaction pass over every compacted log whose dirty ratio reaches
     * {@code min.cleanable.dirty.ratio} (the scheduler does this every {@code log.cleaner.backoff.ms}).
     *
     * @param force clean every compacted log regardless of its dirty ratio
     * @return the number of logs cleaned
     */
    public int cleanLogs(boolean force) {
        int cleaned = 0;
        long budget = config.getLong(LogManagerConfig.LOG_CLEANER_DEDUPE_BUFFER_SIZE_CONFIG);
        for (PartitionLog pl : logs.values()) {
            try {
                long dirty = LogCleaner.clean(pl, cleanerOffsets.getOrDefault(pl.topicPartition(), 0L), budget, force);
                if (dirty >= 0) {
                    cleanerOffsets.put(pl.topicPartition(), dirty);
                    cleaned++;
                }
            } catch (RuntimeException e) {
                if (!closed && logs.containsKey(pl.topicPartition())) {
                    log.error("Compaction failed for {}", pl.topicPartition(), e);
                }
            }
        }
        if (cleaned > 0) {
            cleanerCheckpoint.write(new HashMap<>(cleanerOffsets));
        }
        return cleaned;
    }

    /** Flushes every log whose unflushed data is older than its {@code flush.ms}. */
    public void flushDirtyLogs() {
        for (PartitionLog pl : logs.values()) {
            try {
                pl.flushIfDue();
            } catch (RuntimeException e) {
                log.error("Flush failed for {}", pl.topicPartition(), e);
            }
        }
    }

    /** Writes the recovery points of every log to {@code recovery-point-offset-checkpoint}. */
    public void checkpointRecoveryPoints() {
        Map<TopicPartition, Long> m = new HashMap<>();
        logs.values().forEach(pl -> m.put(pl.topicPartition(), pl.recoveryPoint()));
        recoveryPointCheckpoint.write(m);
    }

    /** Writes the log start offsets of every log to {@code log-start-offset-checkpoint}. */
    public void checkpointLogStartOffsets() {
        Map<TopicPartition, Long> m = new HashMap<>();
        logs.values().forEach(pl -> m.put(pl.topicPartition(), pl.logStartOffset()));
        logStartOffsetCheckpoint.write(m);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The LogManager of " + logDir + " is closed");
        }
    }

    /**
     * Stops background work, flushes and closes every log (producer-state snapshots included), writes the
     * checkpoints and the clean-shutdown marker, and releases the directory lock. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        tasks.forEach(Scheduler.Task::cancel);
        if (ownsScheduler) {
            scheduler.shutdown();
        }
        RuntimeException failure = null;
        for (PartitionLog pl : logs.values()) {
            try {
                pl.close();
            } catch (RuntimeException e) {
                failure = e;
                log.error("Could not close {}", pl.topicPartition(), e);
            }
        }
        try {
            checkpointRecoveryPoints();
            checkpointLogStartOffsets();
            cleanerCheckpoint.write(new HashMap<>(cleanerOffsets));
            if (failure == null) {
                File marker = new File(logDir, CLEAN_SHUTDOWN_FILE);
                if (!marker.createNewFile() && !marker.exists()) {
                    throw new IOException("could not create " + marker);
                }
            }
        } catch (IOException e) {
            failure = new RunnelStorageException("Could not write the clean shutdown marker in " + logDir, e);
        } finally {
            dirLock.close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
