package io.runnel.coordinator.group;

import io.runnel.common.GroupState;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.RecordTooLargeException;
import io.runnel.common.internals.Topic;
import io.runnel.common.record.Record;
import io.runnel.common.requests.DeleteGroupsRequest;
import io.runnel.common.requests.DeleteGroupsResponse;
import io.runnel.common.requests.DescribeGroupsRequest;
import io.runnel.common.requests.DescribeGroupsResponse;
import io.runnel.common.requests.DescribeGroupsResponse.DescribedGroup;
import io.runnel.common.requests.DescribeGroupsResponse.DescribedGroupMember;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.HeartbeatRequest;
import io.runnel.common.requests.HeartbeatResponse;
import io.runnel.common.requests.JoinGroupRequest;
import io.runnel.common.requests.JoinGroupResponse;
import io.runnel.common.requests.LeaveGroupRequest;
import io.runnel.common.requests.LeaveGroupResponse;
import io.runnel.common.requests.ListGroupsRequest;
import io.runnel.common.requests.ListGroupsResponse;
import io.runnel.common.requests.OffsetCommitRequest;
import io.runnel.common.requests.OffsetCommitResponse;
import io.runnel.common.requests.OffsetFetchRequest;
import io.runnel.common.requests.OffsetFetchResponse;
import io.runnel.common.requests.RequestContext;
import io.runnel.common.requests.SyncGroupRequest;
import io.runnel.common.requests.SyncGroupResponse;
import io.runnel.common.utils.Time;
import io.runnel.coordinator.group.ClassicGroup.CommittedOffset;
import io.runnel.coordinator.group.CoordinatorRecords.GroupValue;
import io.runnel.coordinator.group.CoordinatorRecords.Key;
import io.runnel.coordinator.group.CoordinatorRecords.MemberValue;
import io.runnel.coordinator.group.CoordinatorRecords.OffsetValue;
import io.runnel.log.LogManager;
import io.runnel.log.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/*
 * Design notes for maintainers.
 *
 * This is Kafka's classic group protocol written as one state machine over plain data (ClassicGroup,
 * ClassicGroupMember). Every entry point - a request (join, sync, heartbeat, leave, commit, fetch, list,
 * describe, delete) or a timer (heartbeat expiry, join timeout, initial-delay expiry, sync timeout, offsets
 * expiration) - runs under one lock and only changes data and queues responses; the queued completions run
 * after the lock is released, so a client continuation never runs inside the coordinator and never on a thread
 * that holds it. The in-process transport and, later, the network server call the same methods: nothing here
 * knows how requests arrive.
 *
 * States (Kafka's): Empty -> PreparingRebalance (a member joins) -> CompletingRebalance (every known member
 * rejoined, or the rebalance timeout removed the rest; generation + 1, protocol chosen by vote, leader picked,
 * every JoinGroup answered) -> Stable (the leader's SyncGroup carried the assignment; every SyncGroup answered).
 * A join, leave, expiry or protocol change in Stable or CompletingRebalance goes back to PreparingRebalance; a
 * rebalance that ends with no members goes to Empty (generation + 1); deleting an Empty group, or expiring its
 * last offsets, makes it Dead.
 *
 * Timers read the injected Time through the injected Scheduler (MockTime + MockScheduler in tests: advancing
 * the clock fires them on the test's thread, which is what the deterministic simulation relies on). Each timer
 * carries the rebalance id or generation it was scheduled for and does nothing if the group moved on, so a
 * cancelled timer that still fires is harmless. A member's session expiry is one task per member that re-checks
 * the last heartbeat and re-schedules itself for the remaining time, rather than one task per heartbeat; a member
 * waiting for its JoinGroup or SyncGroup answer is kept alive (the rebalance and sync timeouts bound that wait).
 *
 * Fencing: a commit carries the member's generation and id; it is refused with ILLEGAL_GENERATION or
 * UNKNOWN_MEMBER_ID when they are stale and with REBALANCE_IN_PROGRESS while the group waits for the leader's
 * assignment, so a member that lost its partitions never overwrites the new owner's progress. Commits with
 * generation -1 and no member id (assign() consumers, the admin client) are accepted only by an Empty group.
 *
 * Persistence: offsets and group metadata are appended to __consumer_offsets (created on first use; compacted)
 * in Kafka's record schemas (CoordinatorRecords) before the in-memory state changes and the response is sent.
 * On startup every partition is read back. Members are not restored: the embedded log lives at least as long as
 * every client in its JVM, so after a restart no member can still be alive; groups come back Empty with their
 * generation and offsets.
 */
/**
 * The consumer group coordinator: Kafka's classic group protocol (JoinGroup, SyncGroup, Heartbeat, LeaveGroup),
 * committed offsets (OffsetCommit, OffsetFetch) stored in the compacted topic {@code __consumer_offsets}, and
 * group administration (ListGroups, DescribeGroups, DeleteGroups). The leader member computes assignments; the
 * coordinator only collects subscriptions and distributes the leader's result, so any client-side assignor works.
 *
 * <p>Each request method returns a future completed with the response; JoinGroup and SyncGroup complete later,
 * when the rebalance reaches the right state (or a timeout fires). Futures are never completed on a thread that
 * holds the coordinator's lock.
 *
 * <p>Thread-safe. Time-based behaviour ({@code session.timeout.ms}, the rebalance timeout,
 * {@code group.initial.rebalance.delay.ms}, {@code offsets.retention.minutes}) reads the injected {@link Time}.
 */
