package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of a {@link ProduceRequest} per partition.
 *
 * @param responses per partition
 */
public record ProduceResponse(Map<TopicPartition, PartitionResponse> responses) implements AbstractResponse {

    /**
     * One partition's result.
     *
     * @param error          the error
     * @param baseOffset     the offset of the first record appended (for a deduplicated retry: of the original), or -1
     * @param logAppendTime  the append time for {@code LogAppendTime} topics in ms, else -1
     * @param logStartOffset the partition's log start offset, or -1
     * @param errorMessage   the server's description of the error, or null
     */
    public record PartitionResponse(Errors error, long baseOffset, long logAppendTime, long logStartOffset,
                                    String errorMessage) {

        /**
         * @param error   the error
         * @param message the description
         * @return a failed result
         */
        public static PartitionResponse failed(Errors error, String message) {
            return new PartitionResponse(error, -1L, -1L, -1L, message);
        }
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.PRODUCE;
    }
}
