package io.runnel.common.requests;

import java.util.Map;

/**
 * The result of a {@link DeleteGroupsRequest}: {@link Errors#NONE}, {@link Errors#GROUP_ID_NOT_FOUND} or
 * {@link Errors#NON_EMPTY_GROUP} per group.
 *
 * @param errors per group id
 */
public record DeleteGroupsResponse(Map<String, Errors> errors) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_GROUPS;
    }
}
