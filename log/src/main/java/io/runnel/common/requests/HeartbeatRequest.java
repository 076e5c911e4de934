package io.runnel.common.requests;

/**
 * Keeps a membership alive (Kafka's Heartbeat, API key 12); the answer tells the member whether the group is
 * rebalancing.
 *
 * @param groupId         the group
 * @param generationId    the member's generation
 * @param memberId        the member id
 * @param groupInstanceId the static id, or null
 */
public record HeartbeatRequest(String groupId, int generationId, String memberId, String groupInstanceId)
        implements AbstractRequest<HeartbeatResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.HEARTBEAT;
    }
}
