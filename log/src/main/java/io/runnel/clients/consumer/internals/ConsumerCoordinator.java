package io.runnel.clients.consumer.internals;

import io.runnel.clients.consumer.CommitFailedException;
import io.runnel.clients.consumer.ConsumerGroupMetadata;
import io.runnel.clients.consumer.ConsumerPartitionAssignor;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.runnel.clients.consumer.ConsumerRebalanceListener;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.OffsetCommitCallback;
import io.runnel.clients.consumer.RetriableCommitFailedException;
import io.runnel.common.Cluster;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.FencedInstanceIdException;
import io.runnel.common.errors.RebalanceInProgressException;
import io.runnel.common.errors.RetriableException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.internals.Topic;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.FindCoordinatorRequest;
import io.runnel.common.requests.FindCoordinatorResponse;
import io.runnel.common.requests.HeartbeatRequest;
import io.runnel.common.requests.HeartbeatResponse;
import io.runnel.common.requests.JoinGroupRequest;
import io.runnel.common.requests.JoinGroupResponse;
import io.runnel.common.requests.LeaveGroupRequest;
import io.runnel.common.requests.OffsetCommitRequest;
import io.runnel.common.requests.OffsetCommitResponse;
import io.runnel.common.requests.OffsetFetchRequest;
import io.runnel.common.requests.OffsetFetchResponse;
import io.runnel.common.requests.SyncGroupRequest;
import io.runnel.common.requests.SyncGroupResponse;
import io.runnel.common.utils.Time;
import io.runnel.common.utils.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/*
 * Design notes for maintainers.
 *
 * The member side of the classic group protocol (Kafka's AbstractCoordinator + ConsumerCoordinator in one).
 * Everything that calls user code or blocks runs on the polling thread inside poll(): onJoinPrepare (auto-commit,
 * revocation), the JoinGroup, the leader's assignment, the SyncGroup, onJoinComplete (assignor.onAssignment,
 * revocation and assignment callbacks). Joins and syncs are resumable: if poll's timer expires while a JoinGroup
 * or SyncGroup is pending, poll returns and the next poll keeps waiting on the same future.
 *
 * The heartbeat thread only heartbeats (every heartbeat.interval.ms once a join completed), notices that the
 * application stopped polling (max.poll.interval.ms: it then leaves the group, so the partitions move at once)
 * and records what the answers mean (rejoin needed, generation lost, fenced) for the next poll. Shared state is
 * guarded by this object's monitor, which is never held while waiting for a response or calling user code.
 *
 * Rebalance protocol: COOPERATIVE if every configured assignor supports it, else EAGER. EAGER revokes every
 * partition before joining; COOPERATIVE keeps them, revokes only what the new assignment takes away and then
 * rejoins at once so the withheld partitions can be assigned. A member whose generation was reset (removed from
 * the group) reports its partitions lost instead of revoked.
 */
/**
 * The consumer's group membership and offset commits. Used by {@code RunnelConsumer}; the heartbeat thread is
 * internal. Not for direct use.
 */
