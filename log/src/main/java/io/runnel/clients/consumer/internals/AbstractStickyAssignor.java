package io.runnel.clients.consumer.internals;

import io.runnel.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/*
 * The sticky algorithm (written for Runnel; Kafka's StickyAssignor has the same goals, not this code):
 *
 *  1. Ownership claims: each member's owned partitions (from the subscription, or from its user data for the
 *     eager "sticky" assignor, whose members revoke before joining). A claim counts only if the partition still
 *     exists and the member still subscribes to its topic; when two members claim one partition the claim from
 *     the higher generation wins (ties: the first member in Kafka's member order).
 *  2. Every member keeps what it validly claims.
 *  3. Each unclaimed partition (topic, partition order) goes to the eligible member holding fewest partitions
 *     (ties: member order).
 *  4. Balance: while some member holds two or more partitions more than an eligible member of one of its
 *     partitions, move one partition (the most recently added, so claimed ones stay) from the most loaded to the
 *     least loaded eligible member. With equal subscriptions this ends with counts differing by at most one and
 *     moves no more partitions than that needs; with unequal subscriptions it is a greedy approximation.
 *
 * The cooperative variant then withholds every partition whose new owner differs from a current owner: the
 * owner revokes it and rejoins, and the follow-up rebalance assigns it, so no partition ever has two owners.
 */
/**
 * The shared algorithm of {@link io.runnel.clients.consumer.StickyAssignor} and
 * {@link io.runnel.clients.consumer.CooperativeStickyAssignor}: a balanced assignment that moves as few partitions
 * as possible between rebalances.
 */
public abstract class AbstractStickyAssignor extends AbstractPartitionAssignor {

    private static final Logger log = LoggerFactory.getLogger(AbstractStickyAssignor.class);
    private static final Comparator<TopicPartition> TP_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    /**
     * A member's previously owned partitions and the generation they were owned in.
     *
     * @param partitions the partitions
     * @param generation the generation, -1 if unknown
     */
    public record MemberData(List<TopicPartition> partitions, int generation) {
    }

    /**
     * @param subscription a member's subscription
     * @return what it owned (from owned partitions, or from user data)
     */
    protected abstract MemberData memberData(Subscription subscription);

