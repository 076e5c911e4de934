package io.runnel.clients.consumer;

import io.runnel.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.runnel.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.runnel.common.Cluster;
import io.runnel.common.Node;
import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class AssignorsTest {

    private static final Node NODE = new Node(0, "file:///x", -1);

    static Cluster cluster(Map<String, Integer> topics) {
        List<PartitionInfo> ps = new ArrayList<>();
        topics.forEach((t, n) -> {
            for (int i = 0; i < n; i++) {
                ps.add(new PartitionInfo(t, i, NODE, new Node[]{NODE}, new Node[]{NODE}));
            }
        });
        return new Cluster("c", List.of(NODE), ps, Set.of(), Set.of());
    }

    static org.apache.kafka.common.Cluster kafkaCluster(Map<String, Integer> topics) {
        org.apache.kafka.common.Node n = new org.apache.kafka.common.Node(0, "h", 1);
        List<org.apache.kafka.common.PartitionInfo> ps = new ArrayList<>();
        topics.forEach((t, c) -> {
            for (int i = 0; i < c; i++) {
                ps.add(new org.apache.kafka.common.PartitionInfo(t, i, n, new org.apache.kafka.common.Node[]{n},
                        new org.apache.kafka.common.Node[]{n}));
            }
        });
        return new org.apache.kafka.common.Cluster("c", List.of(n), ps, Set.of(), Set.of());
    }

    private static Map<String, Set<TopicPartition>> runnel(ConsumerPartitionAssignor a, Map<String, Integer> topics,
                                                         Map<String, List<String>> subscriptions) {
        Map<String, Subscription> subs = new LinkedHashMap<>();
        subscriptions.forEach((m, t) -> subs.put(m, new Subscription(t)));
        Map<String, Set<TopicPartition>> out = new TreeMap<>();
        a.assign(cluster(topics), new GroupSubscription(subs)).groupAssignment()
                .forEach((m, as) -> out.put(m, new HashSet<>(as.partitions())));
        return out;
    }

    private static Map<String, Set<TopicPartition>> kafka(org.apache.kafka.clients.consumer.ConsumerPartitionAssignor a,
                                                        Map<String, Integer> topics, Map<String, List<String>> subscriptions) {
        Map<String, org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription> subs = new LinkedHashMap<>();
        subscriptions.forEach((m, t) -> subs.put(m,
                new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription(t)));
        Map<String, Set<TopicPartition>> out = new TreeMap<>();
        a.assign(kafkaCluster(topics), new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription(
                subs)).groupAssignment().forEach((m, as) -> {
                    Set<TopicPartition> s = new HashSet<>();
                    as.partitions().forEach(tp -> s.add(new TopicPartition(tp.topic(), tp.partition())));
                    out.put(m, s);
                });
        return out;
    }

    private static Map<String, List<String>> randomSubscriptions(Random r, List<String> topics, int members,
                                                                 boolean same) {
        Map<String, List<String>> subs = new LinkedHashMap<>();
        for (int m = 0; m < members; m++) {
            List<String> mine = new ArrayList<>();
            for (String t : topics) {
                if (same || r.nextBoolean()) {
                    mine.add(t);
                }
            }
            if (mine.isEmpty()) {
                mine.add(topics.get(0));
            }
            subs.put("consumer-" + Integer.toHexString(r.nextInt()), mine);
        }
        return subs;
    }

    @Test
    void shouldAssignRangesExactlyAsKafkasRangeAssignor() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> topics = Map.of("a", 1 + r.nextInt(12), "b", 1 + r.nextInt(12), "c", 1 + r.nextInt(5));
            Map<String, List<String>> subs = randomSubscriptions(r, List.of("a", "b", "c"), 1 + r.nextInt(7),
                    r.nextBoolean());
            assertThat(runnel(new RangeAssignor(), topics, subs))
                    .isEqualTo(kafka(new org.apache.kafka.clients.consumer.RangeAssignor(), topics, subs));
        }
    }

    @Test
    void shouldAssignRoundRobinExactlyAsKafkasRoundRobinAssignor() {
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> topics = Map.of("a", 1 + r.nextInt(12), "b", 1 + r.nextInt(12));
            Map<String, List<String>> subs = randomSubscriptions(r, List.of("a", "b"), 1 + r.nextInt(7), r.nextBoolean());
            assertThat(runnel(new RoundRobinAssignor(), topics, subs))
                    .isEqualTo(kafka(new org.apache.kafka.clients.consumer.RoundRobinAssignor(), topics, subs));
        }
    }

    private static Map<String, List<TopicPartition>> sticky(ConsumerPartitionAssignor a, Map<String, Integer> topics,
                                                          Map<String, List<TopicPartition>> owned, int generation) {
        Map<String, Subscription> subs = new LinkedHashMap<>();
        owned.forEach((m, parts) -> subs.put(m, new Subscription(new ArrayList<>(topics.keySet()), null, parts,
                generation)));
        Map<String, List<TopicPartition>> out = new TreeMap<>();
        a.assign(cluster(topics), new GroupSubscription(subs)).groupAssignment()
                .forEach((m, as) -> out.put(m, new ArrayList<>(as.partitions())));
        return out;
    }

    @Test
    void shouldBalanceAndKeepPartitionsWithTheStickyAssignor() {
        Map<String, Integer> topics = Map.of("t", 12);
        Map<String, List<TopicPartition>> owned = new LinkedHashMap<>();
        owned.put("m1", List.of());
        owned.put("m2", List.of());
        owned.put("m3", List.of());
        Map<String, List<TopicPartition>> first = sticky(new StickyAssignor(), topics, owned, 1);
        assertThat(first.values()).allSatisfy(l -> assertThat(l).hasSize(4));
        assertThat(first.values().stream().mapToInt(List::size).sum()).isEqualTo(12);

        Map<String, List<TopicPartition>> withNew = new LinkedHashMap<>(first);
        withNew.put("m4", List.of());
        Map<String, List<TopicPartition>> second = sticky(new StickyAssignor(), topics, withNew, 2);
        assertThat(second.values()).allSatisfy(l -> assertThat(l).hasSize(3));
        for (String m : List.of("m1", "m2", "m3")) {
            assertThat(first.get(m)).containsAll(second.get(m));
        }

        Map<String, List<TopicPartition>> withoutM1 = new LinkedHashMap<>(second);
        withoutM1.remove("m1");
        Map<String, List<TopicPartition>> third = sticky(new StickyAssignor(), topics, withoutM1, 3);
        assertThat(third.values()).allSatisfy(l -> assertThat(l).hasSize(4));
        for (String m : List.of("m2", "m3", "m4")) {
            assertThat(third.get(m)).containsAll(second.get(m));
        }
    }

    @Test
    void shouldWithholdMovingPartitionsUntilTheFollowUpCooperativeRebalance() {
        Map<String, Integer> topics = Map.of("t", 6);
        Map<String, List<TopicPartition>> owned = new LinkedHashMap<>();
        List<TopicPartition> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(new TopicPartition("t", i));
        }
        owned.put("m1", all);
        owned.put("m2", List.of());
        Map<String, List<TopicPartition>> firstRound = sticky(new CooperativeStickyAssignor(), topics, owned, 5);
        assertThat(firstRound.get("m2")).isEmpty();
        assertThat(firstRound.get("m1")).hasSize(3);
        // m1 revokes what it lost and rejoins; the follow-up rebalance hands those partitions to m2
        Map<String, List<TopicPartition>> after = new LinkedHashMap<>(firstRound);
        Map<String, List<TopicPartition>> secondRound = sticky(new CooperativeStickyAssignor(), topics, after, 6);
        assertThat(secondRound.get("m1")).containsExactlyInAnyOrderElementsOf(firstRound.get("m1"));
        assertThat(secondRound.get("m2")).hasSize(3).doesNotContainAnyElementsOf(secondRound.get("m1"));
    }

    @Test
    void shouldNeverGiveOnePartitionToTwoMembersInRandomStickyRounds() {
        Random r = new Random(3);
        Map<String, Integer> topics = Map.of("a", 7, "b", 5);
        Map<String, List<TopicPartition>> owned = new LinkedHashMap<>();
        for (int round = 0; round < 100; round++) {
            if (owned.size() < 2 || r.nextBoolean()) {
                owned.put("m" + round, List.of());
            } else {
                owned.remove(owned.keySet().iterator().next());
            }
            Map<String, List<TopicPartition>> out = sticky(new StickyAssignor(), topics, owned, round);
            Map<TopicPartition, String> seen = new HashMap<>();
            out.forEach((m, parts) -> parts.forEach(tp -> assertThat(seen.put(tp, m)).as("owner of %s", tp).isNull()));
            assertThat(seen).hasSize(12);
            int min = out.values().stream().mapToInt(List::size).min().orElse(0);
            int max = out.values().stream().mapToInt(List::size).max().orElse(0);
            assertThat(max - min).isLessThanOrEqualTo(1);
            owned = new LinkedHashMap<>(out);
        }
    }
}