public final class GroupCoordinator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCoordinator.class);

    /** The protocol type consumers use. */
    public static final String CONSUMER_PROTOCOL_TYPE = "consumer";

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> deferred = new ArrayList<>();
    private final Map<String, ClassicGroup> groups = new HashMap<>();
    private final GroupCoordinatorConfig config;
    private final Time time;
    private final Scheduler scheduler;
    private final OffsetsTopic offsetsTopic;
    private final Supplier<String> memberIdSuffix;
    private Scheduler.Task expirationTask;
    private int rebalanceIds;
    private volatile boolean active;

    /**
     * @param logs      the log manager holding {@code __consumer_offsets}
     * @param config    the coordinator settings
     * @param time      the clock every timeout reads
     * @param scheduler runs the timers; must be started
     */
    public GroupCoordinator(LogManager logs, GroupCoordinatorConfig config, Time time, Scheduler scheduler) {
        this(logs, config, time, scheduler, () -> UUID.randomUUID().toString());
    }

    GroupCoordinator(LogManager logs, GroupCoordinatorConfig config, Time time, Scheduler scheduler,
                     Supplier<String> memberIdSuffix) {
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.offsetsTopic = new OffsetsTopic(logs, config, time);
        this.memberIdSuffix = memberIdSuffix;
    }

    /**
     * Loads committed offsets and group metadata from {@code __consumer_offsets} (if it exists) and starts the
     * offsets expiration task. Call once before serving requests.
     */
    public void startup() {
        inLock(() -> {
            load();
            active = true;
            long interval = config.offsetsRetentionCheckIntervalMs();
            expirationTask = scheduler.schedule("group-offsets-expiration", () -> inLock(() -> {
                expireOffsets();
                return null;
            }),
                    interval, interval);
            return null;
        });
    }

    /** @return the coordinator's settings */
    public GroupCoordinatorConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------------------------ locking

    private <T> T inLock(Supplier<T> action) {
        if (lock.isHeldByCurrentThread()) {
            return action.get();
        }
        T result;
        List<Runnable> completions;
        lock.lock();
        try {
            result = action.get();
        } finally {
            completions = new ArrayList<>(deferred);
            deferred.clear();
            lock.unlock();
        }
        for (Runnable r : completions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("A group response continuation failed", e);
            }
        }
        return result;
    }

    private <T> void reply(CompletableFuture<T> future, T response) {
        if (future != null) {
            deferred.add(() -> future.complete(response));
        }
    }

    private long now() {
        return time.milliseconds();
    }

    private Scheduler.Task schedule(String name, long delayMs, Runnable task) {
        return scheduler.schedule(name, () -> inLock(() -> {
            if (active) {
                task.run();
            }
            return null;
        }), Math.max(0, delayMs), 0);
    }

    private static void cancel(Scheduler.Task task) {
        if (task != null) {
            task.cancel();
        }
    }

    // ------------------------------------------------------------------------------------------------ join

    /**
     * Handles JoinGroup. The future completes when the rebalance completes (or at once on error, or when a known
     * member of a stable group rejoins with unchanged metadata).
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future
     */
    public CompletableFuture<JoinGroupResponse> joinGroup(RequestContext context, JoinGroupRequest request) {
        CompletableFuture<JoinGroupResponse> f = new CompletableFuture<>();
        inLock(() -> {
            doJoin(context, request, f);
            return null;
        });
        return f;
    }

    private void doJoin(RequestContext ctx, JoinGroupRequest req, CompletableFuture<JoinGroupResponse> f) {
        String memberId = req.memberId() == null ? JoinGroupRequest.UNKNOWN_MEMBER_ID : req.memberId();
        if (!active) {
            reply(f, JoinGroupResponse.failed(Errors.COORDINATOR_NOT_AVAILABLE, memberId));
            return;
        }
        if (req.groupId() == null || req.groupId().isEmpty()) {
            reply(f, JoinGroupResponse.failed(Errors.INVALID_GROUP_ID, memberId));
            return;
        }
        if (req.sessionTimeoutMs() < config.minSessionTimeoutMs() || req.sessionTimeoutMs() > config.maxSessionTimeoutMs()) {
            reply(f, JoinGroupResponse.failed(Errors.INVALID_SESSION_TIMEOUT, memberId));
            return;
        }
        if (req.protocolType() == null || req.protocolType().isEmpty() || req.protocols().isEmpty()) {
            reply(f, JoinGroupResponse.failed(Errors.INCONSISTENT_GROUP_PROTOCOL, memberId));
            return;
        }
        ClassicGroup g = groups.get(req.groupId());
        if (g == null) {
            if (!memberId.isEmpty()) {
                reply(f, JoinGroupResponse.failed(Errors.UNKNOWN_MEMBER_ID, memberId));
                return;
            }
            g = new ClassicGroup(req.groupId(), now());
            groups.put(req.groupId(), g);
        }
        if (g.is(GroupState.DEAD)) {
            reply(f, JoinGroupResponse.failed(Errors.COORDINATOR_NOT_AVAILABLE, memberId));
            return;
        }
        if (!g.supportsProtocols(req.protocolType(), req.protocols())) {
            reply(f, JoinGroupResponse.failed(Errors.INCONSISTENT_GROUP_PROTOCOL, memberId));
            return;
        }
        if (memberId.isEmpty()) {
            joinNewMember(ctx, g, req, f);
        } else {
            joinExistingMember(g, req, memberId, f);
        }
    }

    private void joinNewMember(RequestContext ctx, ClassicGroup g, JoinGroupRequest req,
                               CompletableFuture<JoinGroupResponse> f) {
        String instanceId = req.groupInstanceId();
        if (instanceId != null && g.staticMembers.containsKey(instanceId)) {
            replaceStaticMember(ctx, g, req, f);
            return;
        }
        if (g.members.size() >= config.maxGroupSize()) {
            reply(f, JoinGroupResponse.failed(Errors.GROUP_MAX_SIZE_REACHED, ""));
            return;
        }
        ClassicGroupMember m = newMember(ctx, req);
        m.awaitingJoin = f;
        addMember(g, m);
        log.info("Member {} joins group {} ({})", m.memberId, g.groupId, req.reason() == null ? "new member" : req.reason());
        maybePrepareRebalance(g, "member " + m.memberId + " joined");
        maybeCompleteJoin(g);
    }

    private ClassicGroupMember newMember(RequestContext ctx, JoinGroupRequest req) {
        String clientId = ctx.clientId() == null || ctx.clientId().isEmpty() ? "member" : ctx.clientId();
        String id = (req.groupInstanceId() != null ? req.groupInstanceId() : clientId) + "-" + memberIdSuffix.get();
        return new ClassicGroupMember(id, req.groupInstanceId(), ctx.clientId(), ctx.clientHost(),
                req.rebalanceTimeoutMs(), req.sessionTimeoutMs(), req.protocolType(), req.protocols());
    }

    private void addMember(ClassicGroup g, ClassicGroupMember m) {
        if (g.members.isEmpty()) {
            g.protocolType = m.protocolType;
        }
        g.members.put(m.memberId, m);
        if (m.groupInstanceId != null) {
            g.staticMembers.put(m.groupInstanceId, m.memberId);
        }
        if (g.leaderId == null || !g.members.containsKey(g.leaderId)) {
            g.leaderId = m.memberId;
        }
        if (g.initialDelayDeadlineMs >= 0) {
            g.newMemberDuringInitialDelay = true;
        }
        m.lastHeartbeatMs = now();
        scheduleExpiry(g, m, m.sessionTimeoutMs);
    }

    private void replaceStaticMember(RequestContext ctx, ClassicGroup g, JoinGroupRequest req,
                                     CompletableFuture<JoinGroupResponse> f) {
        ClassicGroupMember old = g.members.get(g.staticMembers.get(req.groupInstanceId()));
        ClassicGroupMember m = newMember(ctx, req);
        m.assignment = old.assignment;
        boolean wasLeader = old.memberId.equals(g.leaderId);
        reply(old.awaitingJoin, JoinGroupResponse.failed(Errors.FENCED_INSTANCE_ID, old.memberId));
        reply(old.awaitingSync, SyncGroupResponse.failed(Errors.FENCED_INSTANCE_ID));
        old.awaitingJoin = null;
        old.awaitingSync = null;
        cancel(old.expiryTask);
        g.members.remove(old.memberId);
        boolean pendingSync = g.pendingSyncMembers.remove(old.memberId);
        g.members.put(m.memberId, m);
        g.staticMembers.put(m.groupInstanceId, m.memberId);
        if (wasLeader) {
            g.leaderId = m.memberId;
        }
        if (pendingSync) {
            g.pendingSyncMembers.add(m.memberId);
        }
        m.lastHeartbeatMs = now();
        scheduleExpiry(g, m, m.sessionTimeoutMs);
        log.info("Static member {} of group {} rejoined as {} (old member id {} fenced)", m.groupInstanceId, g.groupId,
                m.memberId, old.memberId);
        if (g.is(GroupState.STABLE) && g.protocolName != null && g.protocolName.equals(g.selectProtocol())) {
            // Kafka's rule: the group's protocol would not change, so the member takes its predecessor's place and
            // assignment without a rebalance (a leader gets the member list but must not reassign).
            persistGroupQuietly(g);
            reply(f, new JoinGroupResponse(Errors.NONE, g.generationId, g.protocolType, g.protocolName, g.leaderId,
                    m.memberId, wasLeader ? joinResponse(g, m).members() : List.of(), wasLeader));
            return;
        }
        m.awaitingJoin = f;
        if (g.is(GroupState.PREPARING_REBALANCE)) {
            maybeCompleteJoin(g);
        } else {
            prepareRebalance(g, "static member " + m.groupInstanceId + " rejoined with new metadata");
            maybeCompleteJoin(g);
        }
    }

    private void joinExistingMember(ClassicGroup g, JoinGroupRequest req, String memberId,
                                    CompletableFuture<JoinGroupResponse> f) {
        ClassicGroupMember m = g.members.get(memberId);
        Errors fenced = validateMember(g, memberId, req.groupInstanceId());
        if (fenced != Errors.NONE) {
            reply(f, JoinGroupResponse.failed(fenced, memberId));
            return;
        }
        switch (g.state) {
            case PREPARING_REBALANCE:
                updateMember(m, req, f);
                maybeCompleteJoin(g);
                break;
            case COMPLETING_REBALANCE:
                if (m.matches(req.protocols())) {
                    m.lastHeartbeatMs = now();
                    reply(f, joinResponse(g, m));
                } else {
                    updateMember(m, req, f);
                    prepareRebalance(g, "member " + memberId + " rejoined with new metadata");
                    maybeCompleteJoin(g);
                }
                break;
            case STABLE:
                if (memberId.equals(g.leaderId) || !m.matches(req.protocols())) {
                    updateMember(m, req, f);
                    prepareRebalance(g, (memberId.equals(g.leaderId) ? "leader " : "member ") + memberId + " rejoined"
                            + (req.reason() == null ? "" : " (" + req.reason() + ")"));
                    maybeCompleteJoin(g);
                } else {
                    m.lastHeartbeatMs = now();
                    reply(f, new JoinGroupResponse(Errors.NONE, g.generationId, g.protocolType, g.protocolName,
                            g.leaderId, memberId, List.of(), false));
                }
                break;
            default:
                reply(f, JoinGroupResponse.failed(Errors.UNKNOWN_MEMBER_ID, memberId));
        }
    }

    /** @return NONE, UNKNOWN_MEMBER_ID or FENCED_INSTANCE_ID */
    private static Errors validateMember(ClassicGroup g, String memberId, String groupInstanceId) {
        ClassicGroupMember m = g.members.get(memberId);
        if (m == null) {
            if (groupInstanceId != null && g.staticMembers.containsKey(groupInstanceId)) {
                return Errors.FENCED_INSTANCE_ID;
            }
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (groupInstanceId != null && !groupInstanceId.equals(m.groupInstanceId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        return Errors.NONE;
    }

    private void updateMember(ClassicGroupMember m, JoinGroupRequest req, CompletableFuture<JoinGroupResponse> f) {
        m.protocols = List.copyOf(req.protocols());
        m.rebalanceTimeoutMs = req.rebalanceTimeoutMs();
        m.sessionTimeoutMs = req.sessionTimeoutMs();
        if (m.awaitingJoin != null && m.awaitingJoin != f) {
            reply(m.awaitingJoin, JoinGroupResponse.failed(Errors.REBALANCE_IN_PROGRESS, m.memberId));
        }
        m.awaitingJoin = f;
        m.lastHeartbeatMs = now();
    }

    private JoinGroupResponse joinResponse(ClassicGroup g, ClassicGroupMember m) {
        List<JoinGroupResponse.Member> members = List.of();
        if (m.memberId.equals(g.leaderId)) {
            members = new ArrayList<>();
            for (ClassicGroupMember other : g.members.values()) {
                members.add(new JoinGroupResponse.Member(other.memberId, other.groupInstanceId,
                        other.metadata(g.protocolName)));
            }
        }
        return new JoinGroupResponse(Errors.NONE, g.generationId, g.protocolType, g.protocolName, g.leaderId,
                m.memberId, members, false);
    }

    private void maybePrepareRebalance(ClassicGroup g, String reason) {
        if (g.is(GroupState.STABLE) || g.is(GroupState.COMPLETING_REBALANCE) || g.is(GroupState.EMPTY)) {
            prepareRebalance(g, reason);
        }
    }

    private void prepareRebalance(ClassicGroup g, String reason) {
        if (g.is(GroupState.COMPLETING_REBALANCE)) {
            for (ClassicGroupMember m : g.members.values()) {
                m.assignment = new byte[0];
                reply(m.awaitingSync, SyncGroupResponse.failed(Errors.REBALANCE_IN_PROGRESS));
                m.awaitingSync = null;
            }
        }
        cancel(g.syncTimer);
        cancel(g.joinTimer);
        g.pendingSyncMembers.clear();
        boolean wasEmpty = g.is(GroupState.EMPTY);
        g.transitionTo(GroupState.PREPARING_REBALANCE, now());
        int rebalanceId = ++rebalanceIds;
        g.rebalanceId = rebalanceId;
        log.info("Group {} prepares a rebalance (generation {}): {}", g.groupId, g.generationId, reason);
        int delay = config.initialRebalanceDelayMs();
        if (wasEmpty && delay > 0) {
            g.initialDelayDeadlineMs = now() + delay;
            g.initialDelayMaxMs = now() + Math.max(delay, g.rebalanceTimeoutMs());
            g.newMemberDuringInitialDelay = false;
            g.joinTimer = schedule("group-initial-delay", delay, () -> onInitialDelayExpired(g, rebalanceId));
        } else {
            g.initialDelayDeadlineMs = -1;
            g.joinTimer = schedule("group-join-timeout", g.rebalanceTimeoutMs(), () -> onJoinTimeout(g, rebalanceId));
        }
    }

    private void onInitialDelayExpired(ClassicGroup g, int rebalanceId) {
        if (g.rebalanceId != rebalanceId || !g.is(GroupState.PREPARING_REBALANCE) || groups.get(g.groupId) != g) {
            return;
        }
        long now = now();
        int delay = config.initialRebalanceDelayMs();
        if (g.newMemberDuringInitialDelay && now + delay <= g.initialDelayMaxMs) {
            g.newMemberDuringInitialDelay = false;
            g.initialDelayDeadlineMs = now + delay;
            g.joinTimer = schedule("group-initial-delay", delay, () -> onInitialDelayExpired(g, rebalanceId));
            return;
        }
        g.initialDelayDeadlineMs = -1;
        if (g.members.isEmpty() || g.allMembersJoined()) {
            completeJoin(g);
        } else {
            g.joinTimer = schedule("group-join-timeout", Math.max(0, g.initialDelayMaxMs - now),
                    () -> onJoinTimeout(g, rebalanceId));
        }
    }

    private void onJoinTimeout(ClassicGroup g, int rebalanceId) {
        if (g.rebalanceId != rebalanceId || !g.is(GroupState.PREPARING_REBALANCE) || groups.get(g.groupId) != g) {
            return;
        }
        completeJoin(g);
    }

    private void maybeCompleteJoin(ClassicGroup g) {
        if (!g.is(GroupState.PREPARING_REBALANCE)) {
            return;
        }
        if (g.members.isEmpty() || (g.initialDelayDeadlineMs < 0 && g.allMembersJoined())) {
            completeJoin(g);
        }
    }

    private void completeJoin(ClassicGroup g) {
        cancel(g.joinTimer);
        g.joinTimer = null;
        g.initialDelayDeadlineMs = -1;
        for (ClassicGroupMember m : g.membersList()) {
            if (!m.isAwaitingJoin()) {
                log.info("Member {} of group {} did not rejoin within the rebalance timeout ({} ms): removing it",
                        m.memberId, g.groupId, g.rebalanceTimeoutMs());
                removeMember(g, m);
            }
        }
        g.generationId++;
        if (g.members.isEmpty()) {
            g.protocolName = null;
            g.leaderId = null;
            g.transitionTo(GroupState.EMPTY, now());
            log.info("Group {} is empty after the rebalance (generation {})", g.groupId, g.generationId);
            persistGroupQuietly(g);
            return;
        }
        g.protocolName = g.selectProtocol();
        if (g.leaderId == null || !g.members.containsKey(g.leaderId)) {
            g.leaderId = g.members.keySet().iterator().next();
        }
        g.transitionTo(GroupState.COMPLETING_REBALANCE, now());
        g.pendingSyncMembers.clear();
        g.pendingSyncMembers.addAll(g.members.keySet());
        int generation = g.generationId;
        g.syncTimer = schedule("group-sync-timeout", g.rebalanceTimeoutMs(), () -> onSyncTimeout(g, generation));
        log.info("Group {} starts generation {} with {} member(s), protocol {}, leader {}", g.groupId, g.generationId,
                g.members.size(), g.protocolName, g.leaderId);
        long now = now();
        for (ClassicGroupMember m : g.members.values()) {
            reply(m.awaitingJoin, joinResponse(g, m));
            m.awaitingJoin = null;
            m.lastHeartbeatMs = now;
        }
    }

    // ------------------------------------------------------------------------------------------------ sync

    /**
     * Handles SyncGroup. A follower's future completes when the leader's SyncGroup arrives (or the group
     * rebalances again); the leader's at once.
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future
     */
    public CompletableFuture<SyncGroupResponse> syncGroup(RequestContext context, SyncGroupRequest request) {
        CompletableFuture<SyncGroupResponse> f = new CompletableFuture<>();
        inLock(() -> {
            doSync(request, f);
            return null;
        });
        return f;
    }

    private void doSync(SyncGroupRequest req, CompletableFuture<SyncGroupResponse> f) {
        if (!active) {
            reply(f, SyncGroupResponse.failed(Errors.COORDINATOR_NOT_AVAILABLE));
            return;
        }
        ClassicGroup g = groups.get(req.groupId());
        if (g == null) {
            reply(f, SyncGroupResponse.failed(Errors.UNKNOWN_MEMBER_ID));
            return;
        }
        Errors fenced = validateMember(g, req.memberId(), req.groupInstanceId());
        if (fenced != Errors.NONE) {
            reply(f, SyncGroupResponse.failed(fenced));
            return;
        }
        if (req.generationId() != g.generationId) {
            reply(f, SyncGroupResponse.failed(Errors.ILLEGAL_GENERATION));
            return;
        }
        if ((req.protocolType() != null && !req.protocolType().equals(g.protocolType))
                || (req.protocolName() != null && !req.protocolName().equals(g.protocolName))) {
            reply(f, SyncGroupResponse.failed(Errors.INCONSISTENT_GROUP_PROTOCOL));
            return;
        }
        ClassicGroupMember m = g.members.get(req.memberId());
        switch (g.state) {
            case PREPARING_REBALANCE:
                reply(f, SyncGroupResponse.failed(Errors.REBALANCE_IN_PROGRESS));
                break;
            case COMPLETING_REBALANCE:
                m.awaitingSync = f;
                m.lastHeartbeatMs = now();
                removePendingSync(g, m.memberId);
                if (m.memberId.equals(g.leaderId)) {
                    onLeaderSync(g, req.assignments());
                }
                break;
            case STABLE:
                m.lastHeartbeatMs = now();
                removePendingSync(g, m.memberId);
                reply(f, new SyncGroupResponse(Errors.NONE, g.protocolType, g.protocolName, m.assignment));
                break;
            default:
                reply(f, SyncGroupResponse.failed(Errors.UNKNOWN_MEMBER_ID));
        }
    }

    private void onLeaderSync(ClassicGroup g, Map<String, byte[]> assignments) {
        for (ClassicGroupMember member : g.members.values()) {
            byte[] a = assignments == null ? null : assignments.get(member.memberId);
            member.assignment = a == null ? new byte[0] : a;
        }
        try {
            persistGroup(g);
        } catch (RuntimeException e) {
            log.error("Could not store the assignment of group {} (generation {}); rebalancing again", g.groupId,
                    g.generationId, e);
            for (ClassicGroupMember member : g.members.values()) {
                member.assignment = new byte[0];
                reply(member.awaitingSync, SyncGroupResponse.failed(Errors.COORDINATOR_NOT_AVAILABLE));
                member.awaitingSync = null;
            }
            prepareRebalance(g, "the assignment could not be stored");
            return;
        }
        g.transitionTo(GroupState.STABLE, now());
        log.info("Group {} is stable in generation {}", g.groupId, g.generationId);
        for (ClassicGroupMember member : g.members.values()) {
            if (member.awaitingSync != null) {
                reply(member.awaitingSync, new SyncGroupResponse(Errors.NONE, g.protocolType, g.protocolName,
                        member.assignment));
                member.awaitingSync = null;
            }
        }
    }

    private void removePendingSync(ClassicGroup g, String memberId) {
        g.pendingSyncMembers.remove(memberId);
        if (g.pendingSyncMembers.isEmpty()) {
            cancel(g.syncTimer);
            g.syncTimer = null;
        }
    }

    private void onSyncTimeout(ClassicGroup g, int generation) {
        if (g.generationId != generation || groups.get(g.groupId) != g || g.pendingSyncMembers.isEmpty()
                || !(g.is(GroupState.COMPLETING_REBALANCE) || g.is(GroupState.STABLE))) {
            return;
        }
        for (String id : List.copyOf(g.pendingSyncMembers)) {
            ClassicGroupMember m = g.members.get(id);
            if (m != null) {
                log.info("Member {} of group {} did not send SyncGroup within the rebalance timeout: removing it", id,
                        g.groupId);
                removeMember(g, m);
            }
        }
        onMembersRemoved(g, "members did not sync");
    }

    // ------------------------------------------------------------------------------------------------ heartbeat

    /**
     * Handles Heartbeat: keeps the member alive and tells it whether to rejoin.
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future (completed)
     */
    public CompletableFuture<HeartbeatResponse> heartbeat(RequestContext context, HeartbeatRequest request) {
        return CompletableFuture.completedFuture(inLock(() -> new HeartbeatResponse(doHeartbeat(request))));
    }

    private Errors doHeartbeat(HeartbeatRequest req) {
        if (!active) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        ClassicGroup g = groups.get(req.groupId());
        if (g == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        Errors fenced = validateMember(g, req.memberId(), req.groupInstanceId());
        if (fenced != Errors.NONE) {
            return fenced;
        }
        if (g.is(GroupState.EMPTY) || g.is(GroupState.DEAD)) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (req.generationId() != g.generationId) {
            return Errors.ILLEGAL_GENERATION;
        }
        ClassicGroupMember m = g.members.get(req.memberId());
        m.lastHeartbeatMs = now();
        return g.is(GroupState.PREPARING_REBALANCE) ? Errors.REBALANCE_IN_PROGRESS : Errors.NONE;
    }

    private void scheduleExpiry(ClassicGroup g, ClassicGroupMember m, long delayMs) {
        String groupId = g.groupId;
        String memberId = m.memberId;
        m.expiryTask = schedule("group-member-expiry", delayMs, () -> onExpiryCheck(groupId, memberId));
    }

    private void onExpiryCheck(String groupId, String memberId) {
        ClassicGroup g = groups.get(groupId);
        ClassicGroupMember m = g == null ? null : g.members.get(memberId);
        if (m == null) {
            return;
        }
        long now = now();
        long deadline = m.lastHeartbeatMs + m.sessionTimeoutMs;
        if (m.isAwaitingJoin() || m.awaitingSync != null) {
            scheduleExpiry(g, m, m.sessionTimeoutMs);
        } else if (now < deadline) {
            scheduleExpiry(g, m, deadline - now);
        } else {
            log.info("Member {} of group {} missed its session timeout ({} ms): removing it", memberId, groupId,
                    m.sessionTimeoutMs);
            removeMember(g, m);
            onMembersRemoved(g, "member " + memberId + " session timed out");
        }
    }

    // ------------------------------------------------------------------------------------------------ leave

    /**
     * Handles LeaveGroup: removes the members at once and rebalances the rest.
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future (completed)
     */
    public CompletableFuture<LeaveGroupResponse> leaveGroup(RequestContext context, LeaveGroupRequest request) {
        return CompletableFuture.completedFuture(inLock(() -> doLeave(request)));
    }

    private LeaveGroupResponse doLeave(LeaveGroupRequest req) {
        if (!active) {
            return new LeaveGroupResponse(Errors.COORDINATOR_NOT_AVAILABLE, List.of());
        }
        ClassicGroup g = groups.get(req.groupId());
        List<LeaveGroupResponse.MemberResponse> results = new ArrayList<>();
        boolean removed = false;
        for (LeaveGroupRequest.MemberIdentity id : req.members()) {
            if (g == null) {
                results.add(new LeaveGroupResponse.MemberResponse(id.memberId(), id.groupInstanceId(),
                        Errors.UNKNOWN_MEMBER_ID));
                continue;
            }
            String memberId = id.memberId();
            if ((memberId == null || memberId.isEmpty()) && id.groupInstanceId() != null) {
                memberId = g.staticMembers.get(id.groupInstanceId());
            }
            if (memberId == null || !g.members.containsKey(memberId)) {
                results.add(new LeaveGroupResponse.MemberResponse(id.memberId(), id.groupInstanceId(),
                        Errors.UNKNOWN_MEMBER_ID));
                continue;
            }
            Errors fenced = validateMember(g, memberId, id.groupInstanceId());
            if (fenced != Errors.NONE) {
                results.add(new LeaveGroupResponse.MemberResponse(memberId, id.groupInstanceId(), fenced));
                continue;
            }
            log.info("Member {} leaves group {}{}", memberId, g.groupId, id.reason() == null ? "" : " (" + id.reason() + ")");
            removeMember(g, g.members.get(memberId));
            removed = true;
            results.add(new LeaveGroupResponse.MemberResponse(memberId, id.groupInstanceId(), Errors.NONE));
        }
        if (removed) {
            onMembersRemoved(g, "members left the group");
        }
        return new LeaveGroupResponse(Errors.NONE, results);
    }

    private void removeMember(ClassicGroup g, ClassicGroupMember m) {
        g.members.remove(m.memberId);
        if (m.groupInstanceId != null && m.memberId.equals(g.staticMembers.get(m.groupInstanceId))) {
            g.staticMembers.remove(m.groupInstanceId);
        }
        g.pendingSyncMembers.remove(m.memberId);
        cancel(m.expiryTask);
        reply(m.awaitingJoin, JoinGroupResponse.failed(Errors.UNKNOWN_MEMBER_ID, m.memberId));
        reply(m.awaitingSync, SyncGroupResponse.failed(Errors.UNKNOWN_MEMBER_ID));
        m.awaitingJoin = null;
        m.awaitingSync = null;
        if (m.memberId.equals(g.leaderId)) {
            g.leaderId = g.members.isEmpty() ? null : g.members.keySet().iterator().next();
        }
    }

    private void onMembersRemoved(ClassicGroup g, String reason) {
        switch (g.state) {
            case STABLE:
            case COMPLETING_REBALANCE:
                prepareRebalance(g, reason);
                maybeCompleteJoin(g);
                break;
            case PREPARING_REBALANCE:
                maybeCompleteJoin(g);
                break;
            default:
                break;
        }
    }

    // ------------------------------------------------------------------------------------------------ offsets

    /**
     * Handles OffsetCommit: checks the member's generation, appends the offsets to {@code __consumer_offsets} and
     * updates the cache.
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future (completed)
     */
    public CompletableFuture<OffsetCommitResponse> commitOffsets(RequestContext context, OffsetCommitRequest request) {
        return CompletableFuture.completedFuture(inLock(() -> doCommit(request)));
    }

    private OffsetCommitResponse doCommit(OffsetCommitRequest req) {
        Map<TopicPartition, Errors> result = new LinkedHashMap<>();
        Errors err = validateCommit(req);
        if (err != Errors.NONE) {
            req.offsets().keySet().forEach(tp -> result.put(tp, err));
            return new OffsetCommitResponse(result);
        }
        ClassicGroup g = groups.get(req.groupId());
        long now = now();
        List<OffsetsTopic.Entry> entries = new ArrayList<>();
        Map<TopicPartition, CommittedOffset> accepted = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, OffsetCommitRequest.PartitionData> e : req.offsets().entrySet()) {
            OffsetCommitRequest.PartitionData d = e.getValue();
            String metadata = d.metadata() == null ? "" : d.metadata();
            if (metadata.getBytes(StandardCharsets.UTF_8).length > config.offsetMetadataMaxBytes()) {
                result.put(e.getKey(), Errors.OFFSET_METADATA_TOO_LARGE);
                continue;
            }
            CommittedOffset c = new CommittedOffset(d.offset(), d.leaderEpoch(), metadata, now);
            accepted.put(e.getKey(), c);
            entries.add(new OffsetsTopic.Entry(CoordinatorRecords.offsetKey(g.groupId, e.getKey()),
                    CoordinatorRecords.offsetValue(new OffsetValue(c.offset(), c.leaderEpoch(), c.metadata(), now))));
        }
        Errors writeError = Errors.NONE;
        try {
            offsetsTopic.append(g.groupId, entries);
        } catch (RecordTooLargeException e) {
            writeError = Errors.INVALID_COMMIT_OFFSET_SIZE;
        } catch (RuntimeException e) {
            log.error("Could not append offsets of group {} to __consumer_offsets", g.groupId, e);
            writeError = Errors.COORDINATOR_NOT_AVAILABLE;
        }
        for (Map.Entry<TopicPartition, CommittedOffset> e : accepted.entrySet()) {
            if (writeError == Errors.NONE) {
                g.offsets.put(e.getKey(), e.getValue());
            }
            result.put(e.getKey(), writeError);
        }
        return new OffsetCommitResponse(result);
    }

    private Errors validateCommit(OffsetCommitRequest req) {
        if (!active) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (req.groupId() == null || req.groupId().isEmpty()) {
            return Errors.INVALID_GROUP_ID;
        }
        boolean simple = req.generationId() < 0 && (req.memberId() == null || req.memberId().isEmpty());
        ClassicGroup g = groups.get(req.groupId());
        if (g == null) {
            if (req.generationId() < 0) {
                groups.put(req.groupId(), new ClassicGroup(req.groupId(), now()));
                return Errors.NONE;
            }
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (g.is(GroupState.DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (simple && g.is(GroupState.EMPTY)) {
            return Errors.NONE;
        }
        if (g.is(GroupState.COMPLETING_REBALANCE)) {
            return Errors.REBALANCE_IN_PROGRESS;
        }
        Errors fenced = validateMember(g, req.memberId() == null ? "" : req.memberId(), req.groupInstanceId());
        if (fenced != Errors.NONE) {
            return fenced;
        }
        if (req.generationId() != g.generationId) {
            return Errors.ILLEGAL_GENERATION;
        }
        g.members.get(req.memberId()).lastHeartbeatMs = now();
        return Errors.NONE;
    }

    /**
     * Handles OffsetFetch.
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future (completed); partitions without a committed offset report offset -1
     */
    public CompletableFuture<OffsetFetchResponse> fetchOffsets(RequestContext context, OffsetFetchRequest request) {
        return CompletableFuture.completedFuture(inLock(() -> {
            if (!active) {
                return new OffsetFetchResponse(Errors.COORDINATOR_NOT_AVAILABLE, Map.of());
            }
            if (request.groupId() == null || request.groupId().isEmpty()) {
                return new OffsetFetchResponse(Errors.INVALID_GROUP_ID, Map.of());
            }
            ClassicGroup g = groups.get(request.groupId());
            Map<TopicPartition, CommittedOffset> offsets = g == null ? Map.of() : g.offsets;
            Map<TopicPartition, OffsetFetchResponse.PartitionData> result = new LinkedHashMap<>();
            if (request.partitions() == null) {
                offsets.forEach((tp, c) -> result.put(tp, toPartitionData(c)));
            } else {
                for (TopicPartition tp : request.partitions()) {
                    CommittedOffset c = offsets.get(tp);
                    result.put(tp, c == null ? new OffsetFetchResponse.PartitionData(OffsetFetchResponse.INVALID_OFFSET,
                            -1, "", Errors.NONE) : toPartitionData(c));
                }
            }
            return new OffsetFetchResponse(Errors.NONE, result);
        }));
    }

    private static OffsetFetchResponse.PartitionData toPartitionData(CommittedOffset c) {
        return new OffsetFetchResponse.PartitionData(c.offset(), c.leaderEpoch(), c.metadata(), Errors.NONE);
    }

    /**
     * Removes committed offsets of deleted topics from every group (writing tombstones), as Kafka's coordinator
     * does when topics are deleted.
     *
     * @param topics the deleted topics
     */
    public void onTopicsDeleted(Set<String> topics) {
        inLock(() -> {
            for (ClassicGroup g : groups.values()) {
                List<TopicPartition> gone = g.offsets.keySet().stream().filter(tp -> topics.contains(tp.topic())).toList();
                deleteOffsets(g, gone);
            }
            return null;
        });
    }

    private void deleteOffsets(ClassicGroup g, List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<OffsetsTopic.Entry> tombstones = new ArrayList<>();
        partitions.forEach(tp -> tombstones.add(new OffsetsTopic.Entry(CoordinatorRecords.offsetKey(g.groupId, tp), null)));
        try {
            offsetsTopic.append(g.groupId, tombstones);
            partitions.forEach(g.offsets::remove);
        } catch (RuntimeException e) {
            log.error("Could not delete offsets of group {}", g.groupId, e);
        }
    }

    private void expireOffsets() {
        long now = now();
        long retention = config.offsetsRetentionMs();
        for (ClassicGroup g : List.copyOf(groups.values())) {
            if (!g.is(GroupState.EMPTY)) {
                continue;
            }
            List<TopicPartition> expired = new ArrayList<>();
            boolean consumerGroup = g.protocolType != null && !g.protocolType.isEmpty();
            for (Map.Entry<TopicPartition, CommittedOffset> e : g.offsets.entrySet()) {
                long since = consumerGroup ? g.currentStateTimestamp : e.getValue().commitTimestamp();
                if (now - since >= retention) {
                    expired.add(e.getKey());
                }
            }
            if (!expired.isEmpty()) {
                log.info("Expiring {} committed offset(s) of empty group {}", expired.size(), g.groupId);
                deleteOffsets(g, expired);
            }
            if (g.offsets.isEmpty() && g.members.isEmpty()) {
                removeGroup(g);
            }
        }
    }

    private void removeGroup(ClassicGroup g) {
        try {
            offsetsTopic.append(g.groupId, List.of(new OffsetsTopic.Entry(CoordinatorRecords.groupKey(g.groupId), null)));
        } catch (RuntimeException e) {
            log.error("Could not write the tombstone of group {}", g.groupId, e);
        }
        g.transitionTo(GroupState.DEAD, now());
        groups.remove(g.groupId);
    }

    // ------------------------------------------------------------------------------------------------ admin

    /**
     * Handles ListGroups (every group except dead ones).
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future (completed)
     */
    public CompletableFuture<ListGroupsResponse> listGroups(RequestContext context, ListGroupsRequest request) {
        return CompletableFuture.completedFuture(inLock(() -> {
            List<ListGroupsResponse.ListedGroup> listed = new ArrayList<>();
            for (ClassicGroup g : groups.values()) {
                String state = g.state.toString();
                Set<String> filter = request.statesFilter();
                if (filter == null || filter.isEmpty() || filter.stream().anyMatch(s -> s.equalsIgnoreCase(state))) {
                    listed.add(new ListGroupsResponse.ListedGroup(g.groupId, g.protocolType == null ? "" : g.protocolType,
                            state));
                }
            }
            listed.sort((a, b) -> a.groupId().compareTo(b.groupId()));
            return new ListGroupsResponse(active ? Errors.NONE : Errors.COORDINATOR_NOT_AVAILABLE, listed);
        }));
    }

    /**
     * Handles DescribeGroups. An unknown group is described as {@code Dead} with no members, as Kafka does.
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future (completed)
     */
    public CompletableFuture<DescribeGroupsResponse> describeGroups(RequestContext context, DescribeGroupsRequest request) {
        return CompletableFuture.completedFuture(inLock(() -> {
            List<DescribedGroup> described = new ArrayList<>();
            for (String id : request.groupIds()) {
                ClassicGroup g = groups.get(id);
                if (!active) {
                    described.add(new DescribedGroup(Errors.COORDINATOR_NOT_AVAILABLE, id, GroupState.DEAD.toString(), "",
                            "", List.of()));
                } else if (id == null || id.isEmpty()) {
                    described.add(new DescribedGroup(Errors.INVALID_GROUP_ID, id, GroupState.DEAD.toString(), "", "",
                            List.of()));
                } else if (g == null) {
                    described.add(new DescribedGroup(Errors.NONE, id, GroupState.DEAD.toString(), "", "", List.of()));
                } else {
                    List<DescribedGroupMember> members = new ArrayList<>();
                    for (ClassicGroupMember m : g.members.values()) {
                        byte[] metadata = g.protocolName == null ? new byte[0] : m.metadata(g.protocolName);
                        members.add(new DescribedGroupMember(m.memberId, m.groupInstanceId, m.clientId, m.clientHost,
                                metadata == null ? new byte[0] : metadata,
                                g.is(GroupState.STABLE) ? m.assignment : new byte[0]));
                    }
                    described.add(new DescribedGroup(Errors.NONE, id, g.state.toString(),
                            g.protocolType == null ? "" : g.protocolType,
                            g.protocolName == null ? "" : g.protocolName, members));
                }
            }
            return new DescribeGroupsResponse(described);
        }));
    }

    /**
     * Handles DeleteGroups: only empty groups can be deleted; their offsets are tombstoned.
     *
     * @param context who sends the request
     * @param request the request
     * @return the response future (completed)
     */
    public CompletableFuture<DeleteGroupsResponse> deleteGroups(RequestContext context, DeleteGroupsRequest request) {
        return CompletableFuture.completedFuture(inLock(() -> {
            Map<String, Errors> result = new LinkedHashMap<>();
            for (String id : request.groupIds()) {
                ClassicGroup g = groups.get(id);
                if (!active) {
                    result.put(id, Errors.COORDINATOR_NOT_AVAILABLE);
                } else if (id == null || id.isEmpty()) {
                    result.put(id, Errors.INVALID_GROUP_ID);
                } else if (g == null || g.is(GroupState.DEAD)) {
                    result.put(id, Errors.GROUP_ID_NOT_FOUND);
                } else if (!g.is(GroupState.EMPTY)) {
                    result.put(id, Errors.NON_EMPTY_GROUP);
                } else {
                    deleteOffsets(g, List.copyOf(g.offsets.keySet()));
                    removeGroup(g);
                    log.info("Deleted group {}", id);
                    result.put(id, Errors.NONE);
                }
            }
            return new DeleteGroupsResponse(result);
        }));
    }

    // ------------------------------------------------------------------------------------------------ persistence

    private void persistGroupQuietly(ClassicGroup g) {
        try {
            persistGroup(g);
        } catch (RuntimeException e) {
            log.error("Could not store the metadata of group {}", g.groupId, e);
        }
    }

    private void persistGroup(ClassicGroup g) {
        List<MemberValue> members = new ArrayList<>();
        for (ClassicGroupMember m : g.members.values()) {
            byte[] subscription = g.protocolName == null ? null : m.metadata(g.protocolName);
            members.add(new MemberValue(m.memberId, m.groupInstanceId, m.clientId == null ? "" : m.clientId,
                    m.clientHost == null ? "" : m.clientHost, m.rebalanceTimeoutMs, m.sessionTimeoutMs,
                    subscription == null ? new byte[0] : subscription, m.assignment));
        }
        GroupValue v = new GroupValue(g.protocolType == null ? "" : g.protocolType, g.generationId, g.protocolName,
                g.leaderId, g.currentStateTimestamp, members);
        offsetsTopic.append(g.groupId, List.of(new OffsetsTopic.Entry(CoordinatorRecords.groupKey(g.groupId),
                CoordinatorRecords.groupValue(v))));
    }

    private void load() {
        long now = now();
        int[] records = {0};
        offsetsTopic.load(r -> {
            records[0]++;
            applyRecord(r, now);
        });
        for (ClassicGroup g : List.copyOf(groups.values())) {
            if (g.offsets.isEmpty() && g.generationId == 0 && (g.protocolType == null || g.protocolType.isEmpty())) {
                groups.remove(g.groupId);
            }
        }
        if (records[0] > 0) {
            log.info("Loaded {} group(s) from {} record(s) of {}", groups.size(), records[0],
                    Topic.GROUP_METADATA_TOPIC_NAME);
        }
    }

    private void applyRecord(Record r, long now) {
        if (!r.hasKey()) {
            return;
        }
        Key key = CoordinatorRecords.readKey(r.key());
        if (key == null) {
            log.warn("Skipping a {} record with an unknown key version at offset {}", Topic.GROUP_METADATA_TOPIC_NAME,
                    r.offset());
            return;
        }
        if (key.isOffsetKey()) {
            if (!r.hasValue()) {
                ClassicGroup g = groups.get(key.group());
                if (g != null) {
                    g.offsets.remove(key.partition());
                }
                return;
            }
            OffsetValue v = CoordinatorRecords.readOffsetValue(r.value());
            groups.computeIfAbsent(key.group(), id -> new ClassicGroup(id, now)).offsets.put(key.partition(),
                    new CommittedOffset(v.offset(), v.leaderEpoch(), v.metadata(), v.commitTimestamp()));
            return;
        }
        if (!r.hasValue()) {
            groups.remove(key.group());
            return;
        }
        GroupValue v = CoordinatorRecords.readGroupValue(r.value());
        ClassicGroup g = groups.computeIfAbsent(key.group(), id -> new ClassicGroup(id, now));
        g.generationId = v.generation();
        g.protocolType = v.protocolType() == null || v.protocolType().isEmpty() ? null : v.protocolType();
        g.protocolName = null;
        g.leaderId = null;
        g.currentStateTimestamp = v.currentStateTimestamp() >= 0 ? v.currentStateTimestamp() : now;
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * @param groupId a group
     * @return its state, or {@link GroupState#DEAD} when unknown
     */
    public GroupState groupState(String groupId) {
        return inLock(() -> {
            ClassicGroup g = groups.get(groupId);
            return g == null ? GroupState.DEAD : g.state;
        });
    }

    /**
     * @param groupId a group
     * @return its current generation, or -1 when unknown
     */
    public int generation(String groupId) {
        return inLock(() -> {
            ClassicGroup g = groups.get(groupId);
            return g == null ? -1 : g.generationId;
        });
    }

    /**
     * @param groupId a group
     * @return its members' assignments (raw bytes) by member id, in join order; empty when unknown
     */
    public Map<String, ByteBuffer> assignments(String groupId) {
        return inLock(() -> {
            Map<String, ByteBuffer> out = new LinkedHashMap<>();
            ClassicGroup g = groups.get(groupId);
            if (g != null) {
                g.members.forEach((id, m) -> out.put(id, ByteBuffer.wrap(m.assignment).asReadOnlyBuffer()));
            }
            return out;
        });
    }

    /**
     * Stops serving: pending JoinGroup and SyncGroup requests are answered with {@code COORDINATOR_NOT_AVAILABLE},
     * timers are cancelled. Idempotent.
     */
    @Override
    public void close() {
        inLock(() -> {
            if (!active) {
                return null;
            }
            active = false;
            cancel(expirationTask);
            for (ClassicGroup g : groups.values()) {
                cancel(g.joinTimer);
                cancel(g.syncTimer);
                for (ClassicGroupMember m : g.members.values()) {
                    cancel(m.expiryTask);
                    reply(m.awaitingJoin, JoinGroupResponse.failed(Errors.COORDINATOR_NOT_AVAILABLE, m.memberId));
                    reply(m.awaitingSync, SyncGroupResponse.failed(Errors.COORDINATOR_NOT_AVAILABLE));
                    m.awaitingJoin = null;
                    m.awaitingSync = null;
                }
            }
            return null;
        });
    }
}
