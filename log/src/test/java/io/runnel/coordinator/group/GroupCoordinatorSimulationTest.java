package io.runnel.coordinator.group;

import io.runnel.clients.consumer.ConsumerPartitionAssignor;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.runnel.clients.consumer.CooperativeStickyAssignor;
import io.runnel.clients.consumer.RangeAssignor;
import io.runnel.clients.consumer.internals.ConsumerProtocol;
import io.runnel.common.Cluster;
import io.runnel.common.GroupState;
import io.runnel.common.Node;
import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.HeartbeatRequest;
import io.runnel.common.requests.JoinGroupRequest;
import io.runnel.common.requests.JoinGroupResponse;
import io.runnel.common.requests.LeaveGroupRequest;
import io.runnel.common.requests.OffsetCommitRequest;
import io.runnel.common.requests.OffsetCommitResponse;
import io.runnel.common.requests.RequestContext;
import io.runnel.common.requests.RequestHeader;
import io.runnel.common.requests.SyncGroupRequest;
import io.runnel.common.requests.SyncGroupResponse;
import io.runnel.common.utils.MockTime;
import io.runnel.log.LogManager;
import io.runnel.log.LogManagerConfig;
import io.runnel.log.MockScheduler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deterministic simulation of the group coordinator: simulated members (joining, syncing with a real assignor
 * as leader, heartbeating, committing, leaving, crashing, stopping to poll) drive the real coordinator on a
 * {@link MockTime}, on one thread, from a seed. Invariants are checked after every step; a failure names its seed,
 * and {@code -Drunnel.simulation.seed=<seed>} replays exactly that run ({@code -Drunnel.simulation.seeds=N} runs N
 * seeds; the soak profile runs many).
 */
class GroupCoordinatorSimulationTest {

    private static final String GROUP = "sim";
    private static final int SESSION_MS = 6000;
    private static final int HEARTBEAT_MS = 1000;
    private static final int REBALANCE_MS = 10_000;

    @TempDir
    Path dir;

    static LongStream seeds() {
        String one = System.getProperty("runnel.simulation.seed");
        if (one != null) {
            return LongStream.of(Long.parseLong(one));
        }
        int n = Integer.getInteger("runnel.simulation.seeds", 24);
        return LongStream.range(0, n).map(i -> 1_000 + i * 7919);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldKeepTheGroupInvariantsUnderRandomMembershipChanges(long seed) {
        new Simulation(seed, dir.resolve("s" + seed)).run();
    }

    private enum MemberState { OUT, JOINING, SYNCING, STABLE }

    /** A commit sent by a member but delivered later (a slow network, or a commit queued before a rebalance). */
    private record DelayedCommit(SimMember member, int generation, String memberId, Set<TopicPartition> partitions,
                                 int deliverAtStep) {
    }

    private final class SimMember {
        final String name;
        final ConsumerPartitionAssignor assignor;
        String memberId = "";
        int generation = -1;
        String leader;
        boolean isLeader;
        MemberState state = MemberState.OUT;
        Set<TopicPartition> owned = new HashSet<>();
        CompletableFuture<JoinGroupResponse> join;
        CompletableFuture<SyncGroupResponse> sync;
        JoinGroupResponse joined;
        long nextHeartbeatMs;
        boolean crashed;
        long crashedAtMs;
        boolean polling = true;
        long stoppedPollingAtMs = -1;
        boolean wantsRejoin;

        SimMember(String name, ConsumerPartitionAssignor assignor) {
            this.name = name;
            this.assignor = assignor;
        }

    }

    private final class Simulation {
        final long seed;
        final Random random;
        final MockTime time = new MockTime(0, 1_000_000L, 0L);
        final MockScheduler scheduler = new MockScheduler(time);
        final Path dir;
        final boolean cooperative;
        final int partitions;
        final List<TopicPartition> all = new ArrayList<>();
        final List<SimMember> members = new ArrayList<>();
        final Map<Integer, Map<String, Set<TopicPartition>>> syncedByGeneration = new HashMap<>();
        final Map<Integer, String> leaderByGeneration = new HashMap<>();
        final Map<Integer, String> protocolByGeneration = new HashMap<>();
        final AtomicInteger ids = new AtomicInteger();
        final List<DelayedCommit> delayedCommits = new ArrayList<>();
        LogManager logs;
        GroupCoordinator coordinator;
        int lastGeneration = -1;
        int step;

        Simulation(long seed, Path dir) {
            this.seed = seed;
            this.random = new Random(seed);
            this.dir = dir;
            this.cooperative = random.nextBoolean();
            this.partitions = 1 + random.nextInt(12);
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition("t", p));
            }
        }

