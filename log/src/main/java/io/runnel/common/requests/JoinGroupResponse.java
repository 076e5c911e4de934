package io.runnel.common.requests;

import java.util.List;

/**
 * The result of a {@link JoinGroupRequest}: the new generation. The leader also receives every member's
 * metadata for the chosen protocol and computes the assignment.
 *
 * @param error        the error
 * @param generationId the new generation, or -1
 * @param protocolType the group's protocol type
 * @param protocolName the chosen protocol (assignor)
 * @param leader       the leader's member id
 * @param memberId     this member's id
 * @param members      for the leader: every member with its metadata for the chosen protocol; empty otherwise
 * @param skipAssignment true when the leader rejoined a stable group as a static member without a rebalance: it
 *                     must not compute a new assignment (Kafka's JoinGroup v9 field)
 */
public record JoinGroupResponse(Errors error, int generationId, String protocolType, String protocolName, String leader,
                                String memberId, List<Member> members, boolean skipAssignment)
        implements AbstractResponse {

    /**
     * A member as the leader sees it.
     *
     * @param memberId        the member id
     * @param groupInstanceId its static id, or null
     * @param metadata        its metadata for the chosen protocol
     */
    public record Member(String memberId, String groupInstanceId, byte[] metadata) {
    }

    /**
     * @param error    the error
     * @param memberId the member id to report (may be empty)
     * @return a failed response
     */
    public static JoinGroupResponse failed(Errors error, String memberId) {
        return new JoinGroupResponse(error, JoinGroupRequest.UNKNOWN_GENERATION_ID, null, null, "", memberId, List.of(),
                false);
    }

    /** @return whether the receiving member is the leader */
    public boolean isLeader() {
        return memberId != null && memberId.equals(leader);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.JOIN_GROUP;
    }
}
