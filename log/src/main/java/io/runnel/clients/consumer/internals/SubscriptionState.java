package io.runnel.clients.consumer.internals;

import io.runnel.clients.consumer.ConsumerRebalanceListener;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the consumer reads (Kafka's {@code SubscriptionState}): the subscription (topics, a pattern, or a manual
 * assignment; mutually exclusive), the assigned partitions in assignment order, and per partition the position,
 * pause flag, pending offset reset and the last fetched high watermark. Thread-safe (synchronized): the
 * application thread changes it; the heartbeat thread only reads.
 */
public final class SubscriptionState {

    /** How partitions are chosen. */
    public enum SubscriptionType {
        /** Nothing yet. */
        NONE,
        /** {@code subscribe(topics)}. */
        AUTO_TOPICS,
        /** {@code subscribe(pattern)}. */
        AUTO_PATTERN,
        /** {@code assign(partitions)}. */
        USER_ASSIGNED
    }

    private static final String EXCLUSIVE = "Subscription to topics, partitions and pattern are mutually exclusive";

    private static final ConsumerRebalanceListener NO_OP = new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    };

    private static final class PartitionState {
        Long position;
        Optional<Integer> epoch = Optional.empty();
        boolean paused;
        AutoOffsetResetStrategy reset;
        long highWatermark = -1;
        long logStartOffset = -1;
    }

    private final AutoOffsetResetStrategy defaultReset;
    private SubscriptionType type = SubscriptionType.NONE;
    private Set<String> subscription = Set.of();
    private Pattern pattern;
    private ConsumerRebalanceListener listener = NO_OP;
    private final LinkedHashMap<TopicPartition, PartitionState> assignment = new LinkedHashMap<>();

    /** @param defaultReset {@code auto.offset.reset} */
    public SubscriptionState(AutoOffsetResetStrategy defaultReset) {
        this.defaultReset = defaultReset;
    }

    /** @return the default reset strategy */
    public AutoOffsetResetStrategy defaultResetStrategy() {
        return defaultReset;
    }

    private void setType(SubscriptionType t) {
        if (type != SubscriptionType.NONE && type != t) {
            throw new IllegalStateException(EXCLUSIVE);
        }
        type = t;
    }

    /**
     * @param topics   the topics
     * @param listener the rebalance listener
     * @return whether the subscription changed
     */
    public synchronized boolean subscribe(Set<String> topics, ConsumerRebalanceListener listener) {
        setType(SubscriptionType.AUTO_TOPICS);
        this.listener = listener == null ? NO_OP : listener;
        boolean changed = !subscription.equals(topics);
        subscription = Set.copyOf(topics);
        return changed;
    }

    /**
     * @param pattern  the pattern
     * @param listener the rebalance listener
     */
    public synchronized void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
        setType(SubscriptionType.AUTO_PATTERN);
        this.listener = listener == null ? NO_OP : listener;
        this.pattern = pattern;
    }

    /**
     * @param topics the topics the pattern matches now
     * @return whether that changed
     */
    public synchronized boolean subscribeFromPattern(Set<String> topics) {
        if (type != SubscriptionType.AUTO_PATTERN) {
            throw new IllegalStateException("Not subscribed to a pattern");
        }
        boolean changed = !subscription.equals(topics);
        subscription = Set.copyOf(topics);
        return changed;
    }

    /**
     * @param partitions the manual assignment
     * @return whether it changed
     */
    public synchronized boolean assignFromUser(Set<TopicPartition> partitions) {
        setType(SubscriptionType.USER_ASSIGNED);
        boolean changed = !assignment.keySet().equals(partitions);
        replaceAssignment(partitions);
        return changed;
    }

    /** @param partitions the group's assignment (states of kept partitions survive) */
    public synchronized void assignFromSubscribed(Collection<TopicPartition> partitions) {
        if (!hasAutoAssignedPartitions()) {
            throw new IllegalStateException("Attempt to dynamically assign partitions while manual assignment in use");
        }
        replaceAssignment(partitions);
    }

    private void replaceAssignment(Collection<TopicPartition> partitions) {
        LinkedHashMap<TopicPartition, PartitionState> next = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            PartitionState s = assignment.get(tp);
            next.put(tp, s == null ? new PartitionState() : s);
        }
        assignment.clear();
        assignment.putAll(next);
    }

    /** Drops everything. */
    public synchronized void unsubscribe() {
        type = SubscriptionType.NONE;
        subscription = Set.of();
        pattern = null;
        listener = NO_OP;
        assignment.clear();
    }

    /** @return the subscription type */
    public synchronized SubscriptionType type() {
        return type;
    }

    /** @return whether partitions come from the group */
    public synchronized boolean hasAutoAssignedPartitions() {
        return type == SubscriptionType.AUTO_TOPICS || type == SubscriptionType.AUTO_PATTERN;
    }

    /** @return whether the consumer was given a pattern */
    public synchronized boolean hasPatternSubscription() {
        return type == SubscriptionType.AUTO_PATTERN;
    }

    /** @return the pattern, or null */
    public synchronized Pattern pattern() {
        return pattern;
    }

    /** @return the subscribed topics (for a pattern: those it matches now) */
    public synchronized Set<String> subscription() {
        return hasAutoAssignedPartitions() ? new TreeSet<>(subscription) : Set.of();
    }

    /** @return the rebalance listener */
    public synchronized ConsumerRebalanceListener listener() {
        return listener;
    }

    /** @return the assigned partitions, in assignment order */
    public synchronized Set<TopicPartition> assignedPartitions() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(assignment.keySet()));
    }

    /**
     * @param tp a partition
     * @return whether it is assigned
     */
    public synchronized boolean isAssigned(TopicPartition tp) {
        return assignment.containsKey(tp);
    }

    private PartitionState state(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        if (s == null) {
            throw new IllegalStateException("No current assignment for partition " + tp);
        }
        return s;
    }

    /** @return assigned, unpaused partitions with a position, in assignment order */
    public synchronized List<TopicPartition> fetchablePartitions() {
        List<TopicPartition> out = new ArrayList<>();
        assignment.forEach((tp, s) -> {
            if (!s.paused && s.position != null) {
                out.add(tp);
            }
        });
        return out;
    }

    /**
     * @param tp a partition
     * @return whether it is assigned, unpaused and has a position
     */
    public synchronized boolean isFetchable(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        return s != null && !s.paused && s.position != null;
    }

    /** @return assigned partitions without a position (waiting for a committed offset or a reset) */
    public synchronized List<TopicPartition> partitionsNeedingPosition() {
        List<TopicPartition> out = new ArrayList<>();
        assignment.forEach((tp, s) -> {
            if (s.position == null) {
                out.add(tp);
            }
        });
        return out;
    }

    /**
     * @param tp a partition
     * @return its position, or null when unknown
     */
    public synchronized Long position(TopicPartition tp) {
        return state(tp).position;
    }

    /**
     * @param tp a partition
     * @return its pending reset strategy, or null (use the default)
     */
    public synchronized AutoOffsetResetStrategy resetStrategy(TopicPartition tp) {
        AutoOffsetResetStrategy r = state(tp).reset;
        return r == null ? defaultReset : r;
    }

    /**
     * @param tp     a partition
     * @param offset the next offset to fetch
     * @param epoch  the leader epoch, if known
     */
    public synchronized void seek(TopicPartition tp, long offset, Optional<Integer> epoch) {
        PartitionState s = state(tp);
        s.position = offset;
        s.epoch = epoch;
        s.reset = null;
    }

    /**
     * Moves a partition to its position after a fetch, if it is still assigned.
     *
     * @param tp     a partition
     * @param offset the new position
     */
    public synchronized void updatePosition(TopicPartition tp, long offset) {
        PartitionState s = assignment.get(tp);
        if (s != null) {
            s.position = offset;
        }
    }

    /**
     * Forgets a partition's position so the next poll resets it.
     *
     * @param tp       a partition
     * @param strategy the strategy, or null for {@code auto.offset.reset}
     */
    public synchronized void requestOffsetReset(TopicPartition tp, AutoOffsetResetStrategy strategy) {
        PartitionState s = state(tp);
        s.position = null;
        s.reset = strategy;
    }

    /**
     * @param tp             a partition
     * @param highWatermark  its high watermark as of the last fetch
     * @param logStartOffset its log start offset
     */
    public synchronized void updateFetchState(TopicPartition tp, long highWatermark, long logStartOffset) {
        PartitionState s = assignment.get(tp);
        if (s != null) {
            s.highWatermark = highWatermark;
            s.logStartOffset = logStartOffset;
        }
    }

    /**
     * @param tp a partition
     * @return high watermark minus position as of the last fetch, or null when unknown
     */
    public synchronized Long lag(TopicPartition tp) {
        PartitionState s = state(tp);
        if (s.position == null || s.highWatermark < 0) {
            return null;
        }
        return Math.max(0, s.highWatermark - s.position);
    }

    /** @return the positions of all assigned partitions that have one, as offsets to commit */
    public synchronized Map<TopicPartition, OffsetAndMetadata> allConsumed() {
        Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
        assignment.forEach((tp, s) -> {
            if (s.position != null) {
                out.put(tp, new OffsetAndMetadata(s.position, s.epoch, ""));
            }
        });
        return out;
    }

    /** @param partitions partitions to pause (must be assigned) */
    public synchronized void pause(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            state(tp).paused = true;
        }
    }

    /** @param partitions partitions to resume (must be assigned) */
    public synchronized void resume(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            state(tp).paused = false;
        }
    }

    /** @return the paused partitions */
    public synchronized Set<TopicPartition> paused() {
        Set<TopicPartition> out = new HashSet<>();
        assignment.forEach((tp, s) -> {
            if (s.paused) {
                out.add(tp);
            }
        });
        return out;
    }

    /**
     * @param tp a partition
     * @return whether it is paused
     */
    public synchronized boolean isPaused(TopicPartition tp) {
        PartitionState s = assignment.get(tp);
        return s != null && s.paused;
    }
}