public final class ConsumerCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ConsumerCoordinator.class);

    /** A generation: id, member id and chosen protocol. */
    public record Generation(int generationId, String memberId, String protocolName) {
        /** No generation. */
        public static final Generation NO_GENERATION = new Generation(JoinGroupRequest.UNKNOWN_GENERATION_ID,
                JoinGroupRequest.UNKNOWN_MEMBER_ID, null);

        boolean hasMemberId() {
            return !memberId.isEmpty();
        }
    }

    private enum MemberState { UNJOINED, PREPARING_REBALANCE, COMPLETING_REBALANCE, STABLE }

    private record CompletedCommit(OffsetCommitCallback callback, Map<TopicPartition, OffsetAndMetadata> offsets,
                                   Exception exception) {
    }

    private final String groupId;
    private final Optional<String> groupInstanceId;
    private final String clientId;
    private final int sessionTimeoutMs;
    private final int rebalanceTimeoutMs;
    private final int heartbeatIntervalMs;
    private final int requestTimeoutMs;
    private final long retryBackoffMs;
    private final boolean autoCommitEnabled;
    private final int autoCommitIntervalMs;
    private final boolean excludeInternalTopics;
    private final List<ConsumerPartitionAssignor> assignors;
    private final RebalanceProtocol protocol;
    private final ConsumerNetworkClient net;
    private final SubscriptionState subscriptions;
    private final ConsumerMetadata metadata;
    private final Time time;
    private final ConcurrentLinkedQueue<CompletedCommit> completedCommits = new ConcurrentLinkedQueue<>();

    private MemberState state = MemberState.UNJOINED;
    private Generation generation = Generation.NO_GENERATION;
    private boolean rejoinNeeded = true;
    private boolean needsJoinPrepare = true;
    private String rejoinReason = "";
    private CompletableFuture<JoinGroupResponse> joinFuture;
    private CompletableFuture<SyncGroupResponse> syncFuture;
    private RunnelException fatalError;
    private boolean coordinatorKnown;
    private long lastPollMs;
    private long nextAutoCommitMs;
    private boolean heartbeatEnabled;
    private long nextHeartbeatMs;
    private boolean closed;
    private HeartbeatThread heartbeatThread;
    private Map<String, Integer> partitionCountSnapshot = Map.of();

    /**
     * @param groupId              {@code group.id}
     * @param groupInstanceId      {@code group.instance.id}
     * @param clientId             {@code client.id}
     * @param sessionTimeoutMs     {@code session.timeout.ms}
     * @param rebalanceTimeoutMs   {@code max.poll.interval.ms}
     * @param heartbeatIntervalMs  {@code heartbeat.interval.ms}
     * @param requestTimeoutMs     {@code request.timeout.ms}
     * @param retryBackoffMs       {@code retry.backoff.ms}
     * @param autoCommitEnabled    {@code enable.auto.commit}
     * @param autoCommitIntervalMs {@code auto.commit.interval.ms}
     * @param excludeInternalTopics {@code exclude.internal.topics}
     * @param assignors            the configured assignors, most preferred first
     * @param net                  the transport
     * @param subscriptions        the subscription state
     * @param metadata             the metadata
     */
    public ConsumerCoordinator(String groupId, Optional<String> groupInstanceId, String clientId, int sessionTimeoutMs,
                               int rebalanceTimeoutMs, int heartbeatIntervalMs, int requestTimeoutMs,
                               long retryBackoffMs, boolean autoCommitEnabled, int autoCommitIntervalMs,
                               boolean excludeInternalTopics, List<ConsumerPartitionAssignor> assignors,
                               ConsumerNetworkClient net, SubscriptionState subscriptions, ConsumerMetadata metadata) {
        this.groupId = groupId;
        this.groupInstanceId = groupInstanceId;
        this.clientId = clientId;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        this.requestTimeoutMs = requestTimeoutMs;
        this.retryBackoffMs = retryBackoffMs;
        this.autoCommitEnabled = autoCommitEnabled;
        this.autoCommitIntervalMs = autoCommitIntervalMs;
        this.excludeInternalTopics = excludeInternalTopics;
        this.assignors = List.copyOf(assignors);
        this.net = net;
        this.subscriptions = subscriptions;
        this.metadata = metadata;
        this.time = net.time();
        this.protocol = chooseProtocol(assignors);
        this.lastPollMs = time.milliseconds();
        this.nextAutoCommitMs = lastPollMs + autoCommitIntervalMs;
    }

    private static RebalanceProtocol chooseProtocol(List<ConsumerPartitionAssignor> assignors) {
        boolean cooperative = !assignors.isEmpty();
        for (ConsumerPartitionAssignor a : assignors) {
            if (!a.supportedProtocols().contains(RebalanceProtocol.COOPERATIVE)) {
                cooperative = false;
            }
        }
        return cooperative ? RebalanceProtocol.COOPERATIVE : RebalanceProtocol.EAGER;
    }

    /** @return the rebalance protocol in use */
    public RebalanceProtocol protocol() {
        return protocol;
    }

    /** @return the group id */
    public String groupId() {
        return groupId;
    }

    // ------------------------------------------------------------------------------------------------ poll

    /**
     * The group part of {@code poll}: runs completed commit callbacks, keeps the subscription in step with
     * metadata, (re)joins the group if needed and auto-commits.
     *
     * @param timer the poll's time budget
     * @return false if a rebalance is still pending when the timer expires
     */
    public boolean poll(Timer timer) {
        invokeCompletedOffsetCommitCallbacks();
        if (!subscriptions.hasAutoAssignedPartitions()) {
            maybeAutoCommitOffsetsAsync(timer.currentTimeMs());
            return true;
        }
        throwIfFatal();
        ensureCoordinatorReady(timer);
        recordPoll(timer.currentTimeMs());
        maybeUpdateSubscriptionMetadata(timer);
        if (rejoinNeededOrPending()) {
            startHeartbeatThreadIfNeeded();
            if (!joinGroupIfNeeded(timer)) {
                return false;
            }
        }
        maybeAutoCommitOffsetsAsync(time.milliseconds());
        return true;
    }

    private synchronized void recordPoll(long now) {
        lastPollMs = now;
        notifyAll();
    }

    private void throwIfFatal() {
        RunnelException e;
        synchronized (this) {
            e = fatalError;
        }
        if (e != null) {
            throw e;
        }
    }

    private void ensureCoordinatorReady(Timer timer) {
        while (!coordinatorKnown) {
            FindCoordinatorResponse r = net.sendAndWait(new FindCoordinatorRequest(
                    FindCoordinatorRequest.CoordinatorType.GROUP, groupId), timer, "the group coordinator");
            if (r.error() == Errors.NONE) {
                coordinatorKnown = true;
                return;
            }
            RuntimeException e = r.error().exception(r.errorMessage());
            if (!(e instanceof RetriableException)) {
                throw e;
            }
            if (timer.isExpired()) {
                throw new TimeoutException("Could not find the coordinator of group " + groupId + ": " + e.getMessage());
            }
            net.sleep(retryBackoffMs, timer);
        }
    }

    /**
     * Refreshes metadata when due; updates a pattern subscription; requests a rejoin when the subscribed topics'
     * partition counts changed since the last assignment.
     */
    private void maybeUpdateSubscriptionMetadata(Timer timer) {
        boolean pattern = subscriptions.hasPatternSubscription();
        Collection<String> topics = pattern ? null : subscriptions.subscription();
        if (!metadata.maybeRefresh(topics, timer)) {
            return;
        }
        Cluster cluster = metadata.cluster();
        if (pattern) {
            Pattern p = subscriptions.pattern();
            Set<String> matched = new TreeSet<>();
            for (String t : cluster.topics()) {
                if (p.matcher(t).matches() && !(excludeInternalTopics && Topic.isInternal(t))) {
                    matched.add(t);
                }
            }
            if (subscriptions.subscribeFromPattern(matched)) {
                requestRejoin("the topics matching the pattern changed to " + matched);
            }
        }
        synchronized (this) {
            if (state == MemberState.STABLE && !partitionCountSnapshot.isEmpty()) {
                for (Map.Entry<String, Integer> e : partitionCountSnapshot.entrySet()) {
                    Integer now = cluster.partitionCountForTopic(e.getKey());
                    if (now != null && !now.equals(e.getValue())) {
                        requestRejoin("the partition count of " + e.getKey() + " changed from " + e.getValue() + " to "
                                + now);
                        break;
                    }
                }
            }
        }
    }

    /** @return whether a (re)join is needed or in progress */
    public synchronized boolean rejoinNeededOrPending() {
        return subscriptions.hasAutoAssignedPartitions() && (rejoinNeeded || joinFuture != null || syncFuture != null);
    }

    /**
     * Makes the next poll rejoin the group.
     *
     * @param reason why, for logs and the JoinGroup request
     */
    public synchronized void requestRejoin(String reason) {
        if (!rejoinNeeded) {
            log.info("Consumer {} of group {} requests a rejoin: {}", clientId, groupId, reason);
        }
        rejoinNeeded = true;
        rejoinReason = reason;
    }

    private boolean joinGroupIfNeeded(Timer timer) {
        while (rejoinNeededOrPending()) {
            boolean prepare;
            synchronized (this) {
                prepare = needsJoinPrepare && joinFuture == null && syncFuture == null;
                if (prepare) {
                    needsJoinPrepare = false;
                }
            }
            if (prepare) {
                onJoinPrepare(timer);
            }
            CompletableFuture<JoinGroupResponse> jf;
            CompletableFuture<SyncGroupResponse> sf;
            JoinGroupRequest join = null;
            synchronized (this) {
                if (joinFuture == null && syncFuture == null) {
                    join = prepareJoinGroup();
                }
            }
            if (join != null) {
                CompletableFuture<JoinGroupResponse> sent = net.send(join);
                synchronized (this) {
                    joinFuture = sent;
                }
            }
            synchronized (this) {
                jf = joinFuture;
                sf = syncFuture;
            }
            if (jf != null) {
                if (!net.waitFor(jf, timer)) {
                    return false;
                }
                JoinGroupResponse r = jf.join();
                synchronized (this) {
                    joinFuture = null;
                }
                if (!handleJoinResponse(r, timer)) {
                    if (timer.isExpired()) {
                        return false;
                    }
                    continue;
                }
                synchronized (this) {
                    sf = syncFuture;
                }
            }
            if (sf != null) {
                if (!net.waitFor(sf, timer)) {
                    return false;
                }
                SyncGroupResponse r = sf.join();
                synchronized (this) {
                    syncFuture = null;
                }
                if (!handleSyncResponse(r, timer)) {
                    if (timer.isExpired()) {
                        return false;
                    }
                    continue;
                }
            }
        }
        return true;
    }

    private JoinGroupRequest prepareJoinGroup() {
        state = MemberState.PREPARING_REBALANCE;
        heartbeatEnabled = false;
        Set<String> topics = subscriptions.subscription();
        List<TopicPartition> owned = new ArrayList<>(subscriptions.assignedPartitions());
        List<JoinGroupRequest.Protocol> protocols = new ArrayList<>();
        for (ConsumerPartitionAssignor a : assignors) {
            Subscription s = new Subscription(new ArrayList<>(topics), a.subscriptionUserData(topics), owned,
                    generation.generationId());
            protocols.add(new JoinGroupRequest.Protocol(a.name(),
                    ConsumerProtocol.toArray(ConsumerProtocol.serializeSubscription(s))));
        }
        log.info("Consumer {} (re)joins group {}{}", clientId, groupId,
                rejoinReason.isEmpty() ? "" : " (" + rejoinReason + ")");
        String reason = rejoinReason.isEmpty() ? null : rejoinReason;
        rejoinReason = "";
        return new JoinGroupRequest(groupId, sessionTimeoutMs, rebalanceTimeoutMs, generation.memberId(),
                groupInstanceId.orElse(null), ConsumerProtocol.PROTOCOL_TYPE, protocols, reason);
    }

    private boolean handleJoinResponse(JoinGroupResponse r, Timer timer) {
        Errors error = r.error();
        if (error == Errors.NONE) {
            Map<String, byte[]> assignments = Map.of();
            synchronized (this) {
                generation = new Generation(r.generationId(), r.memberId(), r.protocolName());
                state = MemberState.COMPLETING_REBALANCE;
                enableHeartbeat();
            }
            if (r.isLeader() && !r.skipAssignment()) {
                try {
                    assignments = performAssignment(r.protocolName(), r.members(), timer);
                } catch (RuntimeException e) {
                    synchronized (this) {
                        state = MemberState.UNJOINED;
                        rejoinNeeded = true;
                    }
                    throw e;
                }
            }
            CompletableFuture<SyncGroupResponse> sent = net.send(new SyncGroupRequest(groupId, r.generationId(),
                    r.memberId(), groupInstanceId.orElse(null), ConsumerProtocol.PROTOCOL_TYPE, r.protocolName(),
                    assignments));
            synchronized (this) {
                syncFuture = sent;
            }
            return true;
        }
        synchronized (this) {
            state = MemberState.UNJOINED;
        }
        switch (error) {
            case UNKNOWN_MEMBER_ID:
                resetGeneration("JoinGroup failed with " + error, true);
                return false;
            case ILLEGAL_GENERATION:
                resetGeneration("JoinGroup failed with " + error, false);
                return false;
            case REBALANCE_IN_PROGRESS:
                return false;
            case FENCED_INSTANCE_ID:
                fatal(new FencedInstanceIdException("Consumer " + clientId + " with group.instance.id "
                        + groupInstanceId.orElse("") + " was fenced by another member with the same id"));
                throw fatalError;
            case COORDINATOR_NOT_AVAILABLE:
            case NOT_COORDINATOR:
            case COORDINATOR_LOAD_IN_PROGRESS:
                coordinatorKnown = false;
                net.sleep(retryBackoffMs, timer);
                ensureCoordinatorReady(timer);
                return false;
            default:
                throw error.exception("JoinGroup of consumer " + clientId + " to group " + groupId + " failed: "
                        + error.message());
        }
    }

    private boolean handleSyncResponse(SyncGroupResponse r, Timer timer) {
        Errors error = r.error();
        if (error == Errors.NONE) {
            Generation g;
            synchronized (this) {
                state = MemberState.STABLE;
                rejoinNeeded = false;
                g = generation;
                enableHeartbeat();
            }
            try {
                onJoinComplete(g, ByteBuffer.wrap(r.assignment()));
            } finally {
                synchronized (this) {
                    needsJoinPrepare = true;
                }
            }
            return true;
        }
        synchronized (this) {
            state = MemberState.UNJOINED;
            rejoinNeeded = true;
        }
        switch (error) {
            case REBALANCE_IN_PROGRESS:
                return false;
            case UNKNOWN_MEMBER_ID:
                resetGeneration("SyncGroup failed with " + error, true);
                return false;
            case ILLEGAL_GENERATION:
                resetGeneration("SyncGroup failed with " + error, false);
                return false;
            case FENCED_INSTANCE_ID:
                fatal(new FencedInstanceIdException("Consumer " + clientId + " with group.instance.id "
                        + groupInstanceId.orElse("") + " was fenced by another member with the same id"));
                throw fatalError;
            case COORDINATOR_NOT_AVAILABLE:
            case NOT_COORDINATOR:
            case COORDINATOR_LOAD_IN_PROGRESS:
                coordinatorKnown = false;
                net.sleep(retryBackoffMs, timer);
                return false;
            default:
                throw error.exception("SyncGroup of consumer " + clientId + " in group " + groupId + " failed: "
                        + error.message());
        }
    }

    private synchronized void fatal(RunnelException e) {
        fatalError = e;
        state = MemberState.UNJOINED;
        heartbeatEnabled = false;
    }

    private synchronized void resetGeneration(String reason, boolean resetMemberId) {
        log.info("Consumer {} of group {} resets its generation{}: {}", clientId, groupId,
                resetMemberId ? " and member id" : "", reason);
        generation = resetMemberId ? Generation.NO_GENERATION
                : new Generation(Generation.NO_GENERATION.generationId(), generation.memberId(), null);
        state = MemberState.UNJOINED;
        rejoinNeeded = true;
        needsJoinPrepare = true;
        heartbeatEnabled = false;
    }

    private void enableHeartbeat() {
        heartbeatEnabled = true;
        nextHeartbeatMs = time.milliseconds() + heartbeatIntervalMs;
        notifyAll();
    }

    // ------------------------------------------------------------------------------------------------ rebalance hooks

    private void onJoinPrepare(Timer timer) {
        Generation g;
        synchronized (this) {
            g = generation;
        }
        if (g.generationId() >= 0 && g.hasMemberId()) {
            maybeAutoCommitOffsetsSync(timer);
        }
        RuntimeException failure = null;
        ConsumerRebalanceListener listener = subscriptions.listener();
        Set<TopicPartition> owned = new java.util.LinkedHashSet<>(subscriptions.assignedPartitions());
        if (g.generationId() < 0 || !g.hasMemberId()) {
            if (!owned.isEmpty()) {
                log.info("Consumer {} lost partitions {}: its generation was reset", clientId, owned);
                failure = invoke(() -> listener.onPartitionsLost(owned), "onPartitionsLost");
                subscriptions.assignFromSubscribed(Set.of());
            }
        } else if (protocol == RebalanceProtocol.EAGER) {
            failure = invoke(() -> listener.onPartitionsRevoked(owned), "onPartitionsRevoked");
            subscriptions.assignFromSubscribed(Set.of());
        } else {
            Set<String> topics = subscriptions.subscription();
            Set<TopicPartition> revoked = new java.util.LinkedHashSet<>();
            owned.forEach(tp -> {
                if (!topics.contains(tp.topic())) {
                    revoked.add(tp);
                }
            });
            if (!revoked.isEmpty()) {
                failure = invoke(() -> listener.onPartitionsRevoked(revoked), "onPartitionsRevoked");
                owned.removeAll(revoked);
                subscriptions.assignFromSubscribed(owned);
            }
        }
        synchronized (this) {
            partitionCountSnapshot = Map.of();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private RuntimeException invoke(Runnable callback, String name) {
        try {
            callback.run();
            return null;
        } catch (WakeupException | io.runnel.common.errors.InterruptException e) {
            return e;
        } catch (RuntimeException e) {
            log.error("User provided listener {} failed on invocation of {}", subscriptions.listener().getClass()
                    .getName(), name, e);
            return new RunnelException("User rebalance callback " + name + " threw an error", e);
        }
    }

    private Map<String, byte[]> performAssignment(String protocolName, List<JoinGroupResponse.Member> members,
                                                  Timer timer) {
        ConsumerPartitionAssignor assignor = lookupAssignor(protocolName);
        Map<String, Subscription> subs = new LinkedHashMap<>();
        Set<String> allTopics = new TreeSet<>();
        for (JoinGroupResponse.Member m : members) {
            Subscription s = ConsumerProtocol.deserializeSubscription(ByteBuffer.wrap(m.metadata()));
            s.setGroupInstanceId(Optional.ofNullable(m.groupInstanceId()));
            subs.put(m.memberId(), s);
            allTopics.addAll(s.topics());
        }
        metadata.refresh(allTopics, timer);
        Cluster cluster = metadata.cluster();
        log.info("Consumer {} is the leader of group {}: assigning {} with {} for {} member(s)", clientId, groupId,
                allTopics, protocolName, members.size());
        GroupAssignment ga = assignor.assign(cluster, new GroupSubscription(subs));
        if (protocol == RebalanceProtocol.COOPERATIVE) {
            validateCooperativeAssignment(subs, ga.groupAssignment());
        }
        Map<String, Integer> snapshot = new HashMap<>();
        for (String t : allTopics) {
            Integer n = cluster.partitionCountForTopic(t);
            if (n != null) {
                snapshot.put(t, n);
            }
        }
        synchronized (this) {
            partitionCountSnapshot = snapshot;
        }
        Map<String, byte[]> out = new HashMap<>();
        for (JoinGroupResponse.Member m : members) {
            Assignment a = ga.groupAssignment().get(m.memberId());
            if (a == null) {
                a = new Assignment(List.of());
            }
            out.put(m.memberId(), ConsumerProtocol.toArray(ConsumerProtocol.serializeAssignment(a)));
        }
        return out;
    }

    private static void validateCooperativeAssignment(Map<String, Subscription> subs, Map<String, Assignment> assigned) {
        Map<TopicPartition, String> owners = new HashMap<>();
        subs.forEach((m, s) -> s.ownedPartitions().forEach(tp -> owners.put(tp, m)));
        for (Map.Entry<String, Assignment> e : assigned.entrySet()) {
            for (TopicPartition tp : e.getValue().partitions()) {
                String owner = owners.get(tp);
                if (owner != null && !owner.equals(e.getKey())) {
                    throw new IllegalStateException("Assignor supporting the COOPERATIVE protocol violates its "
                            + "requirements: " + tp + " is assigned to " + e.getKey() + " while " + owner
                            + " still owns it");
                }
            }
        }
    }

    private ConsumerPartitionAssignor lookupAssignor(String name) {
        for (ConsumerPartitionAssignor a : assignors) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalStateException("Coordinator selected invalid assignment protocol: " + name);
    }

    private void onJoinComplete(Generation g, ByteBuffer assignmentBytes) {
        ConsumerPartitionAssignor assignor = lookupAssignor(g.protocolName());
        Assignment assignment = ConsumerProtocol.deserializeAssignment(assignmentBytes);
        Set<TopicPartition> owned = new java.util.LinkedHashSet<>(subscriptions.assignedPartitions());
        Set<TopicPartition> assigned = new java.util.LinkedHashSet<>(assignment.partitions());
        Set<String> topics = subscriptions.subscription();
        boolean notSubscribed = assigned.stream().anyMatch(tp -> !topics.contains(tp.topic()));
        if (notSubscribed) {
            log.warn("Consumer {} was assigned partitions of topics it does not subscribe to: {}; rejoining", clientId,
                    assigned);
            requestRejoin("the assignment does not match the subscription");
        }
        Set<TopicPartition> added = new java.util.LinkedHashSet<>(assigned);
        added.removeAll(owned);
        RuntimeException failure = null;
        ConsumerRebalanceListener listener = subscriptions.listener();
        if (protocol == RebalanceProtocol.COOPERATIVE) {
            Set<TopicPartition> revoked = new java.util.LinkedHashSet<>(owned);
            revoked.removeAll(assigned);
            if (!revoked.isEmpty()) {
                Set<TopicPartition> kept = new java.util.LinkedHashSet<>(owned);
                kept.removeAll(revoked);
                failure = invoke(() -> listener.onPartitionsRevoked(revoked), "onPartitionsRevoked");
                subscriptions.assignFromSubscribed(kept);
                requestRejoin("need to revoke partitions " + revoked + " and re-join");
            }
        }
        subscriptions.assignFromSubscribed(assigned);
        Map<String, Integer> snapshot = new HashMap<>();
        Cluster cluster = metadata.cluster();
        for (String t : topics) {
            Integer n = cluster.partitionCountForTopic(t);
            if (n != null) {
                snapshot.put(t, n);
            }
        }
        synchronized (this) {
            Map<String, Integer> merged = new HashMap<>(snapshot);
            merged.putAll(partitionCountSnapshot);
            partitionCountSnapshot = merged;
            nextAutoCommitMs = time.milliseconds() + autoCommitIntervalMs;
        }
        try {
            assignor.onAssignment(assignment, groupMetadata());
        } catch (RuntimeException e) {
            failure = failure != null ? failure : new RunnelException("Assignor " + assignor.name()
                    + " failed in onAssignment", e);
        }
        log.info("Consumer {} of group {} got generation {} with partitions {}", clientId, groupId, g.generationId(),
                assigned);
        RuntimeException assignedFailure = invoke(() -> listener.onPartitionsAssigned(added), "onPartitionsAssigned");
        if (failure == null) {
            failure = assignedFailure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ------------------------------------------------------------------------------------------------ leave

    /**
     * Gives up the partitions (revoked, or lost if the generation was reset) and leaves the group; used by
     * {@code unsubscribe} and {@code close}.
     *
     * @param reason why, for logs
     */
    public void onLeavePrepare(String reason) {
        Generation g;
        synchronized (this) {
            g = generation;
        }
        Set<TopicPartition> owned = subscriptions.assignedPartitions();
        ConsumerRebalanceListener listener = subscriptions.listener();
        RuntimeException failure = null;
        if (subscriptions.hasAutoAssignedPartitions() && !owned.isEmpty()) {
            if (g.generationId() < 0 || !g.hasMemberId()) {
                failure = invoke(() -> listener.onPartitionsLost(owned), "onPartitionsLost");
            } else {
                failure = invoke(() -> listener.onPartitionsRevoked(owned), "onPartitionsRevoked");
            }
        }
        maybeLeaveGroup(reason);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Sends LeaveGroup for a dynamic member in a generation (a static member keeps its place until its session
     * times out) and resets the generation.
     *
     * @param reason why, for logs
     */
    public void maybeLeaveGroup(String reason) {
        Generation g;
        boolean leave;
        synchronized (this) {
            g = generation;
            leave = groupInstanceId.isEmpty() && g.hasMemberId();
            generation = Generation.NO_GENERATION;
            state = MemberState.UNJOINED;
            heartbeatEnabled = false;
            rejoinNeeded = true;
            needsJoinPrepare = true;
            joinFuture = null;
            syncFuture = null;
            notifyAll();
        }
        if (leave) {
            log.info("Consumer {} leaves group {}: {}", clientId, groupId, reason);
            try {
                net.send(new LeaveGroupRequest(groupId, List.of(new LeaveGroupRequest.MemberIdentity(g.memberId(),
                        null, reason))));
            } catch (RuntimeException e) {
                log.debug("LeaveGroup failed: {}", e.toString());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ commits

    /**
     * @return the generation to commit with: the current one when stable; NO_GENERATION for manual assignment
     * @throws CommitFailedException        if group-managed and not part of an active generation
     * @throws RebalanceInProgressException if a rebalance is in progress
     */
    private synchronized Generation generationForCommit() {
        if (!subscriptions.hasAutoAssignedPartitions()) {
            return Generation.NO_GENERATION;
        }
        if (state == MemberState.STABLE) {
            return generation;
        }
        if (state == MemberState.PREPARING_REBALANCE || state == MemberState.COMPLETING_REBALANCE) {
            throw new RebalanceInProgressException("Offset commit cannot be completed since the consumer is undergoing "
                    + "a rebalance for auto partition assignment. You can try completing the rebalance by calling "
                    + "poll() and then retry the operation.");
        }
        throw new CommitFailedException("Offset commit cannot be completed since the consumer is not part of an "
                + "active group for auto partition assignment; it is likely that the consumer was kicked out of the "
                + "group.");
    }

    private CompletableFuture<OffsetCommitResponse> sendCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Generation g = generationForCommit();
        Map<TopicPartition, OffsetCommitRequest.PartitionData> data = new LinkedHashMap<>();
        offsets.forEach((tp, om) -> data.put(tp, new OffsetCommitRequest.PartitionData(om.offset(),
                om.leaderEpoch().orElse(-1), om.metadata())));
        return net.send(new OffsetCommitRequest(groupId, g.generationId(), g.memberId(),
                subscriptions.hasAutoAssignedPartitions() ? groupInstanceId.orElse(null) : null, data));
    }

    /** @return the exception for a failed commit response, or null if every partition succeeded */
    private RuntimeException commitError(OffsetCommitResponse r, Generation sentWith) {
        for (Map.Entry<TopicPartition, Errors> e : r.errors().entrySet()) {
            Errors error = e.getValue();
            if (error == Errors.NONE) {
                continue;
            }
            switch (error) {
                case UNKNOWN_MEMBER_ID:
                case ILLEGAL_GENERATION:
                    if (subscriptions.hasAutoAssignedPartitions()) {
                        synchronized (this) {
                            if (generation.equals(sentWith)) {
                                resetGeneration("OffsetCommit failed with " + error, error == Errors.UNKNOWN_MEMBER_ID);
                            }
                        }
                        return new CommitFailedException();
                    }
                    return new CommitFailedException("Offset commit failed for group " + groupId + ": the group has "
                            + "active members, so a consumer outside the group (assign()) cannot commit (" + error + ")");
                case REBALANCE_IN_PROGRESS:
                    requestRejoin("the group is rebalancing");
                    return new RebalanceInProgressException("Offset commit cannot be completed since the consumer "
                            + "member's generation is being rebalanced; call poll() to complete the rebalance and "
                            + "commit again");
                case FENCED_INSTANCE_ID:
                    fatal(new FencedInstanceIdException("Consumer " + clientId + " was fenced by another member with "
                            + "group.instance.id " + groupInstanceId.orElse("")));
                    return fatalError;
                default:
                    return error.exception("Offset commit for " + e.getKey() + " in group " + groupId + " failed: "
                            + error.message());
            }
        }
        return null;
    }

    /**
     * Commits and waits, retrying retriable errors until the timer expires.
     *
     * @param offsets the offsets
     * @param timer   the time budget
     * @return false if the timer expired first
     * @throws CommitFailedException        if this member is no longer in the group's generation
     * @throws RebalanceInProgressException if the group is rebalancing
     */
    public boolean commitOffsetsSync(Map<TopicPartition, OffsetAndMetadata> offsets, Timer timer) {
        invokeCompletedOffsetCommitCallbacks();
        if (offsets.isEmpty()) {
            return true;
        }
        ensureGroupId();
        while (true) {
            Generation sentWith;
            synchronized (this) {
                sentWith = generation;
            }
            CompletableFuture<OffsetCommitResponse> f = sendCommit(offsets);
            if (!net.waitFor(f, timer)) {
                return false;
            }
            RuntimeException error = commitError(f.join(), sentWith);
            if (error == null) {
                return true;
            }
            if (!(error instanceof RetriableException) || timer.isExpired()) {
                throw error;
            }
            net.sleep(retryBackoffMs, timer);
        }
    }

    /**
     * Commits without waiting; the callback runs during a later poll, commit or close.
     *
     * @param offsets  the offsets
     * @param callback the callback, or null to log failures
     */
    public void commitOffsetsAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        invokeCompletedOffsetCommitCallbacks();
        OffsetCommitCallback cb = callback != null ? callback : (o, e) -> {
            if (e != null) {
                log.warn("Asynchronous auto-commit of offsets {} failed: {}", o, e.getMessage());
            }
        };
        if (offsets.isEmpty()) {
            completedCommits.add(new CompletedCommit(cb, offsets, null));
            return;
        }
        ensureGroupId();
        Generation sentWith;
        synchronized (this) {
            sentWith = generation;
        }
        CompletableFuture<OffsetCommitResponse> f;
        try {
            f = sendCommit(offsets);
        } catch (RuntimeException e) {
            completedCommits.add(new CompletedCommit(cb, offsets, e));
            return;
        }
        f.whenComplete((r, t) -> {
            Exception e;
            if (t != null) {
                e = new RetriableCommitFailedException("Offset commit failed with a retriable exception: " + t, t);
            } else {
                RuntimeException err = commitError(r, sentWith);
                e = err instanceof RetriableException ? new RetriableCommitFailedException("Offset commit failed with a "
                        + "retriable exception. You should retry committing the latest consumed offsets.", err) : err;
            }
            completedCommits.add(new CompletedCommit(cb, offsets, e));
        });
    }

    /** Runs the callbacks of completed asynchronous commits, in completion order, on the calling thread. */
    public void invokeCompletedOffsetCommitCallbacks() {
        CompletedCommit c;
        while ((c = completedCommits.poll()) != null) {
            c.callback().onComplete(c.offsets(), c.exception());
        }
    }

    private void maybeAutoCommitOffsetsAsync(long now) {
        if (!autoCommitEnabled || groupId == null) {
            return;
        }
        boolean due;
        synchronized (this) {
            due = now >= nextAutoCommitMs;
            if (due) {
                nextAutoCommitMs = now + autoCommitIntervalMs;
            }
        }
        if (due) {
            Map<TopicPartition, OffsetAndMetadata> offsets = subscriptions.allConsumed();
            if (!offsets.isEmpty()) {
                commitOffsetsAsync(offsets, null);
            }
        }
    }

    /**
     * Commits every position synchronously if auto-commit is on (before a rebalance and at close); failures are
     * logged, not thrown.
     *
     * @param timer the time budget
     */
    public void maybeAutoCommitOffsetsSync(Timer timer) {
        if (!autoCommitEnabled || groupId == null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = subscriptions.allConsumed();
        try {
            if (!commitOffsetsSync(offsets, timer)) {
                log.warn("Auto-commit of offsets {} timed out", offsets);
            }
        } catch (WakeupException | io.runnel.common.errors.InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Synchronous auto-commit of offsets {} failed: {}", offsets, e.getMessage());
        }
    }

    /**
     * Fetches committed offsets.
     *
     * @param partitions the partitions
     * @param timer      the time budget
     * @return per partition, its committed offset or null
     * @throws TimeoutException if the timer expires first
     */
    public Map<TopicPartition, OffsetAndMetadata> fetchCommittedOffsets(Set<TopicPartition> partitions, Timer timer) {
        ensureGroupId();
        Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
        if (partitions.isEmpty()) {
            return out;
        }
        while (true) {
            OffsetFetchResponse r = net.sendAndWait(new OffsetFetchRequest(groupId, new ArrayList<>(partitions), true),
                    timer, "committed offsets of " + partitions);
            if (r.error() == Errors.NONE) {
                for (TopicPartition tp : partitions) {
                    OffsetFetchResponse.PartitionData d = r.partitions().get(tp);
                    if (d == null || d.offset() < 0) {
                        out.put(tp, null);
                    } else {
                        out.put(tp, new OffsetAndMetadata(d.offset(), d.leaderEpoch() < 0 ? Optional.empty()
                                : Optional.of(d.leaderEpoch()), d.metadata()));
                    }
                }
                return out;
            }
            RuntimeException e = r.error().exception(null);
            if (!(e instanceof RetriableException) || timer.isExpired()) {
                throw e;
            }
            net.sleep(retryBackoffMs, timer);
        }
    }

    /**
     * Gives partitions without a position their committed offset, if any.
     *
     * @param timer the time budget
     */
    public void refreshCommittedOffsetsIfNeeded(Timer timer) {
        if (groupId == null) {
            return;
        }
        Set<TopicPartition> needing = new HashSet<>(subscriptions.partitionsNeedingPosition());
        if (needing.isEmpty()) {
            return;
        }
        fetchCommittedOffsets(needing, timer).forEach((tp, om) -> {
            if (om != null && subscriptions.isAssigned(tp) && subscriptions.position(tp) == null) {
                log.info("Setting offset for partition {} to the committed offset {}", tp, om.offset());
                subscriptions.seek(tp, om.offset(), om.leaderEpoch());
            }
        });
    }

    private void ensureGroupId() {
        if (groupId == null) {
            throw new io.runnel.common.errors.InvalidGroupIdException("To use the group management or offset commit "
                    + "APIs, you must provide a valid group.id in the consumer configuration.");
        }
    }

    // ------------------------------------------------------------------------------------------------ metadata

    /** @return the group metadata as of the last rebalance */
    public synchronized ConsumerGroupMetadata groupMetadata() {
        return new ConsumerGroupMetadata(groupId, generation.generationId(), generation.memberId(), groupInstanceId);
    }

    /** @return the current generation */
    public synchronized Generation generation() {
        return generation;
    }

    // ------------------------------------------------------------------------------------------------ heartbeat

    private synchronized void startHeartbeatThreadIfNeeded() {
        if (heartbeatThread == null && !closed) {
            heartbeatThread = new HeartbeatThread();
            heartbeatThread.start();
        }
    }

    /**
     * Commits (if auto-commit), gives up the partitions, leaves the group and stops the heartbeat thread.
     *
     * @param timer the time budget for the final commit
     */
    public void close(Timer timer) {
        try {
            if (groupId != null) {
                maybeAutoCommitOffsetsSync(timer);
                invokeCompletedOffsetCommitCallbacks();
                if (subscriptions.hasAutoAssignedPartitions()) {
                    onLeavePrepare("the consumer is being closed");
                } else {
                    maybeLeaveGroup("the consumer is being closed");
                }
            }
        } finally {
            HeartbeatThread t;
            synchronized (this) {
                closed = true;
                t = heartbeatThread;
                notifyAll();
            }
            if (t != null && t != Thread.currentThread()) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private final class HeartbeatThread extends Thread {

        HeartbeatThread() {
            super("runnel-coordinator-heartbeat-thread | " + groupId);
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Generation sentWith;
                    boolean pollTimeout = false;
                    synchronized (ConsumerCoordinator.this) {
                        if (closed) {
                            return;
                        }
                        if (!heartbeatEnabled || fatalError != null) {
                            waitFor(Long.MAX_VALUE / 4);
                            continue;
                        }
                        long now = time.milliseconds();
                        if (now - lastPollMs > rebalanceTimeoutMs) {
                            log.warn("Consumer {} poll timeout has expired: the time between subsequent calls to "
                                    + "poll() was longer than max.poll.interval.ms={}; leaving group {}", clientId,
                                    rebalanceTimeoutMs, groupId);
                            pollTimeout = true;
                            heartbeatEnabled = false;
                        }
                        if (pollTimeout) {
                            sentWith = null;
                        } else if (now < nextHeartbeatMs) {
                            waitFor(Math.min(nextHeartbeatMs, lastPollMs + rebalanceTimeoutMs + 1) - now);
                            continue;
                        } else {
                            nextHeartbeatMs = now + heartbeatIntervalMs;
                            sentWith = generation;
                        }
                    }
                    if (pollTimeout) {
                        maybeLeaveGroup("consumer poll timeout has expired");
                        continue;
                    }
                    CompletableFuture<HeartbeatResponse> f = net.send(new HeartbeatRequest(groupId,
                            sentWith.generationId(), sentWith.memberId(), groupInstanceId.orElse(null)));
                    HeartbeatResponse r;
                    try {
                        r = io.runnel.clients.internals.ClientWaits.await(f, time, time.milliseconds()
                                + requestTimeoutMs, "heartbeat");
                    } catch (RuntimeException e) {
                        log.debug("Heartbeat failed: {}", e.toString());
                        continue;
                    }
                    handle(r.error(), sentWith);
                }
            } catch (RuntimeException e) {
                log.error("Heartbeat thread of consumer {} failed", clientId, e);
                synchronized (ConsumerCoordinator.this) {
                    fatalError = new RunnelException("The heartbeat thread failed: " + e, e);
                }
            }
        }

        private void waitFor(long ms) {
            long deadline = ms >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 2 : time.milliseconds() + Math.max(1, ms);
            long enabledAt = nextHeartbeatMs;
            boolean wasEnabled = heartbeatEnabled;
            try {
                time.waitObject(ConsumerCoordinator.this, () -> closed || heartbeatEnabled != wasEnabled
                        || nextHeartbeatMs != enabledAt, deadline);
            } catch (TimeoutException e) {
                // time to look again
            } catch (InterruptedException e) {
                closed = true;
            }
        }

        private void handle(Errors error, Generation sentWith) {
            synchronized (ConsumerCoordinator.this) {
                if (!generation.equals(sentWith)) {
                    return;
                }
                switch (error) {
                    case NONE:
                        break;
                    case REBALANCE_IN_PROGRESS:
                        if (state == MemberState.STABLE) {
                            requestRejoin("group is already rebalancing");
                        }
                        break;
                    case ILLEGAL_GENERATION:
                    case UNKNOWN_MEMBER_ID:
                        resetGeneration("Heartbeat failed with " + error, error == Errors.UNKNOWN_MEMBER_ID);
                        break;
                    case FENCED_INSTANCE_ID:
                        fatal(new FencedInstanceIdException("Consumer " + clientId + " with group.instance.id "
                                + groupInstanceId.orElse("") + " was fenced by another member with the same id"));
                        break;
                    default:
                        log.debug("Heartbeat of consumer {} answered {}", clientId, error);
                }
            }
        }
    }
}
