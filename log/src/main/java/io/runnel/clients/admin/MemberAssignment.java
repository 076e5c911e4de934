package io.runnel.clients.admin;

import io.runnel.common.TopicPartition;

import java.util.Set;

/**
 * A group member's assigned partitions (Kafka's {@code MemberAssignment}).
 *
 * @param topicPartitions the partitions
 */
public record MemberAssignment(Set<TopicPartition> topicPartitions) {

    /** Copies the set. */
    public MemberAssignment {
        topicPartitions = Set.copyOf(topicPartitions);
    }
}
