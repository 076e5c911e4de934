package io.runnel.clients.consumer;

import io.runnel.clients.RunnelClient;
import io.runnel.clients.internals.ClientTransports;
import io.runnel.clients.consumer.internals.AutoOffsetResetStrategy;
import io.runnel.clients.consumer.internals.ConsumerCoordinator;
import io.runnel.clients.consumer.internals.ConsumerMetadata;
import io.runnel.clients.consumer.internals.ConsumerNetworkClient;
import io.runnel.clients.consumer.internals.Fetcher;
import io.runnel.clients.consumer.internals.OffsetFetcher;
import io.runnel.clients.consumer.internals.SubscriptionState;
import io.runnel.common.Cluster;
import io.runnel.common.Configurable;
import io.runnel.common.IsolationLevel;
import io.runnel.common.PartitionInfo;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigException;
import io.runnel.common.errors.InvalidGroupIdException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.internals.Topic;
import io.runnel.common.requests.ListOffsetsRequest;
import io.runnel.common.requests.ListOffsetsResponse;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.utils.Time;
import io.runnel.common.utils.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/*
 * Design notes for maintainers.
 *
 * A facade in Kafka's shape over: SubscriptionState (what to read, positions), ConsumerCoordinator (group
 * membership, rebalances, commits, the heartbeat thread), Fetcher (one long-poll fetch in flight, lazy decoding),
 * OffsetFetcher (ListOffsets) and ConsumerMetadata. Every public method runs on the caller's thread under
 * acquire()/release(), Kafka's light-weight check that a consumer is used by one thread at a time; wakeup() is
 * the only method other threads may call. The transport comes from bootstrap.servers and so does the clock: a
 * consumer of an embedded log opened with a MockTime polls, heartbeats and times out on the mock clock.
 */