        String where() {
            return "seed " + seed + " (" + (cooperative ? "cooperative-sticky" : "range") + ", " + partitions
                    + " partitions), step " + step + ", t=" + time.milliseconds();
        }

        void run() {
            logs = LogManager.open(new LogManagerConfig(Map.of("log.dir", dir.toString())), time, scheduler);
            int delay = random.nextBoolean() ? 0 : 500;
            coordinator = new GroupCoordinator(logs, new GroupCoordinatorConfig(1, 1 << 20, 3_600_000L, 600_000L, 4096,
                    delay, 1000, 60_000, Integer.MAX_VALUE), time, scheduler,
                    () -> String.format("%06d", ids.incrementAndGet()));
            coordinator.startup();
            try {
                for (step = 0; step < 150; step++) {
                    deliverDelayedCommits();
                    randomAction();
                    drive(100 + random.nextInt(2000));
                    checkInvariants();
                    if (step % 25 == 24) {
                        settleAndCheckFullOwnership();
                    }
                }
                settleAndCheckFullOwnership();
            } finally {
                coordinator.close();
                logs.close();
            }
        }

        void randomAction() {
            int live = (int) members.stream().filter(m -> !m.crashed).count();
            int r = random.nextInt(100);
            if (r < 30 || live == 0) {
                SimMember m = new SimMember("m" + members.size(), cooperative ? new CooperativeStickyAssignor()
                        : new RangeAssignor());
                members.add(m);
                sendJoin(m, "new member");
            } else if (r < 45) {
                pick().ifPresent(m -> {
                    if (!m.memberId.isEmpty()) {
                        coordinator.leaveGroup(ctx(m), new LeaveGroupRequest(GROUP,
                                List.of(new LeaveGroupRequest.MemberIdentity(m.memberId, null, "test leave"))));
                    }
                    crash(m);
                });
            } else if (r < 55) {
                pick().ifPresent(this::crash);
            } else if (r < 65) {
                pick().ifPresent(m -> {
                    if (m.polling) {
                        m.polling = false;
                        m.stoppedPollingAtMs = time.milliseconds();
                    }
                });
            } else if (r < 75) {
                pick().ifPresent(m -> m.polling = true);
            } else {
                for (SimMember m : members) {
                    if (!m.crashed && m.state == MemberState.STABLE) {
                        if (random.nextBoolean()) {
                            commit(m, m.generation, m.memberId, m.owned);
                        } else {
                            delayedCommits.add(new DelayedCommit(m, m.generation, m.memberId, new HashSet<>(m.owned),
                                    step + 1 + random.nextInt(3)));
                        }
                    }
                }
            }
        }

        void crash(SimMember m) {
            m.crashed = true;
            m.crashedAtMs = time.milliseconds();
            m.join = null;
            m.sync = null;
        }

        java.util.Optional<SimMember> pick() {
            List<SimMember> live = members.stream().filter(m -> !m.crashed).toList();
            return live.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(live.get(random.nextInt(live.size())));
        }

        RequestContext ctx(SimMember m) {
            return new RequestContext(new RequestHeader(m.name, 0), "/sim");
        }

        void sendJoin(SimMember m, String reason) {
            if (!cooperative) {
                m.owned = new HashSet<>();
            }
            Subscription s = new Subscription(List.of("t"), null, new ArrayList<>(m.owned), m.generation);
            byte[] metadata = ConsumerProtocol.toArray(ConsumerProtocol.serializeSubscription(s));
            m.state = MemberState.JOINING;
            m.wantsRejoin = false;
            m.join = coordinator.joinGroup(ctx(m), new JoinGroupRequest(GROUP, SESSION_MS, REBALANCE_MS, m.memberId, null,
                    "consumer", List.of(new JoinGroupRequest.Protocol(m.assignor.name(), metadata)), reason));
        }

        void lose(SimMember m, boolean resetMemberId) {
            m.owned = new HashSet<>();
            m.generation = -1;
            if (resetMemberId) {
                m.memberId = "";
            }
            m.state = MemberState.OUT;
            m.join = null;
            m.sync = null;
            m.wantsRejoin = true;
        }

