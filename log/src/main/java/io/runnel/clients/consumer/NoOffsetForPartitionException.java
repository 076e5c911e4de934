package io.runnel.clients.consumer;

import io.runnel.common.TopicPartition;

import java.util.Collection;
import java.util.Set;

/**
 * Partitions have no committed offset and {@code auto.offset.reset=none} (Kafka's
 * {@code NoOffsetForPartitionException}). Seek them, or set {@code auto.offset.reset} to {@code earliest} or
 * {@code latest}.
 */
public class NoOffsetForPartitionException extends InvalidOffsetException {

    private final Set<TopicPartition> partitions;

    /** @param partitions the partitions without a committed offset */
    public NoOffsetForPartitionException(Collection<TopicPartition> partitions) {
        super("Undefined offset with no reset policy for partitions: " + partitions);
        this.partitions = Set.copyOf(partitions);
    }

    @Override
    public Set<TopicPartition> partitions() {
        return partitions;
    }
}
