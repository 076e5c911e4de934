package io.runnel.clients.consumer.internals;

import io.runnel.clients.consumer.ConsumerPartitionAssignor;
import io.runnel.common.Cluster;
import io.runnel.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Base of the built-in assignors (Kafka's {@code AbstractPartitionAssignor}): resolves every subscribed topic's
 * partition count from the cluster metadata (topics missing from it are skipped with a warning) and wraps the
 * subclass's partition lists into {@link Assignment}s without user data.
 */
public abstract class AbstractPartitionAssignor implements ConsumerPartitionAssignor {

    private static final Logger log = LoggerFactory.getLogger(AbstractPartitionAssignor.class);

    /** A member's identity for ordering: static members first (by instance id), then by member id, as Kafka. */
    public record MemberInfo(String memberId, Optional<String> groupInstanceId) {
    }

    /** The order Kafka's assignors sort members in. */
    public static final Comparator<MemberInfo> MEMBER_ORDER = (a, b) -> {
        if (a.groupInstanceId().isPresent() && b.groupInstanceId().isPresent()) {
            return a.groupInstanceId().get().compareTo(b.groupInstanceId().get());
        }
        if (a.groupInstanceId().isPresent()) {
            return -1;
        }
        if (b.groupInstanceId().isPresent()) {
            return 1;
        }
        return a.memberId().compareTo(b.memberId());
    };

    /**
     * Assigns partitions to members.
     *
     * @param partitionsPerTopic the partition count of every subscribed topic that exists
     * @param subscriptions      every member's subscription
     * @return every member's partitions (an entry per member, possibly empty)
     */
    public abstract Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                             Map<String, Subscription> subscriptions);

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> subs = groupSubscription.groupSubscription();
        Set<String> topics = new TreeSet<>();
        subs.values().forEach(s -> topics.addAll(s.topics()));
        Map<String, Integer> counts = new HashMap<>();
        for (String t : topics) {
            Integer n = metadata.partitionCountForTopic(t);
            if (n != null && n > 0) {
                counts.put(t, n);
            } else {
                log.warn("Skipping topic {} in the assignment: it is not in the metadata", t);
            }
        }
        Map<String, List<TopicPartition>> raw = assign(counts, subs);
        Map<String, Assignment> out = new LinkedHashMap<>();
        for (String member : subs.keySet()) {
            out.put(member, new Assignment(raw.getOrDefault(member, List.of())));
        }
        return new GroupAssignment(out);
    }

    /**
     * @param subscriptions the subscriptions
     * @return the members in Kafka's order
     */
    protected static List<MemberInfo> sortedMembers(Map<String, Subscription> subscriptions) {
        List<MemberInfo> members = new ArrayList<>();
        subscriptions.forEach((id, s) -> members.add(new MemberInfo(id, s.groupInstanceId())));
        members.sort(MEMBER_ORDER);
        return members;
    }

    /**
     * @param topic      a topic
     * @param partitions its partition count
     * @return its partitions in order
     */
    protected static List<TopicPartition> partitions(String topic, int partitions) {
        List<TopicPartition> out = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            out.add(new TopicPartition(topic, p));
        }
        return out;
    }
}