        /** Advances the clock in small steps, letting members react to responses and heartbeat. */
        void drive(long ms) {
            long end = time.milliseconds() + ms;
            while (time.milliseconds() < end) {
                react();
                long now = time.milliseconds();
                for (SimMember m : members) {
                    if (m.crashed) {
                        continue;
                    }
                    if (!m.polling && m.stoppedPollingAtMs >= 0 && now - m.stoppedPollingAtMs > REBALANCE_MS
                            && !m.memberId.isEmpty()) {
                        coordinator.leaveGroup(ctx(m), new LeaveGroupRequest(GROUP,
                                List.of(new LeaveGroupRequest.MemberIdentity(m.memberId, null, "poll timeout"))));
                        lose(m, true);
                        continue;
                    }
                    if ((m.state == MemberState.STABLE || m.state == MemberState.SYNCING) && now >= m.nextHeartbeatMs) {
                        m.nextHeartbeatMs = now + HEARTBEAT_MS;
                        Errors e = coordinator.heartbeat(ctx(m), new HeartbeatRequest(GROUP, m.generation, m.memberId,
                                null)).join().error();
                        if (e == Errors.REBALANCE_IN_PROGRESS && m.state == MemberState.STABLE) {
                            m.wantsRejoin = true;
                        } else if (e == Errors.UNKNOWN_MEMBER_ID || e == Errors.ILLEGAL_GENERATION) {
                            lose(m, e == Errors.UNKNOWN_MEMBER_ID);
                        }
                    }
                }
                react();
                time.advance(Math.min(100, end - time.milliseconds()));
            }
            react();
        }

