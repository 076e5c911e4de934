package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of an {@link OffsetFetchRequest}.
 *
 * @param error      the group-level error
 * @param partitions per partition; offset -1 when nothing is committed
 */
public record OffsetFetchResponse(Errors error, Map<TopicPartition, PartitionData> partitions) implements AbstractResponse {

    /** The offset reported for a partition without a committed offset. */
    public static final long INVALID_OFFSET = -1L;

    /**
     * One partition's committed offset.
     *
     * @param offset      the offset, or {@link #INVALID_OFFSET}
     * @param leaderEpoch the leader epoch, or -1
     * @param metadata    the metadata text, empty when none
     * @param error       the error
     */
    public record PartitionData(long offset, int leaderEpoch, String metadata, Errors error) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_FETCH;
    }
}
