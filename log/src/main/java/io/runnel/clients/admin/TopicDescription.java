package io.runnel.clients.admin;

import io.runnel.common.TopicPartitionInfo;
import io.runnel.common.Uuid;

import java.util.List;

/**
 * A described topic (Kafka's {@code TopicDescription}).
 *
 * @param name       the name
 * @param isInternal whether it is internal
 * @param partitions its partitions in order, each with leader, replicas and in-sync replicas
 * @param topicId    the topic ID
 */
public record TopicDescription(String name, boolean isInternal, List<TopicPartitionInfo> partitions, Uuid topicId) {

    /** Copies the list. */
    public TopicDescription {
        partitions = List.copyOf(partitions);
    }
}
