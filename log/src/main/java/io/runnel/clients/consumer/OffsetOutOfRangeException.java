package io.runnel.clients.consumer;

import io.runnel.common.TopicPartition;

import java.util.Map;
import java.util.Set;

/**
 * Fetch positions are outside their partitions' logs (deleted by retention or {@code deleteRecords}, or beyond the
 * end) and {@code auto.offset.reset=none} (Kafka's consumer {@code OffsetOutOfRangeException}).
 */
public class OffsetOutOfRangeException extends InvalidOffsetException {

    private final Map<TopicPartition, Long> offsetOutOfRangePartitions;

    /**
     * @param message    what happened
     * @param partitions the out-of-range positions by partition
     */
    public OffsetOutOfRangeException(String message, Map<TopicPartition, Long> partitions) {
        super(message);
        this.offsetOutOfRangePartitions = Map.copyOf(partitions);
    }

    /** @return the out-of-range positions by partition */
    public Map<TopicPartition, Long> offsetOutOfRangePartitions() {
        return offsetOutOfRangePartitions;
    }

    @Override
    public Set<TopicPartition> partitions() {
        return offsetOutOfRangePartitions.keySet();
    }
}
