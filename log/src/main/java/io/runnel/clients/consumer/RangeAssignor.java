package io.runnel.clients.consumer;

import io.runnel.clients.consumer.internals.AbstractPartitionAssignor;
import io.runnel.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka's {@code RangeAssignor} ({@code range}): per topic, the members subscribing to it are sorted (static
 * members by instance id first, then by member id) and each takes a contiguous range of partitions; the first
 * {@code partitions % members} take one extra. Co-partitioned topics therefore line up (partition N of every topic
 * goes to the same member). EAGER only.
 */
public class RangeAssignor extends AbstractPartitionAssignor {

    /** The name members agree on. */
    public static final String RANGE_ASSIGNOR_NAME = "range";

    /** Creates the assignor. */
    public RangeAssignor() {
    }

    @Override
    public String name() {
        return RANGE_ASSIGNOR_NAME;
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    Map<String, Subscription> subscriptions) {
        Map<String, List<TopicPartition>> out = new HashMap<>();
        subscriptions.keySet().forEach(m -> out.put(m, new ArrayList<>()));
        Map<String, List<MemberInfo>> membersPerTopic = new TreeMap<>();
        for (MemberInfo m : sortedMembers(subscriptions)) {
            for (String t : subscriptions.get(m.memberId()).topics()) {
                membersPerTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<String, List<MemberInfo>> e : membersPerTopic.entrySet()) {
            Integer n = partitionsPerTopic.get(e.getKey());
            if (n == null) {
                continue;
            }
            List<MemberInfo> members = e.getValue();
            int per = n / members.size();
            int extra = n % members.size();
            List<TopicPartition> all = partitions(e.getKey(), n);
            for (int i = 0; i < members.size(); i++) {
                int start = per * i + Math.min(i, extra);
                int length = per + (i + 1 > extra ? 0 : 1);
                out.get(members.get(i).memberId()).addAll(all.subList(start, start + length));
            }
        }
        return out;
    }
}
