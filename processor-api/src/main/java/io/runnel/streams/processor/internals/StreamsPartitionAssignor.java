package io.runnel.streams.processor.internals;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.clients.consumer.ConsumerGroupMetadata;
import io.runnel.clients.consumer.ConsumerPartitionAssignor;
import io.runnel.common.Cluster;
import io.runnel.common.Configurable;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigException;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.internals.assignment.AssignmentInfo;
import io.runnel.streams.processor.internals.assignment.SubscriptionInfo;
import io.runnel.streams.processor.internals.assignment.TaskAssignor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/*
 * Design: Streams' own assignor on the classic group protocol (eager rebalancing), as Kafka's
 * StreamsPartitionAssignor.
 *
 * Every stream thread's main consumer is a member of the group <application.id>. Its subscription user data
 * (SubscriptionInfo) carries the instance's process id, the tasks the thread ran, the instance's state per task
 * (offset sums from its checkpoints), and whether the instance asks the whole application to shut down.
 *
 * The leader turns the topology and the topic metadata into tasks (sub-topology x partition number, as many as the
 * largest source topic of the sub-topology has partitions), asks the log for the changelog end offsets of stateful
 * tasks (to know who is caught up), places the tasks with TaskAssignor, and gives every member the input partitions
 * of its tasks plus an AssignmentInfo listing them. A shutdown request or an assignment failure (missing source
 * topics, partitions not co-partitioned) becomes an error code in every member's assignment, so every instance
 * stops: that is how SHUTDOWN_APPLICATION reaches instances that did not fail.
 *
 * The assignor is created by the consumer from its configuration; the stream thread passes its references (topology,
 * process id, admin client, callbacks) in the configuration under REFERENCES_CONFIG, as Kafka does.
 */
/**
 * The {@link ConsumerPartitionAssignor} of stream threads ({@code partition.assignment.strategy} of their main
 * consumers). Not for direct use.
 */
