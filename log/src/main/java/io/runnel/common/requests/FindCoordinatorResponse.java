package io.runnel.common.requests;

import io.runnel.common.Node;

/**
 * The result of a {@link FindCoordinatorRequest}.
 *
 * @param error        the error
 * @param node         the coordinator, or {@link Node#noNode()}
 * @param errorMessage the description of the error, or null
 */
public record FindCoordinatorResponse(Errors error, Node node, String errorMessage) implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FIND_COORDINATOR;
    }
}
