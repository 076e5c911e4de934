package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of a {@link ListOffsetsRequest}.
 *
 * @param partitions per partition
 */
public record ListOffsetsResponse(Map<TopicPartition, PartitionResult> partitions) implements AbstractResponse {

    /**
     * One partition's answer.
     *
     * @param error        the error
     * @param timestamp    the found record's timestamp in ms, or -1
     * @param offset       the offset, or -1 when no record is that late
     * @param leaderEpoch  the leader epoch, or -1
     * @param errorMessage the server's description of the error, or null
     */
    public record PartitionResult(Errors error, long timestamp, long offset, int leaderEpoch, String errorMessage) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_OFFSETS;
    }
}
