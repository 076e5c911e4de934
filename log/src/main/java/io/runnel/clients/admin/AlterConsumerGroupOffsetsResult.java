package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;
import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of {@link Admin#alterConsumerGroupOffsets} (Kafka's {@code AlterConsumerGroupOffsetsResult}).
 */
public final class AlterConsumerGroupOffsetsResult {

    private final Map<TopicPartition, RunnelFuture<Void>> futures;

    /** @param futures per partition */
    public AlterConsumerGroupOffsetsResult(Map<TopicPartition, RunnelFuture<Void>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /**
     * @param partition a partition of the request
     * @return its result
     * @throws IllegalArgumentException if it was not part of the request
     */
    public RunnelFuture<Void> partitionResult(TopicPartition partition) {
        RunnelFuture<Void> f = futures.get(partition);
        if (f == null) {
            throw new IllegalArgumentException("Offset for partition \"" + partition + "\" was not attempted");
        }
        return f;
    }

    /** @return a future completed when every partition succeeded */
    public RunnelFuture<Void> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0]));
    }
}
