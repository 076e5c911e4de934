package io.runnel.common.requests;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * Commits offsets for a group (Kafka's OffsetCommit, API key 8). A member of an active group gives its
 * generation and member id and is refused if they are stale (so a member that lost its partitions cannot
 * overwrite the new owner's progress); a client outside any generation (a consumer using {@code assign}, the
 * admin client) gives generation -1 and an empty member id, which only an empty group accepts.
 *
 * @param groupId         the group
 * @param generationId    the member's generation, or -1
 * @param memberId        the member id, or empty
 * @param groupInstanceId the static id, or null
 * @param offsets         per partition
 */
public record OffsetCommitRequest(String groupId, int generationId, String memberId, String groupInstanceId,
                                  Map<TopicPartition, PartitionData> offsets)
        implements AbstractRequest<OffsetCommitResponse> {

    /**
     * One partition's committed position.
     *
     * @param offset      the next offset to consume
     * @param leaderEpoch the leader epoch of the last consumed record, or -1
     * @param metadata    free text, may be null
     */
    public record PartitionData(long offset, int leaderEpoch, String metadata) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_COMMIT;
    }
}
