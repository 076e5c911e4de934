package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.List;

/**
 * Reads a group's committed offsets (Kafka's OffsetFetch, API key 9).
 *
 * @param groupId       the group
 * @param partitions    the partitions, or null for every partition with a committed offset
 * @param requireStable wait for pending transactional commits (no effect without transactions)
 */
public record OffsetFetchRequest(String groupId, List<TopicPartition> partitions, boolean requireStable)
        implements AbstractRequest<OffsetFetchResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_FETCH;
    }
}
