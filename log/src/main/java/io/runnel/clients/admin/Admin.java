package io.runnel.clients.admin;

import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigResource;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;

/**
 * The administrative client (Kafka's {@code Admin}): topics, configurations, offsets, records and consumer groups.
 * Every operation returns at once with a result holding {@link io.runnel.common.RunnelFuture}s, one per item of the
 * request plus {@code all()}, as Kafka's does; a failed item fails its future with the specific exception (for
 * example {@code TopicExistsException}, {@code UnknownTopicOrPartitionException},
 * {@code InvalidReplicationFactorException}, {@code GroupNotEmptyException}), wrapped in an
 * {@link java.util.concurrent.ExecutionException} by {@code get()}.
 *
 * <pre>{@code
 * try (Admin admin = Admin.create(Map.of("bootstrap.servers", "file:///var/lib/runnel"))) {
 *     admin.createTopics(List.of(new NewTopic("orders", 6, (short) 1)
 *             .configs(Map.of("cleanup.policy", "compact")))).all().get();
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface Admin extends AutoCloseable {

    /**
     * @param props the settings ({@code bootstrap.servers=file:///path} for the embedded log)
     * @return a new admin client
     */
    static Admin create(Properties props) {
        return new RunnelAdminClient(new AdminClientConfig(props));
    }

    /**
     * @param conf the settings
     * @return a new admin client
     */
    static Admin create(Map<String, Object> conf) {
        return new RunnelAdminClient(new AdminClientConfig(conf));
    }

    /**
     * Creates topics.
     *
     * @param newTopics the topics (replication factor 1, or -1 for the default)
     * @return the result
     */
    default CreateTopicsResult createTopics(Collection<NewTopic> newTopics) {
        return createTopics(newTopics, new CreateTopicsOptions());
    }

    /**
     * @param newTopics the topics
     * @param options   {@code validateOnly}
     * @return the result
     */
    CreateTopicsResult createTopics(Collection<NewTopic> newTopics, CreateTopicsOptions options);

    /**
     * Deletes topics, their data and the group offsets committed for them. Internal topics cannot be deleted.
     *
     * @param topics the topics
     * @return the result
     */
    DeleteTopicsResult deleteTopics(Collection<String> topics);

    /** @return the topics, internal ones excluded */
    default ListTopicsResult listTopics() {
        return listTopics(new ListTopicsOptions());
    }

    /**
     * @param options whether to include internal topics
     * @return the topics
     */
    ListTopicsResult listTopics(ListTopicsOptions options);

    /**
     * @param topicNames the topics
     * @return their partitions, leaders, replicas and topic IDs
     */
    DescribeTopicsResult describeTopics(Collection<String> topicNames);

    /**
     * Adds partitions (keys of existing records keep their partitions; new records may hash elsewhere).
     *
     * @param newPartitions the new total count per topic
     * @return the result
     */
    CreatePartitionsResult createPartitions(Map<String, NewPartitions> newPartitions);

    /**
     * @param resources topics ({@link ConfigResource.Type#TOPIC}) or the broker ({@code BROKER "0"})
     * @return every setting with its value and source
     */
    DescribeConfigsResult describeConfigs(Collection<ConfigResource> resources);

    /**
     * Sets, deletes, appends to or subtracts from topic settings (broker settings are fixed while the log is
     * open).
     *
     * @param configs the operations per resource
     * @return the result
     */
    AlterConfigsResult incrementalAlterConfigs(Map<ConfigResource, Collection<AlterConfigOp>> configs);

    /**
     * @param topicPartitionOffsets what to look up per partition (earliest, latest, by timestamp, max timestamp)
     * @return the offsets
     */
    ListOffsetsResult listOffsets(Map<TopicPartition, OffsetSpec> topicPartitionOffsets);

    /**
     * Moves log start offsets forward, deleting the records below.
     *
     * @param recordsToDelete per partition
     * @return the new log start offsets
     */
    DeleteRecordsResult deleteRecords(Map<TopicPartition, RecordsToDelete> recordsToDelete);

    /** @return every consumer group with its state */
    ListConsumerGroupsResult listConsumerGroups();

    /**
     * @param groupIds the groups
     * @return their members, assignments, assignor and state
     */
    DescribeConsumerGroupsResult describeConsumerGroups(Collection<String> groupIds);

    /**
     * Deletes empty groups and their committed offsets.
     *
     * @param groupIds the groups
     * @return the result ({@code GroupNotEmptyException} for a group with members)
     */
    DeleteConsumerGroupsResult deleteConsumerGroups(Collection<String> groupIds);

    /**
     * @param groupId a group
     * @return its committed offsets
     */
    ListConsumerGroupOffsetsResult listConsumerGroupOffsets(String groupId);

    /**
     * Overwrites a group's committed offsets; the group must have no active members.
     *
     * @param groupId a group
     * @param offsets the offsets
     * @return the result ({@code GroupNotEmptyException} while the group has members)
     */
    AlterConsumerGroupOffsetsResult alterConsumerGroupOffsets(String groupId, Map<TopicPartition, OffsetAndMetadata> offsets);

    /** @return the cluster id, nodes and controller */
    DescribeClusterResult describeCluster();

    /** Releases the transport; pending operations complete first. */
    @Override
    void close();

    /** @param timeout the longest wait for pending operations */
    void close(Duration timeout);
}
