package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of a {@link DeleteRecordsRequest}.
 *
 * @param partitions per partition
 */
public record DeleteRecordsResponse(Map<TopicPartition, PartitionResult> partitions) implements AbstractResponse {

    /**
     * One partition's result.
     *
     * @param error        the error and message
     * @param lowWatermark the log start offset afterwards, or -1
     */
    public record PartitionResult(ApiError error, long lowWatermark) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_RECORDS;
    }
}
