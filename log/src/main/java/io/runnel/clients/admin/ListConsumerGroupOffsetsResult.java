package io.runnel.clients.admin;

import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.RunnelFuture;
import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of {@link Admin#listConsumerGroupOffsets} (Kafka's {@code ListConsumerGroupOffsetsResult}).
 */
public final class ListConsumerGroupOffsetsResult {

    private final RunnelFuture<Map<TopicPartition, OffsetAndMetadata>> future;

    /** @param future the committed offsets */
    public ListConsumerGroupOffsetsResult(RunnelFuture<Map<TopicPartition, OffsetAndMetadata>> future) {
        this.future = future;
    }

    /** @return the group's committed offsets (only partitions with one) */
    public RunnelFuture<Map<TopicPartition, OffsetAndMetadata>> partitionsToOffsetAndMetadata() {
        return future;
    }
}
