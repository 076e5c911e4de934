package io.runnel.streams.processor.internals.assignment;

import io.runnel.streams.processor.TaskId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/*
 * Design: place tasks on application instances ("clients"), then on their stream threads ("consumers").
 *
 * Stateful tasks first. Each client may take its share of them, proportional to its number of threads (rounded
 * up). A task goes to a client that is caught up on it (changelog lag at most acceptable.recovery.lag: it ran the
 * task, or its local checkpoint is close to the changelog end), preferring the client that ran it and then the one
 * with the smallest lag; if no caught-up client has room left, to the client with the smallest lag that has room.
 * So a restart or a rebalance leaves stateful tasks where their state is, and a new instance takes its share (and
 * restores it). Kafka additionally keeps tasks on caught-up clients beyond their share while warm-up replicas catch
 * up elsewhere; Runnel has no standby or warm-up tasks yet, so balance wins once a client's share is full.
 *
 * Stateless tasks then fill every client up to its total share, staying where they ran when possible.
 *
 * Within a client, each thread keeps the tasks it ran (up to an even share), and the rest go to the least loaded
 * thread, stateful tasks first so threads share the expensive ones.
 *
 * Deterministic: the same input gives the same assignment (clients, consumers and tasks are iterated in order).
 */
/**
 * The Streams task placement algorithm. Pure: no clients, no I/O; the assignor feeds it what the group members
 * reported and the changelog end offsets.
 */
public final class TaskAssignor {

    /**
     * One application instance as the leader sees it.
     *
     * @param consumers          the member ids of its stream threads' consumers
     * @param previousTasks      the tasks each of those consumers ran before
     * @param offsetSums         the instance's state per task ({@link SubscriptionInfo#LATEST_OFFSET} if running)
     */
    public record ClientState(SortedSet<String> consumers, Map<String, Set<TaskId>> previousTasks,
                              Map<TaskId, Long> offsetSums) {
        /** Copies the collections. */
        public ClientState {
            consumers = new TreeSet<>(consumers);
            previousTasks = Map.copyOf(previousTasks);
            offsetSums = Map.copyOf(offsetSums);
        }

        boolean ranBefore(TaskId task) {
            for (Set<TaskId> s : previousTasks.values()) {
                if (s.contains(task)) {
                    return true;
                }
            }
            return false;
        }
    }

    private TaskAssignor() {
    }

