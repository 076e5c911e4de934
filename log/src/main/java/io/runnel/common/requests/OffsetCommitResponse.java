package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * The result of an {@link OffsetCommitRequest} per partition.
 *
 * @param errors per partition
 */
public record OffsetCommitResponse(Map<TopicPartition, Errors> errors) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_COMMIT;
    }
}