    /** @return whether to withhold partitions that change owner (cooperative protocol) */
    protected abstract boolean cooperative();

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    Map<String, Subscription> subscriptions) {
        List<MemberInfo> members = sortedMembers(subscriptions);
        Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
        members.forEach(m -> assignment.put(m.memberId(), new ArrayList<>()));
        Map<TopicPartition, String> owner = new HashMap<>();
        Map<TopicPartition, Integer> ownerGeneration = new HashMap<>();
        for (MemberInfo m : members) {
            Subscription s = subscriptions.get(m.memberId());
            MemberData data = memberData(s);
            for (TopicPartition tp : data.partitions()) {
                Integer count = partitionsPerTopic.get(tp.topic());
                if (count == null || tp.partition() >= count || !s.topics().contains(tp.topic())) {
                    continue;
                }
                Integer gen = ownerGeneration.get(tp);
                if (gen == null || data.generation() > gen) {
                    owner.put(tp, m.memberId());
                    ownerGeneration.put(tp, data.generation());
                } else if (data.generation() == gen) {
                    log.warn("Members {} and {} both claim {} in generation {}; keeping {}", owner.get(tp), m.memberId(),
                            tp, gen, owner.get(tp));
                }
            }
        }
        Map<String, List<String>> eligible = new HashMap<>();
        for (MemberInfo m : members) {
            for (String t : subscriptions.get(m.memberId()).topics()) {
                eligible.computeIfAbsent(t, k -> new ArrayList<>()).add(m.memberId());
            }
        }
        List<TopicPartition> all = new ArrayList<>();
        new TreeMap<>(partitionsPerTopic).forEach((t, n) -> {
            if (eligible.containsKey(t)) {
                all.addAll(partitions(t, n));
            }
        });
        List<TopicPartition> unowned = new ArrayList<>();
        for (TopicPartition tp : all) {
            String o = owner.get(tp);
            if (o != null) {
                assignment.get(o).add(tp);
            } else {
                unowned.add(tp);
            }
        }
        for (TopicPartition tp : unowned) {
            String best = null;
            for (String m : eligible.get(tp.topic())) {
                if (best == null || assignment.get(m).size() < assignment.get(best).size()) {
                    best = m;
                }
            }
            assignment.get(best).add(tp);
        }
        balance(assignment, eligible);
        if (cooperative()) {
            for (Map.Entry<String, List<TopicPartition>> e : assignment.entrySet()) {
                e.getValue().removeIf(tp -> owner.containsKey(tp) && !owner.get(tp).equals(e.getKey()));
            }
        }
        assignment.values().forEach(l -> l.sort(TP_ORDER));
        return assignment;
    }

    private static void balance(Map<String, List<TopicPartition>> assignment, Map<String, List<String>> eligible) {
        boolean moved = true;
        int guard = 0;
        while (moved && guard++ < 1_000_000) {
            moved = false;
            List<String> byLoad = new ArrayList<>(assignment.keySet());
            byLoad.sort(Comparator.comparingInt((String m) -> assignment.get(m).size()).reversed());
            outer:
            for (String from : byLoad) {
                List<TopicPartition> mine = assignment.get(from);
                for (int i = mine.size() - 1; i >= 0; i--) {
                    TopicPartition tp = mine.get(i);
                    String to = null;
                    for (String m : eligible.get(tp.topic())) {
                        if (assignment.get(m).size() < mine.size() - 1
                                && (to == null || assignment.get(m).size() < assignment.get(to).size())) {
                            to = m;
                        }
                    }
                    if (to != null) {
                        mine.remove(i);
                        assignment.get(to).add(tp);
                        moved = true;
                        break outer;
                    }
                }
            }
        }
    }

    /**
     * Encodes previously owned partitions and their generation as Kafka's {@code StickyAssignorUserData} v1:
     * {@code [topic:string | partitions:[int32]]} then {@code generation:int32}.
     *
     * @param partitions the partitions
     * @param generation the generation
     * @return the bytes
     */
    protected static ByteBuffer encodeUserData(List<TopicPartition> partitions, int generation) {
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        partitions.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
        int size = 4 + 4;
        for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
            size += 2 + e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 4 + 4 * e.getValue().size();
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(byTopic.size());
        for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
            byte[] name = e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            b.putShort((short) name.length).put(name);
            b.putInt(e.getValue().size());
            e.getValue().forEach(b::putInt);
        }
        b.putInt(generation);
        return b.flip();
    }

    /**
     * @param userData bytes written by {@link #encodeUserData}, or null
     * @return the partitions and generation (empty, -1 for null or malformed bytes)
     */
    protected static MemberData decodeUserData(ByteBuffer userData) {
        if (userData == null || userData.remaining() < 4) {
            return new MemberData(List.of(), -1);
        }
        ByteBuffer b = userData.duplicate();
        try {
            List<TopicPartition> out = new ArrayList<>();
            int topics = b.getInt();
            for (int i = 0; i < topics; i++) {
                byte[] name = new byte[b.getShort()];
                b.get(name);
                String topic = new String(name, java.nio.charset.StandardCharsets.UTF_8);
                int n = b.getInt();
                for (int j = 0; j < n; j++) {
                    out.add(new TopicPartition(topic, b.getInt()));
                }
            }
            int generation = b.remaining() >= 4 ? b.getInt() : -1;
            return new MemberData(out, generation);
        } catch (RuntimeException e) {
            log.warn("Ignoring malformed sticky assignor user data: {}", e.toString());
            return new MemberData(List.of(), -1);
        }
    }
}