/**
 * The consumer client (Kafka's {@code KafkaConsumer}): reads records from partitions it subscribes to as a member
 * of a consumer group (Kafka's classic group protocol, with pluggable assignors) or that it is assigned manually,
 * and commits its positions to the group.
 *
 * <pre>{@code
 * Map<String, Object> props = Map.of(
 *     "bootstrap.servers", "file:///var/lib/runnel",
 *     "group.id", "billing",
 *     "key.deserializer", StringDeserializer.class,
 *     "value.deserializer", StringDeserializer.class);
 * try (Consumer<String, String> consumer = new RunnelConsumer<>(props)) {
 *     consumer.subscribe(List.of("orders"));
 *     while (running) {
 *         for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p><b>Positions and commits.</b> A partition's position is the offset of the next record {@code poll} returns.
 * A newly assigned partition starts at the group's committed offset, else where {@code auto.offset.reset} says
 * ({@code earliest}, {@code latest}, {@code none}: {@link NoOffsetForPartitionException}). With
 * {@code enable.auto.commit=true} positions are committed every {@code auto.commit.interval.ms} during
 * {@code poll}, before each rebalance and at {@code close}. A commit by a member that is no longer in the group's
 * generation fails with {@link CommitFailedException}.
 *
 * <p><b>Liveness.</b> A background thread heartbeats every {@code heartbeat.interval.ms}; a member that misses
 * {@code session.timeout.ms} is removed by the coordinator, and a member that does not call {@code poll} within
 * {@code max.poll.interval.ms} leaves the group itself. Either way its partitions move to other members and it
 * rejoins on its next poll (its partitions reported lost).
 *
 * <p><b>Threads.</b> Not thread-safe: one thread uses a consumer (another thread using it at the same time gets
 * {@link ConcurrentModificationException}), except {@link #wakeup()}, which any thread may call to make a blocking
 * call throw {@link WakeupException}. Rebalance and commit callbacks run on the polling thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class RunnelConsumer<K, V> implements Consumer<K, V> {

    private static final Logger log = LoggerFactory.getLogger(RunnelConsumer.class);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger(1);
    private static final long NO_CURRENT_THREAD = -1L;
    private static final Map<String, String> ASSIGNOR_ALIASES = Map.of(
            "range", RangeAssignor.class.getName(),
            "roundrobin", RoundRobinAssignor.class.getName(),
            "sticky", StickyAssignor.class.getName(),
            "cooperative-sticky", CooperativeStickyAssignor.class.getName(),
            "org.apache.kafka.clients.consumer.RangeAssignor", RangeAssignor.class.getName(),
            "org.apache.kafka.clients.consumer.RoundRobinAssignor", RoundRobinAssignor.class.getName(),
            "org.apache.kafka.clients.consumer.StickyAssignor", StickyAssignor.class.getName(),
            "org.apache.kafka.clients.consumer.CooperativeStickyAssignor", CooperativeStickyAssignor.class.getName());

    private final String clientId;
    private final String groupId;
    private final ConsumerConfig config;
    private final Time time;
    private final ConsumerNetworkClient net;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final SubscriptionState subscriptions;
    private final ConsumerMetadata metadata;
    private final Fetcher<K, V> fetcher;
    private final OffsetFetcher offsetFetcher;
    private final ConsumerCoordinator coordinator;
    private final long defaultApiTimeoutMs;
    private final long retryBackoffMs;
    private final AtomicLong currentThread = new AtomicLong(NO_CURRENT_THREAD);
    private final AtomicInteger refcount = new AtomicInteger();
    private volatile boolean closed;
    /** Set while {@link #close(Duration)} runs, so a listener calling close from inside it does not recurse. */
    private boolean closing;

    /**
     * @param configs the settings (Kafka names); deserializers by class name
     * @throws ConfigException naming every bad setting
     */
    public RunnelConsumer(Map<String, Object> configs) {
        this(configs, null, null);
    }

    /** @param properties the settings */
    public RunnelConsumer(Properties properties) {
        this(properties, null, null);
    }

    /**
     * @param configs           the settings
     * @param keyDeserializer   the key deserializer (not configured by the consumer), or null for
     *                          {@code key.deserializer}
     * @param valueDeserializer the value deserializer, or null for {@code value.deserializer}
     */
    public RunnelConsumer(Map<String, Object> configs, Deserializer<K> keyDeserializer,
                          Deserializer<V> valueDeserializer) {
        this(new ConsumerConfig(ConsumerConfig.appendDeserializerToConfig(configs, keyDeserializer, valueDeserializer)),
                keyDeserializer, valueDeserializer, null);
    }

    /**
     * @param properties        the settings
     * @param keyDeserializer   the key deserializer, or null
     * @param valueDeserializer the value deserializer, or null
     */
    public RunnelConsumer(Properties properties, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        this(new ConsumerConfig(ConsumerConfig.appendDeserializerToConfig(properties, keyDeserializer,
                valueDeserializer)), keyDeserializer, valueDeserializer, null);
    }

    // Deserializers created from configuration are typed by the class the user named; the consumer trusts that
    // the class produces K and V, as Kafka's does.
    @SuppressWarnings("unchecked")
    RunnelConsumer(ConsumerConfig config, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer,
                   RunnelClient transport) {
        this.config = config;
        this.groupId = config.getString(ConsumerConfig.GROUP_ID_CONFIG);
        String id = config.getString(ConsumerConfig.CLIENT_ID_CONFIG);
        this.clientId = id == null || id.isEmpty()
                ? "consumer-" + (groupId == null ? "" : groupId + "-") + CLIENT_IDS.getAndIncrement() : id;
        boolean autoCommit = resolveAutoCommit(config, groupId);
        if (groupId == null && config.getString(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG) != null) {
            throw new ConfigException(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG + " needs " + ConsumerConfig.GROUP_ID_CONFIG);
        }
        List<ConsumerPartitionAssignor> assignors = groupId == null ? List.of() : assignors(config);
        Deserializer<K> kd = keyDeserializer;
        Deserializer<V> vd = valueDeserializer;
        if (kd == null) {
            kd = config.getConfiguredInstance(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, Deserializer.class);
            kd.configure(config.originals(), true);
        }
        if (vd == null) {
            vd = config.getConfiguredInstance(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, Deserializer.class);
            vd.configure(config.originals(), false);
        }
        this.keyDeserializer = kd;
        this.valueDeserializer = vd;
        RunnelClient client = transport != null ? transport : ClientTransports.open(config, clientId, "consumer");
        this.time = client.time();
        this.net = new ConsumerNetworkClient(client, time);
        this.defaultApiTimeoutMs = config.getInt(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        this.retryBackoffMs = config.getLong(io.runnel.clients.CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG);
        this.subscriptions = new SubscriptionState(AutoOffsetResetStrategy.fromString(
                config.getString(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)));
        this.metadata = new ConsumerMetadata(net, config.getLong(ConsumerConfig.METADATA_MAX_AGE_CONFIG),
                config.getBoolean(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG));
        IsolationLevel isolation = IsolationLevel.valueOf(config.getString(ConsumerConfig.ISOLATION_LEVEL_CONFIG)
                .toUpperCase(Locale.ROOT));
        this.fetcher = new Fetcher<>(net, subscriptions, metadata, kd, vd,
                config.getInt(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), config.getInt(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
                config.getInt(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
                config.getInt(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                config.getInt(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), config.getBoolean(ConsumerConfig.CHECK_CRCS_CONFIG),
                isolation);
        this.offsetFetcher = new OffsetFetcher(net, subscriptions, isolation, retryBackoffMs);
        this.coordinator = groupId == null ? null : new ConsumerCoordinator(groupId,
                Optional.ofNullable(config.getString(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)), clientId,
                config.getInt(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                config.getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG),
                config.getInt(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                config.getInt(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG), retryBackoffMs, autoCommit,
                config.getInt(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG),
                config.getBoolean(ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG), assignors, net, subscriptions, metadata);
        config.logUnused();
        log.info("Consumer {} started against {}{}", clientId, client.destination(),
                groupId == null ? "" : " in group " + groupId);
    }

    private static boolean resolveAutoCommit(ConsumerConfig config, String groupId) {
        boolean autoCommit = config.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
        if (groupId == null && autoCommit) {
            if (config.originals().containsKey(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)) {
                throw new ConfigException(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG + " cannot be set to true when the "
                        + "default group id (null) is used: set group.id or disable auto-commit");
            }
            return false;
        }
        return autoCommit;
    }

    private static List<ConsumerPartitionAssignor> assignors(ConsumerConfig config) {
        List<ConsumerPartitionAssignor> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : config.getList(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG)) {
            String className = ASSIGNOR_ALIASES.getOrDefault(entry.trim(), entry.trim());
            Class<?> c = (Class<?>) ConfigDef.parseType(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, className,
                    ConfigDef.Type.CLASS);
            ConsumerPartitionAssignor a = AbstractConfig.newInstance(c, ConsumerPartitionAssignor.class,
                    ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
            if (a instanceof Configurable configurable) {
                configurable.configure(config.originals());
            }
            if (!names.add(a.name())) {
                throw new ConfigException("The assignor name '" + a.name() + "' is used in more than one assignor in "
                        + ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
            }
            out.add(a);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ threads

    private void acquireAndEnsureOpen() {
        acquire();
        if (closed) {
            release();
            throw new IllegalStateException("This consumer has already been closed.");
        }
    }

    private void acquire() {
        long threadId = Thread.currentThread().getId();
        if (threadId != currentThread.get() && !currentThread.compareAndSet(NO_CURRENT_THREAD, threadId)) {
            throw new ConcurrentModificationException("RunnelConsumer is not safe for multi-threaded access. "
                    + "currentThread(name: " + Thread.currentThread().getName() + ", id: " + threadId + ")"
                    + " otherThread(id: " + currentThread.get() + ")");
        }
        refcount.incrementAndGet();
    }

    private void release() {
        if (refcount.decrementAndGet() == 0) {
            currentThread.set(NO_CURRENT_THREAD);
        }
    }

    // ------------------------------------------------------------------------------------------------ subscribe

    /** @return the assigned partitions */
    @Override
    public Set<TopicPartition> assignment() {
        acquireAndEnsureOpen();
        try {
            return subscriptions.assignedPartitions();
        } finally {
            release();
        }
    }

    /** @return the subscribed topics (for a pattern, the topics it matches now) */
    @Override
    public Set<String> subscription() {
        acquireAndEnsureOpen();
        try {
            return subscriptions.subscription();
        } finally {
            release();
        }
    }

    @Override
    public void subscribe(Collection<String> topics) {
        subscribe(topics, null);
    }

    /**
     * Subscribes to topics as a member of {@code group.id}; partitions are assigned by the group's rebalances
     * (on the next {@code poll}). An empty collection unsubscribes. Missing topics are created on first use if
     * {@code allow.auto.create.topics} and the broker allow it.
     *
     * @param topics   the topics
     * @param listener told about rebalances, or null
     * @throws IllegalArgumentException  for a null collection or a null or blank topic
     * @throws IllegalStateException     if partitions were assigned manually
     * @throws InvalidGroupIdException   without {@code group.id}
     */
    @Override
    public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
        acquireAndEnsureOpen();
        try {
            if (topics == null) {
                throw new IllegalArgumentException("Topic collection to subscribe to cannot be null");
            }
            if (topics.isEmpty()) {
                unsubscribe();
                return;
            }
            for (String t : topics) {
                if (t == null || t.isBlank()) {
                    throw new IllegalArgumentException("Topic collection to subscribe to cannot contain null or empty "
                            + "topic");
                }
            }
            requireGroup("subscribe");
            if (subscriptions.subscribe(new HashSet<>(topics), listener)) {
                metadata.requestUpdate();
                coordinator.requestRejoin("the subscription changed to " + new java.util.TreeSet<>(topics));
            }
        } finally {
            release();
        }
    }

    @Override
    public void subscribe(Pattern pattern) {
        subscribe(pattern, null);
    }

    /**
     * Subscribes to every topic matching a pattern (checked at each metadata refresh, at least every
     * {@code metadata.max.age.ms}); internal topics never match while {@code exclude.internal.topics=true}.
     *
     * @param pattern  the pattern
     * @param listener told about rebalances, or null
     * @throws IllegalArgumentException for a null or empty pattern
     */
    @Override
    public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
        acquireAndEnsureOpen();
        try {
            if (pattern == null || pattern.toString().isEmpty()) {
                throw new IllegalArgumentException("Topic pattern to subscribe to cannot be " + (pattern == null
                        ? "null" : "empty"));
            }
            requireGroup("subscribe");
            subscriptions.subscribe(pattern, listener);
            metadata.requestUpdate();
            coordinator.requestRejoin("subscribed to pattern " + pattern);
        } finally {
            release();
        }
    }

    /**
     * Reads the given partitions without group management (no rebalances); with {@code group.id} the group's
     * committed offsets are still used and commits go to the group (which must then have no active members). An
     * empty collection unsubscribes.
     *
     * @param partitions the partitions
     * @throws IllegalArgumentException for a null collection or a null or blank topic
     * @throws IllegalStateException    if subscribed to topics or a pattern
     */
    @Override
    public void assign(Collection<TopicPartition> partitions) {
        acquireAndEnsureOpen();
        try {
            if (partitions == null) {
                throw new IllegalArgumentException("Topic partition collection to assign to cannot be null");
            }
            if (partitions.isEmpty()) {
                unsubscribe();
                return;
            }
            for (TopicPartition tp : partitions) {
                if (tp == null || tp.topic().isBlank()) {
                    throw new IllegalArgumentException("Topic partitions to assign to cannot have null or empty topic");
                }
            }
            if (coordinator != null && subscriptions.type() == SubscriptionState.SubscriptionType.USER_ASSIGNED) {
                Map<TopicPartition, OffsetAndMetadata> consumed = subscriptions.allConsumed();
                if (!consumed.isEmpty() && config.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)) {
                    coordinator.commitOffsetsAsync(consumed, null);
                }
            }
            subscriptions.assignFromUser(new java.util.LinkedHashSet<>(partitions));
            fetcher.clearBufferedDataForUnassignedPartitions();
            metadata.requestUpdate();
        } finally {
            release();
        }
    }

    /**
     * Drops the subscription or assignment. A group member gives up its partitions (the listener's
     * {@code onPartitionsRevoked}, or {@code onPartitionsLost}) and leaves the group at once.
     */
    @Override
    public void unsubscribe() {
        acquireAndEnsureOpen();
        try {
            if (coordinator != null && subscriptions.hasAutoAssignedPartitions()) {
                coordinator.onLeavePrepare("the consumer unsubscribed");
            }
            subscriptions.unsubscribe();
            fetcher.clearBufferedDataForUnassignedPartitions();
        } finally {
            release();
        }
    }

    private void requireGroup(String what) {
        if (coordinator == null) {
            throw new InvalidGroupIdException("To use the group management or offset commit APIs, you must provide a "
                    + "valid group.id in the consumer configuration (needed for " + what + ").");
        }
    }

    // ------------------------------------------------------------------------------------------------ poll

    /**
     * Fetches records: completes a pending rebalance (calling the rebalance listener), sets the positions of new
     * partitions, returns buffered records or waits for a fetch, up to {@code timeout}. Waiting holds no thread in
     * the log (the fetch is a long poll bounded by {@code fetch.max.wait.ms}). Returns at most
     * {@code max.poll.records} records; auto-commits when due.
     *
     * @param timeout the longest wait; {@link Duration#ZERO} returns what is buffered
     * @return the records (empty if none arrived in time)
     * @throws IllegalStateException             if neither subscribed nor assigned
     * @throws WakeupException                   if {@link #wakeup()} was called
     * @throws io.runnel.common.errors.RecordDeserializationException if the next record cannot be deserialized
     *                                           (seek past it to continue)
     * @throws NoOffsetForPartitionException     for a partition without a committed offset under
     *                                           {@code auto.offset.reset=none}
     * @throws RunnelException                   if a rebalance listener threw (wrapping its exception)
     */
    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        acquireAndEnsureOpen();
        try {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("Timeout must not be negative");
            }
            if (subscriptions.type() == SubscriptionState.SubscriptionType.NONE) {
                throw new IllegalStateException("Consumer is not subscribed to any topics or assigned any partitions");
            }
            Timer timer = time.timer(timeout);
            do {
                net.maybeTriggerWakeup();
                if (coordinator != null) {
                    coordinator.poll(timer);
                } else {
                    metadata.maybeRefresh(null, timer);
                }
                fetcher.clearBufferedDataForUnassignedPartitions();
                updateFetchPositions(timer);
                Map<TopicPartition, List<ConsumerRecord<K, V>>> records = fetcher.collectFetch();
                if (!records.isEmpty()) {
                    fetcher.sendFetches();
                    Map<TopicPartition, OffsetAndMetadata> next = new LinkedHashMap<>();
                    records.forEach((tp, list) -> {
                        ConsumerRecord<K, V> last = list.get(list.size() - 1);
                        next.put(tp, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
                    });
                    return new ConsumerRecords<>(records, next);
                }
                fetcher.sendFetches();
                timer.update();
                if (timer.isExpired()) {
                    break;
                }
                if (fetcher.inFlight() != null) {
                    net.waitFor(fetcher.inFlight(), timer);
                } else {
                    net.sleep(Math.min(100, Math.max(1, retryBackoffMs)), timer);
                }
            } while (timer.notExpired());
            return ConsumerRecords.empty();
        } finally {
            release();
        }
    }

    private boolean updateFetchPositions(Timer timer) {
        if (subscriptions.partitionsNeedingPosition().isEmpty()) {
            return true;
        }
        try {
            if (coordinator != null) {
                coordinator.refreshCommittedOffsetsIfNeeded(timer);
            }
            offsetFetcher.resetPositionsIfNeeded(timer);
            return subscriptions.partitionsNeedingPosition().isEmpty();
        } catch (TimeoutException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ commits

    @Override
    public void commitSync() {
        commitSync(Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * Commits the positions of every assigned partition and waits.
     *
     * @param timeout the longest wait
     * @throws CommitFailedException if this member is no longer in the group's generation
     * @throws io.runnel.common.errors.RebalanceInProgressException if the group is rebalancing
     * @throws TimeoutException      if the commit did not complete in time
     */
    @Override
    public void commitSync(Duration timeout) {
        acquireAndEnsureOpen();
        try {
            commitSync(subscriptions.allConsumed(), timeout, true);
        } finally {
            release();
        }
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        commitSync(offsets, Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * Commits the given offsets (the next offset to read per partition) and waits.
     *
     * @param offsets the offsets
     * @param timeout the longest wait
     * @throws CommitFailedException if this member is no longer in the group's generation
     * @throws TimeoutException      if the commit did not complete in time
     */
    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
        acquireAndEnsureOpen();
        try {
            commitSync(new LinkedHashMap<>(offsets), timeout, false);
        } finally {
            release();
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout, boolean all) {
        requireGroup("commitSync");
        Timer timer = time.timer(timeout);
        if (!coordinator.commitOffsetsSync(offsets, timer)) {
            throw new TimeoutException("Timeout of " + timeout.toMillis() + "ms expired before successfully "
                    + "committing " + (all ? "the current consumed offsets" : "offsets " + offsets));
        }
    }

    @Override
    public void commitAsync() {
        commitAsync(null);
    }

    /**
     * Commits the positions of every assigned partition without waiting; the callback runs on this thread during a
     * later {@code poll}, commit or {@code close}.
     *
     * @param callback told about the result, or null to log failures
     */
    @Override
    public void commitAsync(OffsetCommitCallback callback) {
        acquireAndEnsureOpen();
        try {
            requireGroup("commitAsync");
            coordinator.commitOffsetsAsync(subscriptions.allConsumed(), callback);
        } finally {
            release();
        }
    }

    @Override
    public void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        acquireAndEnsureOpen();
        try {
            requireGroup("commitAsync");
            coordinator.commitOffsetsAsync(new LinkedHashMap<>(offsets), callback);
        } finally {
            release();
        }
    }

    // ------------------------------------------------------------------------------------------------ positions

    /**
     * Sets the next offset {@code poll} returns for a partition.
     *
     * @param partition an assigned partition
     * @param offset    the offset, {@code >= 0}
     * @throws IllegalArgumentException for a negative offset
     * @throws IllegalStateException    if the partition is not assigned
     */
    @Override
    public void seek(TopicPartition partition, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("seek offset must not be a negative number");
        }
        acquireAndEnsureOpen();
        try {
            log.info("Seeking to offset {} for partition {}", offset, partition);
            subscriptions.seek(partition, offset, Optional.empty());
        } finally {
            release();
        }
    }

    @Override
    public void seek(TopicPartition partition, OffsetAndMetadata offsetAndMetadata) {
        acquireAndEnsureOpen();
        try {
            subscriptions.seek(partition, offsetAndMetadata.offset(), offsetAndMetadata.leaderEpoch());
        } finally {
            release();
        }
    }

    /**
     * Moves partitions to their log start offset, lazily (at the next {@code poll} or {@code position}).
     *
     * @param partitions assigned partitions; empty for every assigned partition
     */
    @Override
    public void seekToBeginning(Collection<TopicPartition> partitions) {
        seekTo(partitions, AutoOffsetResetStrategy.EARLIEST);
    }

    /**
     * Moves partitions to their log end offset, lazily.
     *
     * @param partitions assigned partitions; empty for every assigned partition
     */
    @Override
    public void seekToEnd(Collection<TopicPartition> partitions) {
        seekTo(partitions, AutoOffsetResetStrategy.LATEST);
    }

    private void seekTo(Collection<TopicPartition> partitions, AutoOffsetResetStrategy strategy) {
        if (partitions == null) {
            throw new IllegalArgumentException("Partitions collection cannot be null");
        }
        acquireAndEnsureOpen();
        try {
            Collection<TopicPartition> parts = partitions.isEmpty() ? subscriptions.assignedPartitions() : partitions;
            for (TopicPartition tp : parts) {
                subscriptions.requestOffsetReset(tp, strategy);
            }
        } finally {
            release();
        }
    }

    @Override
    public long position(TopicPartition partition) {
        return position(partition, Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * @param partition an assigned partition
     * @param timeout   the longest wait for a committed offset or reset
     * @return the offset of the next record {@code poll} returns
     * @throws IllegalStateException if the partition is not assigned
     * @throws TimeoutException      if the position cannot be determined in time
     */
    @Override
    public long position(TopicPartition partition, Duration timeout) {
        acquireAndEnsureOpen();
        try {
            if (!subscriptions.isAssigned(partition)) {
                throw new IllegalStateException("You can only check the position for partitions assigned to this "
                        + "consumer.");
            }
            Timer timer = time.timer(timeout);
            do {
                Long p = subscriptions.position(partition);
                if (p != null) {
                    return p;
                }
                updateFetchPositions(timer);
                timer.update();
            } while (timer.notExpired() || subscriptions.position(partition) != null);
            throw new TimeoutException("Timeout of " + timeout.toMillis() + "ms expired before the position for "
                    + "partition " + partition + " could be determined");
        } finally {
            release();
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
        return committed(partitions, Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * @param partitions partitions (need not be assigned)
     * @param timeout    the longest wait
     * @return per partition, the group's committed offset, or null when there is none
     * @throws InvalidGroupIdException without {@code group.id}
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout) {
        acquireAndEnsureOpen();
        try {
            requireGroup("committed");
            return coordinator.fetchCommittedOffsets(partitions, time.timer(timeout));
        } finally {
            release();
        }
    }

    // ------------------------------------------------------------------------------------------------ metadata

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return partitionsFor(topic, Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * @param topic   a topic
     * @param timeout the longest wait
     * @return its partitions; empty if it does not exist
     */
    @Override
    public List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
        acquireAndEnsureOpen();
        try {
            metadata.refresh(List.of(topic), time.timer(timeout));
            return metadata.cluster().partitionsForTopic(topic);
        } finally {
            release();
        }
    }

    @Override
    public Map<String, List<PartitionInfo>> listTopics() {
        return listTopics(Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * @param timeout the longest wait
     * @return every topic except internal ones, with its partitions
     */
    @Override
    public Map<String, List<PartitionInfo>> listTopics(Duration timeout) {
        acquireAndEnsureOpen();
        try {
            Cluster c = new ConsumerMetadata(net, 0, false).refresh(null, time.timer(timeout)).buildCluster();
            Map<String, List<PartitionInfo>> out = new TreeMap<>();
            for (String t : c.topics()) {
                if (!Topic.isInternal(t)) {
                    out.put(t, c.partitionsForTopic(t));
                }
            }
            return out;
        } finally {
            release();
        }
    }

    @Override
    public Set<TopicPartition> paused() {
        acquireAndEnsureOpen();
        try {
            return subscriptions.paused();
        } finally {
            release();
        }
    }

    /**
     * Stops fetching partitions until {@link #resume}; they stay assigned (no rebalance).
     *
     * @param partitions assigned partitions
     * @throws IllegalStateException if one is not assigned
     */
    @Override
    public void pause(Collection<TopicPartition> partitions) {
        acquireAndEnsureOpen();
        try {
            subscriptions.pause(partitions);
        } finally {
            release();
        }
    }

    @Override
    public void resume(Collection<TopicPartition> partitions) {
        acquireAndEnsureOpen();
        try {
            subscriptions.resume(partitions);
        } finally {
            release();
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch) {
        return offsetsForTimes(timestampsToSearch, Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * @param timestampsToSearch per partition, a time in ms ({@code >= 0})
     * @param timeout            the longest wait
     * @return per partition, the first offset whose timestamp is at least the time, or null when none is
     * @throws IllegalArgumentException for a negative timestamp
     */
    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch,
                                                                   Duration timeout) {
        acquireAndEnsureOpen();
        try {
            timestampsToSearch.forEach((tp, ts) -> {
                if (ts == null || ts < 0) {
                    throw new IllegalArgumentException("The target time for partition " + tp + " is " + ts
                            + ". The target time cannot be negative.");
                }
            });
            Map<TopicPartition, OffsetAndTimestamp> out = new HashMap<>();
            offsetFetcher.listOffsets(timestampsToSearch, time.timer(timeout)).forEach((tp, r) -> out.put(tp,
                    r.offset() < 0 ? null : new OffsetAndTimestamp(r.offset(), Math.max(0, r.timestamp()),
                            r.leaderEpoch() < 0 ? Optional.empty() : Optional.of(r.leaderEpoch()))));
            return out;
        } finally {
            release();
        }
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return beginningOffsets(partitions, Duration.ofMillis(defaultApiTimeoutMs));
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return specialOffsets(partitions, ListOffsetsRequest.EARLIEST_TIMESTAMP, timeout);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return endOffsets(partitions, Duration.ofMillis(defaultApiTimeoutMs));
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return specialOffsets(partitions, ListOffsetsRequest.LATEST_TIMESTAMP, timeout);
    }

    private Map<TopicPartition, Long> specialOffsets(Collection<TopicPartition> partitions, long which,
                                                     Duration timeout) {
        acquireAndEnsureOpen();
        try {
            Map<TopicPartition, Long> request = new LinkedHashMap<>();
            partitions.forEach(tp -> request.put(tp, which));
            Map<TopicPartition, Long> out = new LinkedHashMap<>();
            Map<TopicPartition, ListOffsetsResponse.PartitionResult> r = offsetFetcher.listOffsets(request,
                    time.timer(timeout));
            r.forEach((tp, pr) -> out.put(tp, pr.offset()));
            return out;
        } finally {
            release();
        }
    }

    /**
     * @param topicPartition an assigned partition
     * @return its lag (high watermark minus position) as of the last fetch, or empty if not yet known
     * @throws IllegalStateException if the partition is not assigned
     */
    @Override
    public OptionalLong currentLag(TopicPartition topicPartition) {
        acquireAndEnsureOpen();
        try {
            Long lag = subscriptions.lag(topicPartition);
            return lag == null ? OptionalLong.empty() : OptionalLong.of(lag);
        } finally {
            release();
        }
    }

    /**
     * @return the group id, generation, member id and instance id as of the last rebalance
     * @throws InvalidGroupIdException without {@code group.id}
     */
    @Override
    public ConsumerGroupMetadata groupMetadata() {
        acquireAndEnsureOpen();
        try {
            requireGroup("groupMetadata");
            return coordinator.groupMetadata();
        } finally {
            release();
        }
    }

    @Override
    public void enforceRebalance() {
        enforceRebalance(null);
    }

    /**
     * Makes the next {@code poll} rejoin the group (for example after an assignor's user data changed).
     *
     * @param reason why, for logs
     * @throws IllegalStateException without group management
     */
    @Override
    public void enforceRebalance(String reason) {
        acquireAndEnsureOpen();
        try {
            if (coordinator == null || !subscriptions.hasAutoAssignedPartitions()) {
                throw new IllegalStateException("Tried to force a rebalance but consumer does not have a group.");
            }
            coordinator.requestRejoin(reason == null || reason.isBlank() ? "rebalance enforced by the user" : reason);
        } finally {
            release();
        }
    }

    // ------------------------------------------------------------------------------------------------ close

    @Override
    public void close() {
        close(Duration.ofMillis(defaultApiTimeoutMs));
    }

    /**
     * Commits positions (if auto-commit), gives up the partitions (listener's {@code onPartitionsRevoked}), leaves
     * the group at once so they move without waiting for the session timeout, and releases the transport.
     * Idempotent.
     *
     * @param timeout the longest wait for the final commit
     */
    @Override
    public void close(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout cannot be negative.");
        }
        acquire();
        try {
            if (closed || closing) {
                return;
            }
            closing = true;
            net.clearWakeup();
            RuntimeException failure = null;
            if (coordinator != null) {
                try {
                    // still open here: the listener's onPartitionsRevoked may commit (commitSync), as in Kafka
                    coordinator.close(time.timer(timeout));
                } catch (RuntimeException e) {
                    failure = e;
                    log.warn("Consumer {} failed while closing its group membership: {}", clientId, e.toString());
                }
            }
            closed = true;
            closeQuietly(keyDeserializer);
            closeQuietly(valueDeserializer);
            net.close();
            log.info("Consumer {} closed", clientId);
            if (failure instanceof io.runnel.common.errors.InterruptException) {
                throw failure;
            }
        } finally {
            release();
        }
    }

    private void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Consumer {} could not close {}", clientId, c, e);
        }
    }

    /**
     * Makes the blocking call in progress on the consumer's thread (or its next one) throw {@link WakeupException}.
     * The only method other threads may call.
     */
    @Override
    public void wakeup() {
        net.wakeup();
    }

    /** @return this consumer's {@code client.id} */
    public String clientId() {
        return clientId;
    }
}
