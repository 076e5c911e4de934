package io.runnel.clients.admin;

import io.runnel.common.RunnelFuture;
import io.runnel.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link Admin#listOffsets} (Kafka's {@code ListOffsetsResult}).
 */
public final class ListOffsetsResult {

    /**
     * One partition's answer.
     *
     * @param offset      the offset, or -1 when no record is that late
     * @param timestamp   the found record's timestamp in ms, or -1
     * @param leaderEpoch the leader epoch, if known
     */
    public record ListOffsetsResultInfo(long offset, long timestamp, Optional<Integer> leaderEpoch) {
    }

    private final Map<TopicPartition, RunnelFuture<ListOffsetsResultInfo>> futures;

    /** @param futures per partition */
    public ListOffsetsResult(Map<TopicPartition, RunnelFuture<ListOffsetsResultInfo>> futures) {
        this.futures = Map.copyOf(futures);
    }

    /**
     * @param partition a partition of the request
     * @return its answer
     * @throws IllegalArgumentException if it was not part of the request
     */
    public RunnelFuture<ListOffsetsResultInfo> partitionResult(TopicPartition partition) {
        RunnelFuture<ListOffsetsResultInfo> f = futures.get(partition);
        if (f == null) {
            throw new IllegalArgumentException("List Offsets for partition \"" + partition + "\" was not attempted");
        }
        return f;
    }

    /** @return every answer, failed with the first failure */
    public RunnelFuture<Map<TopicPartition, ListOffsetsResultInfo>> all() {
        return RunnelFuture.allOf(futures.values().toArray(new RunnelFuture<?>[0])).thenApply(v -> {
            Map<TopicPartition, ListOffsetsResultInfo> out = new LinkedHashMap<>();
            futures.forEach((tp, f) -> out.put(tp, f.toCompletionStage().toCompletableFuture().join()));
            return out;
        });
    }
}
