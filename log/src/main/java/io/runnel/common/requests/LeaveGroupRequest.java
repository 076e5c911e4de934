package io.runnel.common.requests;

import java.util.List;

/**
 * Removes members from a group at once (Kafka's LeaveGroup, API key 13), so their partitions move without
 * waiting for the session timeout.
 *
 * @param groupId the group
 * @param members the members leaving
 */
public record LeaveGroupRequest(String groupId, List<MemberIdentity> members) implements AbstractRequest<LeaveGroupResponse> {

    /**
     * A member leaving.
     *
     * @param memberId        the member id (may be empty when the static id is given)
     * @param groupInstanceId the static id, or null
     * @param reason          why, for logs; may be null
     */
    public record MemberIdentity(String memberId, String groupInstanceId, String reason) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LEAVE_GROUP;
    }
}