        void react() {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (SimMember m : members) {
                    if (m.crashed) {
                        continue;
                    }
                    if (m.join != null && m.join.isDone()) {
                        JoinGroupResponse r = m.join.join();
                        m.join = null;
                        onJoin(m, r);
                        progress = true;
                    }
                    if (m.sync != null && m.sync.isDone()) {
                        SyncGroupResponse r = m.sync.join();
                        m.sync = null;
                        onSync(m, r);
                        progress = true;
                    }
                    if (m.polling && m.wantsRejoin && m.join == null && m.sync == null) {
                        sendJoin(m, "rejoin");
                        progress = true;
                    }
                }
            }
        }

        void onJoin(SimMember m, JoinGroupResponse r) {
            if (r.error() != Errors.NONE) {
                lose(m, r.error() == Errors.UNKNOWN_MEMBER_ID);
                return;
            }
            assertThat(r.generationId()).as("join generation at %s", where()).isGreaterThan(lastGeneration - 1);
            String leader = leaderByGeneration.putIfAbsent(r.generationId(), r.leader());
            assertThat(leader == null || leader.equals(r.leader())).as("one leader per generation at %s", where())
                    .isTrue();
            String protocol = protocolByGeneration.putIfAbsent(r.generationId(), r.protocolName());
            assertThat(protocol == null || protocol.equals(r.protocolName())).as("one protocol per generation at %s",
                    where()).isTrue();
            m.memberId = r.memberId();
            m.generation = r.generationId();
            m.state = MemberState.SYNCING;
            m.nextHeartbeatMs = time.milliseconds() + HEARTBEAT_MS;
            Map<String, byte[]> assignments = Map.of();
            if (r.isLeader()) {
                Map<String, Subscription> subs = new LinkedHashMap<>();
                for (JoinGroupResponse.Member jm : r.members()) {
                    subs.put(jm.memberId(), ConsumerProtocol.deserializeSubscription(ByteBuffer.wrap(jm.metadata())));
                }
                Node node = new Node(0, "sim", -1);
                List<PartitionInfo> ps = new ArrayList<>();
                all.forEach(tp -> ps.add(new PartitionInfo("t", tp.partition(), node, new Node[]{node}, new Node[]{node})));
                Map<String, Assignment> ga = m.assignor.assign(new Cluster("c", List.of(node), ps, Set.of(), Set.of()),
                        new GroupSubscription(subs)).groupAssignment();
                Map<String, byte[]> out = new HashMap<>();
                ga.forEach((id, a) -> out.put(id, ConsumerProtocol.toArray(ConsumerProtocol.serializeAssignment(a))));
                assignments = out;
            }
            m.sync = coordinator.syncGroup(ctx(m), new SyncGroupRequest(GROUP, m.generation, m.memberId, null, "consumer",
                    r.protocolName(), assignments));
        }

        void onSync(SimMember m, SyncGroupResponse r) {
            if (r.error() != Errors.NONE) {
                if (r.error() == Errors.REBALANCE_IN_PROGRESS) {
                    m.state = MemberState.OUT;
                    m.wantsRejoin = true;
                } else {
                    lose(m, r.error() == Errors.UNKNOWN_MEMBER_ID);
                }
                return;
            }
            Set<TopicPartition> assigned = new HashSet<>(ConsumerProtocol.deserializeAssignment(
                    ByteBuffer.wrap(r.assignment())).partitions());
            Map<String, Set<TopicPartition>> gen = syncedByGeneration.computeIfAbsent(m.generation, g -> new HashMap<>());
            gen.forEach((other, parts) -> {
                if (!other.equals(m.memberId)) {
                    Set<TopicPartition> both = new HashSet<>(parts);
                    both.retainAll(assigned);
                    assertThat(both).as("partitions given to %s and %s in generation %d at %s", other, m.memberId,
                            m.generation, where()).isEmpty();
                }
            });
            gen.put(m.memberId, assigned);
            m.state = MemberState.STABLE;
            if (cooperative) {
                Set<TopicPartition> revoked = new HashSet<>(m.owned);
                revoked.removeAll(assigned);
                m.owned = new HashSet<>(assigned);
                if (!revoked.isEmpty()) {
                    m.wantsRejoin = true;
                }
            } else {
                m.owned = assigned;
            }
        }

        void deliverDelayedCommits() {
            for (DelayedCommit c : List.copyOf(delayedCommits)) {
                if (c.deliverAtStep() <= step) {
                    delayedCommits.remove(c);
                    commit(c.member(), c.generation(), c.memberId(), c.partitions());
                }
            }
        }

        void commit(SimMember m, int generation, String memberId, Set<TopicPartition> partitions) {
            Map<TopicPartition, OffsetCommitRequest.PartitionData> offsets = new HashMap<>();
            partitions.forEach(tp -> offsets.put(tp, new OffsetCommitRequest.PartitionData(step, -1, "")));
            if (offsets.isEmpty()) {
                return;
            }
            int current = coordinator.generation(GROUP);
            GroupState state = coordinator.groupState(GROUP);
            OffsetCommitResponse r = coordinator.commitOffsets(ctx(m), new OffsetCommitRequest(GROUP, generation,
                    memberId, null, offsets)).join();
            boolean accepted = r.errors().values().stream().allMatch(e -> e == Errors.NONE);
            if (accepted) {
                assertThat(generation).as("a commit was accepted from generation %d while the group is in %d at %s",
                        generation, current, where()).isEqualTo(current);
                assertThat(state).as("commit accepted in state %s at %s", state, where())
                        .isIn(GroupState.STABLE, GroupState.PREPARING_REBALANCE);
            }
        }

        void checkInvariants() {
            int gen = coordinator.generation(GROUP);
            assertThat(gen).as("generation went backwards at %s", where()).isGreaterThanOrEqualTo(lastGeneration);
            lastGeneration = gen;
            List<SimMember> current = members.stream().filter(m -> !m.crashed && m.state == MemberState.STABLE
                    && m.generation == gen).toList();
            Map<TopicPartition, String> owners = new HashMap<>();
            for (SimMember m : current) {
                for (TopicPartition tp : m.owned) {
                    String prev = owners.put(tp, m.name);
                    assertThat(prev).as("%s owned by %s and %s in generation %d at %s", tp, prev, m.name, gen, where())
                            .isNull();
                }
            }
            Set<String> known = coordinator.assignments(GROUP).keySet();
            long now = time.milliseconds();
            for (SimMember m : members) {
                if (m.crashed && known.contains(m.memberId) && !m.memberId.isEmpty()) {
                    assertThat(now - m.crashedAtMs).as("crashed member %s still in the group at %s", m.name, where())
                            .isLessThanOrEqualTo(2L * REBALANCE_MS + SESSION_MS + 2L * HEARTBEAT_MS);
                }
            }
        }

        void settleAndCheckFullOwnership() {
            members.forEach(m -> {
                if (!m.crashed) {
                    m.polling = true;
                    m.stoppedPollingAtMs = -1;
                }
            });
            for (int i = 0; i < 60; i++) {
                drive(1000);
                checkInvariants();
            }
            List<SimMember> live = members.stream().filter(m -> !m.crashed).toList();
            if (live.isEmpty()) {
                return;
            }
            int gen = coordinator.generation(GROUP);
            assertThat(coordinator.groupState(GROUP)).as("state after settling at %s", where()).isEqualTo(GroupState.STABLE);
            Set<TopicPartition> owned = new HashSet<>();
            for (SimMember m : live) {
                assertThat(m.state).as("%s after settling at %s", m.name, where()).isEqualTo(MemberState.STABLE);
                assertThat(m.generation).as("%s generation after settling at %s", m.name, where()).isEqualTo(gen);
                owned.addAll(m.owned);
            }
            assertThat(owned).as("every partition owned in Stable at %s", where()).containsExactlyInAnyOrderElementsOf(all);
        }
    }
}
