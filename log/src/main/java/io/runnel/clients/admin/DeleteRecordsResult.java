package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;
import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of {@link Admin#deleteRecords} (Kafka's {@code DeleteRecordsResult}).
 */
public final class DeleteRecordsResult {

    private final Map<TopicPartition, RunnelFuture<DeletedRecords>> futures;

    /** @param futures per partition */
    public DeleteRecordsResult(Map<TopicPartition, RunnelFuture<DeletedRecords>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /** @return per partition, its new log start offset */
    public Map<TopicPartition, RunnelFuture<DeletedRecords>> lowWatermarks() {
        return futures;
    }

    /** @return a future completed when every partition succeeded */
    public RunnelFuture<Void> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0]));
    }
}
