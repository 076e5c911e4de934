package io.runnel.coordinator.group;

import io.runnel.common.GroupState;
import io.runnel.common.TopicPartition;
import io.runnel.common.internals.Topic;
import io.runnel.common.requests.DeleteGroupsRequest;
import io.runnel.common.requests.DescribeGroupsRequest;
import io.runnel.common.requests.DescribeGroupsResponse;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.HeartbeatRequest;
import io.runnel.common.requests.JoinGroupRequest;
import io.runnel.common.requests.JoinGroupResponse;
import io.runnel.common.requests.LeaveGroupRequest;
import io.runnel.common.requests.ListGroupsRequest;
import io.runnel.common.requests.OffsetCommitRequest;
import io.runnel.common.requests.OffsetFetchRequest;
import io.runnel.common.requests.OffsetFetchResponse;
import io.runnel.common.requests.RequestContext;
import io.runnel.common.requests.RequestHeader;
import io.runnel.common.requests.SyncGroupRequest;
import io.runnel.common.requests.SyncGroupResponse;
import io.runnel.common.utils.MockTime;
import io.runnel.log.LogManager;
import io.runnel.log.LogManagerConfig;
import io.runnel.log.MockScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class GroupCoordinatorTest {

    private static final int SESSION = 6000;
    private static final int REBALANCE = 10_000;
    private static final TopicPartition TP0 = new TopicPartition("t", 0);

    @TempDir
    Path dir;

    private final MockTime time = new MockTime(0, 1_000_000L, 0L);
    private final MockScheduler scheduler = new MockScheduler(time);
    private final AtomicInteger ids = new AtomicInteger();
    private LogManager logs;
    private GroupCoordinator coordinator;

    @BeforeEach
    void open() {
        logs = LogManager.open(new LogManagerConfig(Map.of("log.dir", dir.toString())), time, scheduler);
        coordinator = newCoordinator(0);
    }

    private GroupCoordinator newCoordinator(int initialDelayMs) {
        GroupCoordinator c = new GroupCoordinator(logs, new GroupCoordinatorConfig(1, 1 << 20, 60_000L, 1000L, 16,
                initialDelayMs, 1000, 60_000, 3), time, scheduler, () -> "id" + ids.incrementAndGet());
        c.startup();
        return c;
    }

    @AfterEach
    void close() {
        coordinator.close();
        logs.close();
    }

    /** Moves the clock in 100 ms steps, so timers fire close to their deadlines as they would in real time. */
    private void advance(long ms) {
        long end = time.milliseconds() + ms;
        while (time.milliseconds() < end) {
            time.advance(Math.min(100, end - time.milliseconds()));
        }
    }

    private static RequestContext ctx(String client) {
        return new RequestContext(new RequestHeader(client, 1), "/test");
    }

    private CompletableFuture<JoinGroupResponse> join(String group, String memberId, String instanceId, String protocol) {
        return coordinator.joinGroup(ctx("c"), new JoinGroupRequest(group, SESSION, REBALANCE, memberId, instanceId,
                "consumer", List.of(new JoinGroupRequest.Protocol(protocol, new byte[]{1})), null));
    }

    private CompletableFuture<JoinGroupResponse> join(String memberId) {
        return join("g", memberId, null, "range");
    }

    private SyncGroupResponse sync(JoinGroupResponse j, Map<String, byte[]> assignments) {
        return coordinator.syncGroup(ctx("c"), new SyncGroupRequest("g", j.generationId(), j.memberId(), null,
                "consumer", j.protocolName(), assignments)).join();
    }

    private Errors heartbeat(JoinGroupResponse j) {
        return coordinator.heartbeat(ctx("c"), new HeartbeatRequest("g", j.generationId(), j.memberId(), null)).join()
                .error();
    }

    private Errors commit(String group, int generation, String memberId, long offset) {
        return coordinator.commitOffsets(ctx("c"), new OffsetCommitRequest(group, generation, memberId, null,
                Map.of(TP0, new OffsetCommitRequest.PartitionData(offset, -1, "m")))).join().errors().get(TP0);
    }

    private long committed(String group) {
        OffsetFetchResponse r = coordinator.fetchOffsets(ctx("c"), new OffsetFetchRequest(group, List.of(TP0), false))
                .join();
        return r.partitions().get(TP0).offset();
    }

    private JoinGroupResponse stableSingleMember() {
        JoinGroupResponse j = join("").join();
        assertThat(sync(j, Map.of(j.memberId(), new byte[]{9})).error()).isEqualTo(Errors.NONE);
        return j;
    }

    @Test
    void shouldMakeTheFirstMemberLeaderOfGenerationOne() {
        JoinGroupResponse j = join("").join();
        assertThat(j.error()).isEqualTo(Errors.NONE);
        assertThat(j.generationId()).isEqualTo(1);
        assertThat(j.isLeader()).isTrue();
        assertThat(j.members()).hasSize(1);
        assertThat(j.memberId()).startsWith("c-");
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.COMPLETING_REBALANCE);
        SyncGroupResponse s = sync(j, Map.of(j.memberId(), new byte[]{7}));
        assertThat(s.assignment()).containsExactly(7);
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.STABLE);
        assertThat(heartbeat(j)).isEqualTo(Errors.NONE);
    }

    @Test
    void shouldRebalanceWhenASecondMemberJoinsAndTellTheFirstThroughItsHeartbeat() {
        JoinGroupResponse first = stableSingleMember();
        CompletableFuture<JoinGroupResponse> second = join("");
        assertThat(second).isNotDone();
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.PREPARING_REBALANCE);
        assertThat(heartbeat(first)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        JoinGroupResponse rejoined = join(first.memberId()).join();
        assertThat(second).isDone();
        assertThat(rejoined.generationId()).isEqualTo(2).isEqualTo(second.join().generationId());
        assertThat(rejoined.isLeader()).isTrue();
        assertThat(rejoined.members()).hasSize(2);
        assertThat(second.join().members()).isEmpty();
        CompletableFuture<SyncGroupResponse> followerSync = coordinator.syncGroup(ctx("c"), new SyncGroupRequest("g", 2,
                second.join().memberId(), null, "consumer", "range", Map.of()));
        assertThat(followerSync).isNotDone();
        sync(rejoined, Map.of(rejoined.memberId(), new byte[]{1}, second.join().memberId(), new byte[]{2}));
        assertThat(followerSync.join().assignment()).containsExactly(2);
    }

    @Test
    void shouldCompleteTheRejoinOfTheOnlyMemberAtOnce() {
        JoinGroupResponse j = stableSingleMember();
        CompletableFuture<JoinGroupResponse> rejoin = join(j.memberId());
        assertThat(rejoin).as("every member rejoined: no need to wait for the rebalance timeout").isDone();
        assertThat(rejoin.join().generationId()).isEqualTo(j.generationId() + 1);
    }

    @Test
    void shouldRemoveAMemberThatMissesItsSessionTimeout() {
        JoinGroupResponse j = stableSingleMember();
        commit("g", j.generationId(), j.memberId(), 1);
        advance(SESSION - 1);
        assertThat(heartbeat(j)).isEqualTo(Errors.NONE);
        advance(SESSION + 1);
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.EMPTY);
        assertThat(heartbeat(j)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(coordinator.generation("g")).isEqualTo(2);
    }

    @Test
    void shouldRemoveAMemberThatDoesNotRejoinWithinTheRebalanceTimeout() {
        JoinGroupResponse first = stableSingleMember();
        CompletableFuture<JoinGroupResponse> second = join("");
        for (int i = 0; i < REBALANCE / 1000; i++) {
            advance(1000);
            assertThat(heartbeat(first)).isIn(Errors.REBALANCE_IN_PROGRESS, Errors.UNKNOWN_MEMBER_ID);
        }
        advance(1);
        assertThat(second).isDone();
        assertThat(second.join().members()).hasSize(1);
        assertThat(second.join().isLeader()).isTrue();
        assertThat(heartbeat(first)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void shouldWaitTheInitialRebalanceDelayForMoreMembers() {
        coordinator.close();
        coordinator = newCoordinator(3000);
        CompletableFuture<JoinGroupResponse> a = join("");
        advance(2000);
        CompletableFuture<JoinGroupResponse> b = join("");
        advance(2000);
        assertThat(a).as("a member joined during the delay: it is extended by another delay").isNotDone();
        advance(1500);
        assertThat(a).isNotDone();
        advance(600);
        assertThat(a).isDone();
        assertThat(a.join().generationId()).isEqualTo(1).isEqualTo(b.join().generationId());
        assertThat(a.join().members().size() + b.join().members().size()).isEqualTo(2);
    }

    @Test
    void shouldRejectBadJoinsWithKafkasErrorCodes() {
        assertThat(join("", "", null, "range").join().error()).isEqualTo(Errors.INVALID_GROUP_ID);
        assertThat(coordinator.joinGroup(ctx("c"), new JoinGroupRequest("g", 10, REBALANCE, "", null, "consumer",
                List.of(new JoinGroupRequest.Protocol("range", new byte[0])), null)).join().error())
                .isEqualTo(Errors.INVALID_SESSION_TIMEOUT);
        JoinGroupResponse j = join("").join();
        assertThat(join("g", "", null, "roundrobin").join().error()).isEqualTo(Errors.INCONSISTENT_GROUP_PROTOCOL);
        assertThat(join("not-a-member").join().error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(j.error()).isEqualTo(Errors.NONE);
    }

    @Test
    void shouldLimitTheGroupToGroupMaxSize() {
        join("");
        join("");
        join("");
        assertThat(join("").join().error()).isEqualTo(Errors.GROUP_MAX_SIZE_REACHED);
    }

    @Test
    void shouldFenceCommitsOfStaleGenerationsAndUnknownMembers() {
        JoinGroupResponse first = stableSingleMember();
        assertThat(commit("g", first.generationId(), first.memberId(), 5)).isEqualTo(Errors.NONE);
        assertThat(commit("g", first.generationId() + 1, first.memberId(), 6)).isEqualTo(Errors.ILLEGAL_GENERATION);
        assertThat(commit("g", first.generationId(), "ghost", 6)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(commit("g", -1, "", 6)).as("a simple commit to an active group").isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        CompletableFuture<JoinGroupResponse> second = join("");
        assertThat(commit("g", first.generationId(), first.memberId(), 7))
                .as("the old generation may commit while preparing (onPartitionsRevoked)").isEqualTo(Errors.NONE);
        JoinGroupResponse rejoined = join(first.memberId()).join();
        assertThat(second).isDone();
        assertThat(commit("g", rejoined.generationId(), rejoined.memberId(), 8)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertThat(commit("g", first.generationId(), first.memberId(), 8)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertThat(committed("g")).isEqualTo(7);
    }

    @Test
    void shouldAcceptSimpleCommitsForEmptyOrUnknownGroups() {
        assertThat(commit("simple", -1, "", 42)).isEqualTo(Errors.NONE);
        assertThat(committed("simple")).isEqualTo(42);
        assertThat(committed("unknown")).isEqualTo(-1);
    }

    @Test
    void shouldRejectMetadataLongerThanOffsetMetadataMaxBytes() {
        Errors e = coordinator.commitOffsets(ctx("c"), new OffsetCommitRequest("s", -1, "", null,
                Map.of(TP0, new OffsetCommitRequest.PartitionData(1, -1, "x".repeat(17))))).join().errors().get(TP0);
        assertThat(e).isEqualTo(Errors.OFFSET_METADATA_TOO_LARGE);
    }

    @Test
    void shouldReloadOffsetsAndGenerationsFromTheOffsetsTopicAfterARestart() {
        JoinGroupResponse j = stableSingleMember();
        commit("g", j.generationId(), j.memberId(), 11);
        commit("simple", -1, "", 3);
        coordinator.close();
        logs.close();
        logs = LogManager.open(new LogManagerConfig(Map.of("log.dir", dir.toString())), time, scheduler);
        assertThat(logs.listTopics()).contains(Topic.GROUP_METADATA_TOPIC_NAME);
        coordinator = newCoordinator(0);
        assertThat(committed("g")).isEqualTo(11);
        assertThat(committed("simple")).isEqualTo(3);
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.EMPTY);
        JoinGroupResponse again = join("").join();
        assertThat(again.generationId()).as("generations continue after a restart").isGreaterThan(j.generationId());
    }

    @Test
    void shouldDeleteOnlyEmptyGroupsAndForgetTheirOffsetsForGood() {
        JoinGroupResponse j = stableSingleMember();
        commit("g", j.generationId(), j.memberId(), 5);
        assertThat(coordinator.deleteGroups(ctx("c"), new DeleteGroupsRequest(List.of("g", "nope"))).join().errors())
                .containsEntry("g", Errors.NON_EMPTY_GROUP).containsEntry("nope", Errors.GROUP_ID_NOT_FOUND);
        coordinator.leaveGroup(ctx("c"), new LeaveGroupRequest("g", List.of(new LeaveGroupRequest.MemberIdentity(
                j.memberId(), null, "done"))));
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.EMPTY);
        assertThat(coordinator.deleteGroups(ctx("c"), new DeleteGroupsRequest(List.of("g"))).join().errors())
                .containsEntry("g", Errors.NONE);
        assertThat(committed("g")).isEqualTo(-1);
        coordinator.close();
        coordinator = newCoordinator(0);
        assertThat(committed("g")).isEqualTo(-1);
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.DEAD);
    }

    @Test
    void shouldExpireTheOffsetsOfAnEmptyGroupAfterTheRetention() {
        commit("simple", -1, "", 3);
        advance(59_000);
        assertThat(committed("simple")).isEqualTo(3);
        advance(2_000);
        assertThat(committed("simple")).isEqualTo(-1);
        assertThat(coordinator.listGroups(ctx("c"), new ListGroupsRequest(Set.of())).join().groups()).isEmpty();
    }

    @Test
    void shouldForgetOffsetsOfDeletedTopics() {
        commit("simple", -1, "", 3);
        coordinator.onTopicsDeleted(Set.of("t"));
        assertThat(committed("simple")).isEqualTo(-1);
    }

    @Test
    void shouldLetAStaticMemberComeBackWithoutARebalance() {
        JoinGroupResponse j = join("g", "", "instance-1", "range").join();
        sync(j, Map.of(j.memberId(), new byte[]{4}));
        CompletableFuture<JoinGroupResponse> other = join("g", "", "instance-2", "range");
        JoinGroupResponse rejoinLeader = join("g", j.memberId(), "instance-1", "range").join();
        JoinGroupResponse follower = other.join();
        sync(rejoinLeader, Map.of(rejoinLeader.memberId(), new byte[]{4}, follower.memberId(), new byte[]{5}));
        coordinator.syncGroup(ctx("c"), new SyncGroupRequest("g", follower.generationId(), follower.memberId(),
                "instance-2", "consumer", "range", Map.of())).join();
        int generation = coordinator.generation("g");
        JoinGroupResponse restarted = join("g", "", "instance-2", "range").join();
        assertThat(restarted.error()).isEqualTo(Errors.NONE);
        assertThat(restarted.generationId()).isEqualTo(generation);
        assertThat(restarted.memberId()).isNotEqualTo(follower.memberId());
        assertThat(coordinator.groupState("g")).isEqualTo(GroupState.STABLE);
        SyncGroupResponse s = coordinator.syncGroup(ctx("c"), new SyncGroupRequest("g", restarted.generationId(),
                restarted.memberId(), "instance-2", "consumer", "range", Map.of())).join();
        assertThat(s.assignment()).containsExactly(5);
        assertThat(coordinator.heartbeat(ctx("c"), new HeartbeatRequest("g", generation, follower.memberId(),
                "instance-2")).join().error()).isEqualTo(Errors.FENCED_INSTANCE_ID);
    }

    @Test
    void shouldDescribeMembersAssignmentsAndState() {
        JoinGroupResponse j = stableSingleMember();
        DescribeGroupsResponse.DescribedGroup g = coordinator.describeGroups(ctx("c"),
                new DescribeGroupsRequest(List.of("g", "missing"))).join().groups().get(0);
        assertThat(g.groupState()).isEqualTo("Stable");
        assertThat(g.protocolType()).isEqualTo("consumer");
        assertThat(g.protocolData()).isEqualTo("range");
        assertThat(g.members()).singleElement().satisfies(m -> {
            assertThat(m.memberId()).isEqualTo(j.memberId());
            assertThat(m.clientHost()).isEqualTo("/test");
            assertThat(ByteBuffer.wrap(m.memberAssignment())).isEqualTo(ByteBuffer.wrap(new byte[]{9}));
        });
        DescribeGroupsResponse.DescribedGroup missing = coordinator.describeGroups(ctx("c"),
                new DescribeGroupsRequest(List.of("missing"))).join().groups().get(0);
        assertThat(missing.groupState()).isEqualTo("Dead");
        assertThat(coordinator.listGroups(ctx("c"), new ListGroupsRequest(Set.of("Stable"))).join().groups())
                .extracting(l -> l.groupId()).containsExactly("g");
    }
}
