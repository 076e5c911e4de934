package io.runnel.common.requests;

import java.util.Map;

/**
 * Completes a rebalance (Kafka's SyncGroup, API key 14): the leader sends every member's assignment; followers
 * send none and wait for theirs.
 *
 * @param groupId         the group
 * @param generationId    the generation from the join
 * @param memberId        the member id
 * @param groupInstanceId the static id, or null
 * @param protocolType    the protocol type
 * @param protocolName    the chosen protocol
 * @param assignments     the leader's assignments by member id (empty for followers)
 */
public record SyncGroupRequest(String groupId, int generationId, String memberId, String groupInstanceId,
                               String protocolType, String protocolName, Map<String, byte[]> assignments)
        implements AbstractRequest<SyncGroupResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.SYNC_GROUP;
    }
}
