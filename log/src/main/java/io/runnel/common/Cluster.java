package io.runnel.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of cluster metadata: nodes, topics and their partitions, as Kafka's {@code Cluster}. Partitioners
 * and consumer assignors receive one to count a topic's partitions ({@link #partitionCountForTopic}).
 *
 * <p>Immutable and thread-safe; a new snapshot replaces the old one when metadata is refreshed.
 */
public final class Cluster {

    private final String clusterId;
    private final List<Node> nodes;
    private final Map<TopicPartition, PartitionInfo> partitionsByTopicPartition;
    private final Map<String, List<PartitionInfo>> partitionsByTopic;
    private final Set<String> unauthorizedTopics;
    private final Set<String> internalTopics;
    private final Node controller;
    private final Map<String, Uuid> topicIds;

    /**
     * @param clusterId          the cluster id, or null
     * @param nodes              the nodes
     * @param partitions         every known partition
     * @param unauthorizedTopics topics the client may not see
     * @param internalTopics     internal topics ({@code __consumer_offsets})
     */
    public Cluster(String clusterId, Collection<Node> nodes, Collection<PartitionInfo> partitions,
                   Set<String> unauthorizedTopics, Set<String> internalTopics) {
        this(clusterId, nodes, partitions, unauthorizedTopics, internalTopics, null, Map.of());
    }

    /**
     * @param clusterId          the cluster id, or null
     * @param nodes              the nodes
     * @param partitions         every known partition
     * @param unauthorizedTopics topics the client may not see
     * @param internalTopics     internal topics
     * @param controller         the controller node, or null
     * @param topicIds           topic IDs by topic name
     */
    public Cluster(String clusterId, Collection<Node> nodes, Collection<PartitionInfo> partitions,
                   Set<String> unauthorizedTopics, Set<String> internalTopics, Node controller,
                   Map<String, Uuid> topicIds) {
        this.clusterId = clusterId;
        this.nodes = List.copyOf(nodes);
        Map<TopicPartition, PartitionInfo> byTp = new HashMap<>();
        Map<String, List<PartitionInfo>> byTopic = new HashMap<>();
        for (PartitionInfo p : partitions) {
            byTp.put(new TopicPartition(p.topic(), p.partition()), p);
            byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p);
        }
        byTopic.replaceAll((t, l) -> {
            l.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            return List.copyOf(l);
        });
        this.partitionsByTopicPartition = Map.copyOf(byTp);
        this.partitionsByTopic = Map.copyOf(byTopic);
        this.unauthorizedTopics = Set.copyOf(unauthorizedTopics);
        this.internalTopics = Set.copyOf(internalTopics);
        this.controller = controller;
        this.topicIds = Map.copyOf(topicIds);
    }

    /** @return a cluster with no nodes and no topics */
    public static Cluster empty() {
        return new Cluster(null, List.of(), List.of(), Set.of(), Set.of());
    }

    /** @return the cluster id, or null */
    public String clusterId() {
        return clusterId;
    }

    /** @return the nodes */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * @param id a node id
     * @return the node, or null
     */
    public Node nodeById(int id) {
        for (Node n : nodes) {
            if (n.id() == id) {
                return n;
            }
        }
        return null;
    }

    /** @return the controller node, or null */
    public Node controller() {
        return controller;
    }

    /**
     * @param tp a partition
     * @return its metadata, or null when unknown
     */
    public PartitionInfo partition(TopicPartition tp) {
        return partitionsByTopicPartition.get(tp);
    }

    /**
     * @param tp a partition
     * @return its leader, or null
     */
    public Node leaderFor(TopicPartition tp) {
        PartitionInfo p = partitionsByTopicPartition.get(tp);
        return p == null ? null : p.leader();
    }

    /**
     * @param topic a topic
     * @return its partitions in partition order; empty when the topic is unknown
     */
    public List<PartitionInfo> partitionsForTopic(String topic) {
        return partitionsByTopic.getOrDefault(topic, List.of());
    }

    /**
     * @param topic a topic
     * @return its partitions that have a leader, in partition order
     */
    public List<PartitionInfo> availablePartitionsForTopic(String topic) {
        return partitionsForTopic(topic).stream().filter(p -> p.leader() != null).toList();
    }

    /**
     * @param topic a topic
     * @return its partition count, or null when the topic is unknown
     */
    public Integer partitionCountForTopic(String topic) {
        List<PartitionInfo> ps = partitionsByTopic.get(topic);
        return ps == null ? null : ps.size();
    }

    /** @return the known topics */
    public Set<String> topics() {
        return partitionsByTopic.keySet();
    }

    /** @return the topics the client may not see */
    public Set<String> unauthorizedTopics() {
        return unauthorizedTopics;
    }

    /** @return the internal topics */
    public Set<String> internalTopics() {
        return internalTopics;
    }

    /**
     * @param topic a topic
     * @return its topic ID, or {@link Uuid#ZERO_UUID} when unknown
     */
    public Uuid topicId(String topic) {
        return topicIds.getOrDefault(topic, Uuid.ZERO_UUID);
    }

    /** @return the topic IDs by name */
    public Map<String, Uuid> topicIds() {
        return Collections.unmodifiableMap(topicIds);
    }

    @Override
    public String toString() {
        return "Cluster(id = " + clusterId + ", nodes = " + nodes + ", partitions = " + partitionsByTopicPartition.values()
                + ", controller = " + controller + ")";
    }
}