public final class StreamsPartitionAssignor implements ConsumerPartitionAssignor, Configurable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamsPartitionAssignor.class);

    /** Configuration key under which the stream thread passes its {@link References}. */
    public static final String REFERENCES_CONFIG = "__runnel.streams.assignor.references__";

    /** What the assignor needs from its stream thread and instance. */
    public interface References {
        /** @return the topology (application id set) */
        InternalTopologyBuilder builder();

        /** @return the instance's process id */
        UUID processId();

        /** @return the instance's admin client */
        Admin admin();

        /** @return the instance's state per task: offset sums from checkpoints, LATEST for running tasks */
        Map<TaskId, Long> taskOffsetSums();

        /** @return the tasks the thread runs now */
        Set<TaskId> activeTasks();

        /** @return true if the instance asks the whole application to shut down */
        boolean shutdownRequested();

        /** @return {@code acceptable.recovery.lag} */
        long acceptableRecoveryLag();

        /**
         * Called on the thread with what the leader decided, before the rebalance listener's onPartitionsAssigned.
         *
         * @param info       the tasks and error code
         * @param partitions the assigned partitions
         */
        void onAssignment(AssignmentInfo info, List<TopicPartition> partitions);
    }

    private References references;

    /** Created by the consumer. */
    public StreamsPartitionAssignor() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object refs = configs.get(REFERENCES_CONFIG);
        if (!(refs instanceof References r)) {
            throw new ConfigException("StreamsPartitionAssignor is for stream threads only: it needs "
                    + REFERENCES_CONFIG + " in its consumer's configuration");
        }
        this.references = r;
    }

    @Override
    public String name() {
        return "stream";
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return new SubscriptionInfo(references.processId(), references.shutdownRequested(),
                references.taskOffsetSums(), references.activeTasks()).encode();
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> subscriptions = groupSubscription.groupSubscription();
        Map<String, SubscriptionInfo> infos = new TreeMap<>();
        for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
            infos.put(e.getKey(), SubscriptionInfo.decode(e.getValue().userData()));
        }
        if (infos.values().stream().anyMatch(SubscriptionInfo::shutdownRequested)) {
            LOG.warn("An instance requested the shutdown of the application; every member is told to shut down");
            return errorAssignment(subscriptions.keySet(), AssignmentInfo.SHUTDOWN_REQUESTED);
        }
        InternalTopologyBuilder builder = references.builder();
        InternalTopicManager.Layout layout;
        Map<String, Integer> topicCounts = new HashMap<>();
        for (String topic : metadata.topics()) {
            Integer count = metadata.partitionCountForTopic(topic);
            if (count != null) {
                topicCounts.put(topic, count);
            }
        }
        try {
            topicCounts.putAll(InternalTopicManager.allTopicPartitions(references.admin()));
            layout = InternalTopicManager.resolve(builder, topicCounts);
        } catch (StreamsException e) {
            LOG.error("The group leader cannot assign tasks: {}. Every instance is told to shut down.",
                    e.getMessage());
            return errorAssignment(subscriptions.keySet(), AssignmentInfo.ASSIGNMENT_ERROR);
        }

        Map<TaskId, List<TopicPartition>> taskPartitions = new TreeMap<>();
        Set<TaskId> stateful = new TreeSet<>();
        Map<TaskId, List<TopicPartition>> taskChangelogs = new HashMap<>();
        Map<Integer, TopicsInfo> topics = builder.subtopologyTopics();
        for (Map.Entry<Integer, Integer> e : layout.tasksPerSubtopology().entrySet()) {
            int sub = e.getKey();
            Set<String> sources = new TreeSet<>(topics.get(sub).sourceTopics());
            for (String t : layout.topicPartitions().keySet()) {
                if (!sources.contains(t) && builder.subtopologyForTopic(t) == sub && !builder.globalTopics()
                        .contains(t)) {
                    sources.add(t);
                }
            }
            Set<String> storeChangelogs = topics.get(sub).stateChangelogTopics().keySet();
            for (int p = 0; p < e.getValue(); p++) {
                TaskId task = new TaskId(sub, p);
                List<TopicPartition> partitions = new ArrayList<>();
                for (String t : sources) {
                    if (p < layout.topicPartitions().getOrDefault(t, 0)) {
                        partitions.add(new TopicPartition(t, p));
                    }
                }
                taskPartitions.put(task, partitions);
                if (!storeChangelogs.isEmpty()) {
                    stateful.add(task);
                    List<TopicPartition> cl = new ArrayList<>();
                    for (String c : storeChangelogs) {
                        cl.add(new TopicPartition(c, p));
                    }
                    taskChangelogs.put(task, cl);
                }
            }
        }
        Map<TaskId, Long> endOffsetSums = changelogEndOffsetSums(taskChangelogs);

        Map<UUID, TaskAssignor.ClientState> clients = new TreeMap<>();
        Map<UUID, TreeSet<String>> consumers = new TreeMap<>();
        Map<UUID, Map<String, Set<TaskId>>> previous = new TreeMap<>();
        Map<UUID, Map<TaskId, Long>> sums = new TreeMap<>();
        infos.forEach((member, info) -> {
            UUID pid = info.processId();
            consumers.computeIfAbsent(pid, k -> new TreeSet<>()).add(member);
            previous.computeIfAbsent(pid, k -> new HashMap<>()).put(member, info.previousActiveTasks());
            Map<TaskId, Long> merged = sums.computeIfAbsent(pid, k -> new HashMap<>());
            info.taskOffsetSums().forEach((task, sum) -> merged.merge(task, sum, (a, b) ->
                    a == SubscriptionInfo.LATEST_OFFSET || b == SubscriptionInfo.LATEST_OFFSET
                            ? SubscriptionInfo.LATEST_OFFSET : Math.max(a, b)));
        });
        consumers.forEach((pid, members) -> clients.put(pid, new TaskAssignor.ClientState(members,
                previous.get(pid), sums.get(pid))));
        Map<String, Set<TaskId>> placed = TaskAssignor.assign(taskPartitions.keySet(), stateful, endOffsetSums,
                clients, references.acceptableRecoveryLag());

        Map<String, Assignment> assignments = new HashMap<>();
        for (String member : subscriptions.keySet()) {
            Set<TaskId> tasks = placed.getOrDefault(member, Set.of());
            List<TopicPartition> partitions = new ArrayList<>();
            for (TaskId t : tasks) {
                partitions.addAll(taskPartitions.get(t));
            }
            assignments.put(member, new Assignment(partitions,
                    new AssignmentInfo(AssignmentInfo.NONE, tasks).encode()));
        }
        LOG.info("Assigned {} tasks ({} stateful) to {} members of {} instances: {}", taskPartitions.size(),
                stateful.size(), subscriptions.size(), clients.size(), placed);
        return new GroupAssignment(assignments);
    }

    private Map<TaskId, Long> changelogEndOffsetSums(Map<TaskId, List<TopicPartition>> taskChangelogs) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        taskChangelogs.values().forEach(l -> l.forEach(tp -> request.put(tp, OffsetSpec.latest())));
        Map<TaskId, Long> result = new HashMap<>();
        if (request.isEmpty()) {
            return result;
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            references.admin().listOffsets(request).all().get()
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Could not read changelog end offsets ({}); tasks are assigned without lag information",
                    e.toString());
        }
        taskChangelogs.forEach((task, list) -> {
            long sum = 0;
            for (TopicPartition tp : list) {
                sum += ends.getOrDefault(tp, 0L);
            }
            result.put(task, sum);
        });
        return result;
    }

    private static GroupAssignment errorAssignment(Set<String> members, int errorCode) {
        Map<String, Assignment> assignments = new HashMap<>();
        for (String member : members) {
            assignments.put(member, new Assignment(List.of(), new AssignmentInfo(errorCode, Set.of()).encode()));
        }
        return new GroupAssignment(assignments);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        references.onAssignment(AssignmentInfo.decode(assignment.userData()), assignment.partitions());
    }
}
