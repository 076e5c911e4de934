package io.runnel.cli.internals;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.ConsumerGroupDescription;
import io.runnel.clients.admin.MemberDescription;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.GroupState;
import io.runnel.common.Node;
import io.runnel.common.TopicPartition;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tables of {@code consumer-groups --describe}, in the columns of Kafka's tool: offsets and lag (the default),
 * {@code --members} and {@code --state}. Not thread-safe.
 */
final class GroupDescriber {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;

    /**
     * @param out     where the tables go
     * @param err     where notes go ("has no active members")
     * @param verbose whether {@code --members} adds the ASSIGNMENT column
     */
    GroupDescriber(PrintWriter out, PrintWriter err, boolean verbose) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    /** Offsets, log end offsets and lag per partition, with the owning member. */
    void offsets(Admin admin, ConsumerGroupDescription description) {
        String group = description.groupId();
        warnIfInactive(description);
        Map<TopicPartition, OffsetAndMetadata> committed = GroupOffsets.committed(admin, group);
        Map<TopicPartition, MemberDescription> owners = new HashMap<>();
        List<MemberDescription> idle = new ArrayList<>();
        for (MemberDescription member : description.members()) {
            if (member.assignment().topicPartitions().isEmpty()) {
                idle.add(member);
            }
            member.assignment().topicPartitions().forEach(tp -> owners.put(tp, member));
        }
        TreeSet<TopicPartition> partitions = new TreeSet<>(GroupOffsets.BY_TOPIC_PARTITION);
        partitions.addAll(committed.keySet());
        partitions.addAll(owners.keySet());
        Map<TopicPartition, Long> logEnd = GroupOffsets.offsets(admin, partitions, OffsetSpec.latest());

        Table table = new Table(new String[]{"GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG",
                "CONSUMER-ID", "HOST", "CLIENT-ID"}, new int[]{15, 15, 10, 15, 15, 15, 15, 15, 0});
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            Long current = offset == null ? null : offset.offset();
            Long end = logEnd.get(tp);
            Long lag = current == null || end == null ? null : Math.max(0, end - current);
            MemberDescription owner = owners.get(tp);
            table.row(group, tp.topic(), tp.partition(), current, end, lag,
                    owner == null ? null : owner.consumerId(), owner == null ? null : owner.host(),
                    owner == null ? null : owner.clientId());
        }
        for (MemberDescription member : idle) {
            table.row(group, null, null, null, null, null, member.consumerId(), member.host(), member.clientId());
        }
        table.print(out);
    }

    /** One line per member. */
    void members(ConsumerGroupDescription description) {
        warnIfInactive(description);
        String[] headers = verbose
                ? new String[]{"GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS", "ASSIGNMENT"}
                : new String[]{"GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"};
        int[] widths = verbose ? new int[]{15, 15, 15, 15, 12, 0} : new int[]{15, 15, 15, 15, 0};
        Table table = new Table(headers, widths);
        List<MemberDescription> sorted = new ArrayList<>(description.members());
        sorted.sort(Comparator.comparing(MemberDescription::consumerId));
        for (MemberDescription member : sorted) {
            Set<TopicPartition> assigned = member.assignment().topicPartitions();
            if (verbose) {
                table.row(description.groupId(), member.consumerId(), member.host(), member.clientId(), assigned.size(),
                        assignmentText(assigned));
            } else {
                table.row(description.groupId(), member.consumerId(), member.host(), member.clientId(), assigned.size());
            }
        }
        table.print(out);
    }

    private static String assignmentText(Set<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return "-";
        }
        Map<String, List<Integer>> byTopic = new TreeMap<>();
        assigned.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
        return byTopic.entrySet().stream()
                .map(e -> e.getKey() + "(" + e.getValue().stream().sorted().map(String::valueOf)
                        .collect(Collectors.joining(",")) + ")")
                .collect(Collectors.joining(","));
    }

    /** Coordinator, assignor, state and member count. */
    void state(ConsumerGroupDescription description) {
        Node coordinator = description.coordinator();
        String coordinatorText = coordinator == null || coordinator.isEmpty() ? "-"
                : coordinator.host() + (coordinator.port() >= 0 ? ":" + coordinator.port() : "") + " (" + coordinator.id() + ")";
        String assignor = description.partitionAssignor() == null || description.partitionAssignor().isEmpty()
                ? "" : description.partitionAssignor();
        new Table(new String[]{"GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"},
                new int[]{15, 25, 20, 20, 0})
                .row(description.groupId(), coordinatorText, assignor, description.groupState(), description.members().size())
                .print(out);
    }

    private void warnIfInactive(ConsumerGroupDescription description) {
        GroupState s = description.groupState();
        if (s == GroupState.PREPARING_REBALANCE || s == GroupState.COMPLETING_REBALANCE) {
            err.println("Consumer group '" + description.groupId() + "' is rebalancing.");
        } else if (description.members().isEmpty()) {
            err.println("Consumer group '" + description.groupId() + "' has no active members.");
        }
        err.flush();
    }
}