    /**
     * @param tasks                 every task to assign
     * @param statefulTasks         those with logged stores
     * @param endOffsetSums         per stateful task, the sum over its changelogs of their end offsets
     * @param clients               the instances, by process id
     * @param acceptableRecoveryLag {@code acceptable.recovery.lag}
     * @return the tasks of each consumer (member id); every consumer appears, possibly with no task
     */
    public static Map<String, Set<TaskId>> assign(Collection<TaskId> tasks, Set<TaskId> statefulTasks,
                                                  Map<TaskId, Long> endOffsetSums,
                                                  Map<UUID, ClientState> clients, long acceptableRecoveryLag) {
        SortedSet<TaskId> all = new TreeSet<>(tasks);
        Map<UUID, ClientState> sortedClients = new TreeMap<>(clients);
        int totalCapacity = sortedClients.values().stream().mapToInt(c -> c.consumers().size()).sum();
        Map<UUID, Set<TaskId>> byClient = new HashMap<>();
        sortedClients.keySet().forEach(id -> byClient.put(id, new TreeSet<>()));
        if (totalCapacity == 0) {
            return Map.of();
        }
        List<TaskId> stateful = all.stream().filter(statefulTasks::contains).toList();
        List<TaskId> stateless = all.stream().filter(t -> !statefulTasks.contains(t)).toList();

        Map<UUID, Integer> statefulQuota = quotas(sortedClients, stateful.size(), totalCapacity);
        Map<UUID, Integer> statefulCount = new HashMap<>();
        for (TaskId task : stateful) {
            long end = endOffsetSums.getOrDefault(task, 0L);
            UUID best = null;
            long bestKey = Long.MAX_VALUE;
            for (Map.Entry<UUID, ClientState> e : sortedClients.entrySet()) {
                UUID id = e.getKey();
                if (statefulCount.getOrDefault(id, 0) >= statefulQuota.get(id)) {
                    continue;
                }
                long lag = lag(e.getValue(), task, end);
                boolean caughtUp = lag <= acceptableRecoveryLag;
                // order: caught up first, then the previous owner, then smaller lag, then less loaded
                long key = (caughtUp ? 0 : 1L << 62) + (e.getValue().ranBefore(task) ? 0 : 1L << 61)
                        + Math.min(lag, (1L << 40)) * 1024 + load(byClient.get(id).size(), e.getValue());
                if (best == null || key < bestKey) {
                    best = id;
                    bestKey = key;
                }
            }
            byClient.get(best).add(task);
            statefulCount.merge(best, 1, Integer::sum);
        }

        Map<UUID, Integer> totalQuota = quotas(sortedClients, all.size(), totalCapacity);
        List<TaskId> unplaced = new ArrayList<>();
        for (TaskId task : stateless) {
            UUID previous = null;
            for (Map.Entry<UUID, ClientState> e : sortedClients.entrySet()) {
                if (e.getValue().ranBefore(task)) {
                    previous = e.getKey();
                    break;
                }
            }
            if (previous != null && byClient.get(previous).size() < totalQuota.get(previous)) {
                byClient.get(previous).add(task);
            } else {
                unplaced.add(task);
            }
        }
        for (TaskId task : unplaced) {
            UUID best = null;
            double bestLoad = Double.MAX_VALUE;
            for (Map.Entry<UUID, ClientState> e : sortedClients.entrySet()) {
                double l = (double) byClient.get(e.getKey()).size() / e.getValue().consumers().size();
                if (l < bestLoad) {
                    best = e.getKey();
                    bestLoad = l;
                }
            }
            byClient.get(best).add(task);
        }

        Map<String, Set<TaskId>> result = new TreeMap<>();
        for (Map.Entry<UUID, ClientState> e : sortedClients.entrySet()) {
            result.putAll(assignToConsumers(e.getValue(), byClient.get(e.getKey()), statefulTasks));
        }
        return result;
    }

    private static Map<UUID, Integer> quotas(Map<UUID, ClientState> clients, int tasks, int totalCapacity) {
        Map<UUID, Integer> quotas = new HashMap<>();
        clients.forEach((id, c) -> quotas.put(id,
                (int) Math.ceil((double) tasks * c.consumers().size() / totalCapacity)));
        return quotas;
    }

    private static long load(int assigned, ClientState client) {
        return Math.min(1023, assigned * 64L / Math.max(1, client.consumers().size()));
    }

    private static long lag(ClientState client, TaskId task, long endOffsetSum) {
        Long sum = client.offsetSums().get(task);
        if (sum == null) {
            return Long.MAX_VALUE / 2;
        }
        if (sum == SubscriptionInfo.LATEST_OFFSET) {
            return 0;
        }
        return Math.max(0, endOffsetSum - sum);
    }

    private static Map<String, Set<TaskId>> assignToConsumers(ClientState client, Set<TaskId> tasks,
                                                              Set<TaskId> statefulTasks) {
        Map<String, Set<TaskId>> result = new TreeMap<>();
        client.consumers().forEach(c -> result.put(c, new TreeSet<>()));
        int perConsumer = (int) Math.ceil((double) tasks.size() / Math.max(1, client.consumers().size()));
        List<TaskId> rest = new ArrayList<>();
        for (TaskId task : tasks) {
            String owner = null;
            for (String consumer : client.consumers()) {
                if (client.previousTasks().getOrDefault(consumer, Set.of()).contains(task)) {
                    owner = consumer;
                    break;
                }
            }
            if (owner != null && result.get(owner).size() < perConsumer) {
                result.get(owner).add(task);
            } else {
                rest.add(task);
            }
        }
        rest.sort(Comparator.comparing((TaskId t) -> statefulTasks.contains(t) ? 0 : 1)
                .thenComparing(Comparator.naturalOrder()));
        for (TaskId task : rest) {
            String best = null;
            int bestSize = Integer.MAX_VALUE;
            for (String consumer : client.consumers()) {
                int size = result.get(consumer).size();
                if (size < bestSize) {
                    best = consumer;
                    bestSize = size;
                }
            }
            result.get(best).add(task);
        }
        return result;
    }
}
