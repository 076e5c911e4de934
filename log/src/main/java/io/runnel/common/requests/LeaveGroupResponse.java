package io.runnel.common.requests;

import java.util.List;

/**
 * The result of a {@link LeaveGroupRequest}.
 *
 * @param error   the group-level error
 * @param members per member
 */
public record LeaveGroupResponse(Errors error, List<MemberResponse> members) implements AbstractResponse {

    /**
     * One member's result.
     *
     * @param memberId        the member id
     * @param groupInstanceId the static id, or null
     * @param error           the error
     */
    public record MemberResponse(String memberId, String groupInstanceId, Errors error) {
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LEAVE_GROUP;
    }
}
