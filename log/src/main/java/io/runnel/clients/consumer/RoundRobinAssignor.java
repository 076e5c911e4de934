package io.runnel.clients.consumer;

import io.runnel.clients.consumer.internals.AbstractPartitionAssignor;
import io.runnel.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka's {@code RoundRobinAssignor} ({@code roundrobin}): every partition of every subscribed topic, in topic
 * then partition order, goes to the next member (sorted as in {@link RangeAssignor}) that subscribes to its
 * topic, round robin. EAGER only.
 */
public class RoundRobinAssignor extends AbstractPartitionAssignor {

    /** The name members agree on. */
    public static final String ROUNDROBIN_ASSIGNOR_NAME = "roundrobin";

    /** Creates the assignor. */
    public RoundRobinAssignor() {
    }

    @Override
    public String name() {
        return ROUNDROBIN_ASSIGNOR_NAME;
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    Map<String, Subscription> subscriptions) {
        Map<String, List<TopicPartition>> out = new HashMap<>();
        subscriptions.keySet().forEach(m -> out.put(m, new ArrayList<>()));
        List<MemberInfo> members = sortedMembers(subscriptions);
        if (members.isEmpty()) {
            return out;
        }
        int next = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(partitionsPerTopic).entrySet()) {
            for (TopicPartition tp : partitions(e.getKey(), e.getValue())) {
                for (int tries = 0; tries < members.size(); tries++) {
                    MemberInfo m = members.get(next);
                    next = (next + 1) % members.size();
                    if (subscriptions.get(m.memberId()).topics().contains(tp.topic())) {
                        out.get(m.memberId()).add(tp);
                        break;
                    }
                }
            }
        }
        return out;
    }
}
