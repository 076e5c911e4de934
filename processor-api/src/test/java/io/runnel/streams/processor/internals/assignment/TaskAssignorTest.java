package io.runnel.streams.processor.internals.assignment;

import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.internals.assignment.TaskAssignor.ClientState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TaskAssignorTest {

    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);

    private static List<TaskId> tasks(int subtopologies, int partitions) {
        List<TaskId> list = new ArrayList<>();
        for (int s = 0; s < subtopologies; s++) {
            for (int p = 0; p < partitions; p++) {
                list.add(new TaskId(s, p));
            }
        }
        return list;
    }

    private static ClientState client(String prefix, int threads, Map<TaskId, Long> sums,
                                      Map<String, Set<TaskId>> previous) {
        TreeSet<String> consumers = new TreeSet<>();
        for (int i = 0; i < threads; i++) {
            consumers.add(prefix + "-" + i);
        }
        return new ClientState(consumers, previous, sums);
    }

    @Test
    void shouldBalanceTasksOverClientsAndThreads() {
        Map<UUID, ClientState> clients = Map.of(A, client("a", 2, Map.of(), Map.of()),
                B, client("b", 2, Map.of(), Map.of()));
        Map<String, Set<TaskId>> result = TaskAssignor.assign(tasks(2, 4), Set.of(), Map.of(), clients, 0);
        assertThat(result).hasSize(4).allSatisfy((consumer, tasks) -> assertThat(tasks).hasSize(2));
        Set<TaskId> all = new HashSet<>();
        result.values().forEach(all::addAll);
        assertThat(all).containsExactlyInAnyOrderElementsOf(tasks(2, 4));
    }

    @Test
    void shouldKeepStatefulTasksOnTheClientWhoseStateIsCaughtUp() {
        Set<TaskId> stateful = new HashSet<>(tasks(1, 4));
        Map<TaskId, Long> ends = Map.of(new TaskId(0, 0), 1000L, new TaskId(0, 1), 1000L, new TaskId(0, 2), 1000L,
                new TaskId(0, 3), 1000L);
        // A restarts with checkpoints of 0_0 and 0_1; B has the others' state
        Map<UUID, ClientState> clients = Map.of(
                A, client("a", 1, Map.of(new TaskId(0, 0), 1000L, new TaskId(0, 1), 990L), Map.of()),
                B, client("b", 1, Map.of(new TaskId(0, 2), SubscriptionInfo.LATEST_OFFSET,
                        new TaskId(0, 3), SubscriptionInfo.LATEST_OFFSET), Map.of("b-0", Set.of(new TaskId(0, 2),
                        new TaskId(0, 3)))));
        Map<String, Set<TaskId>> result = TaskAssignor.assign(tasks(1, 4), stateful, ends, clients, 100);
        assertThat(result.get("a-0")).containsExactlyInAnyOrder(new TaskId(0, 0), new TaskId(0, 1));
        assertThat(result.get("b-0")).containsExactlyInAnyOrder(new TaskId(0, 2), new TaskId(0, 3));
    }

    @Test
    void shouldGiveANewInstanceItsShareOfStatefulTasks() {
        Set<TaskId> stateful = new HashSet<>(tasks(1, 4));
        Map<TaskId, Long> running = new HashMap<>();
        tasks(1, 4).forEach(t -> running.put(t, SubscriptionInfo.LATEST_OFFSET));
        Map<UUID, ClientState> clients = Map.of(
                A, client("a", 1, running, Map.of("a-0", new HashSet<>(tasks(1, 4)))),
                B, client("b", 1, Map.of(), Map.of()));
        Map<String, Set<TaskId>> result = TaskAssignor.assign(tasks(1, 4), stateful, Map.of(), clients, 100);
        assertThat(result.get("a-0")).hasSize(2);
        assertThat(result.get("b-0")).hasSize(2);
    }

    @Test
    void shouldKeepStatelessTasksWithTheThreadThatRanThem() {
        Map<UUID, ClientState> clients = Map.of(A, client("a", 2, Map.of(),
                Map.of("a-0", Set.of(new TaskId(0, 3)), "a-1", Set.of(new TaskId(0, 0)))));
        Map<String, Set<TaskId>> result = TaskAssignor.assign(tasks(1, 4), Set.of(), Map.of(), clients, 0);
        assertThat(result.get("a-0")).contains(new TaskId(0, 3));
        assertThat(result.get("a-1")).contains(new TaskId(0, 0));
    }

    @Property(tries = 200)
    void everyTaskIsAssignedExactlyOnceAndLoadsDifferByAtMostOnePerThread(
            @ForAll @IntRange(min = 1, max = 4) int subtopologies, @ForAll @IntRange(min = 1, max = 12) int partitions,
            @ForAll @IntRange(min = 1, max = 4) int clientsCount, @ForAll @IntRange(min = 1, max = 3) int threads) {
        Map<UUID, ClientState> clients = new HashMap<>();
        for (int c = 0; c < clientsCount; c++) {
            clients.put(new UUID(1, c), client("c" + c, threads, Map.of(), Map.of()));
        }
        List<TaskId> all = tasks(subtopologies, partitions);
        Map<String, Set<TaskId>> result = TaskAssignor.assign(all, Set.of(), Map.of(), clients, 0);
        List<TaskId> assigned = new ArrayList<>();
        result.values().forEach(assigned::addAll);
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(all);
        int min = result.values().stream().mapToInt(Set::size).min().orElse(0);
        int max = result.values().stream().mapToInt(Set::size).max().orElse(0);
        assertThat(max - min).isLessThanOrEqualTo(1);
    }
}
