package io.runnel.common.requests;

/**
 * Finds the coordinator of a group (Kafka's FindCoordinator, API key 10). On the embedded log the single node
 * coordinates every group.
 *
 * @param keyType {@link CoordinatorType#GROUP} (transactions do not exist yet)
 * @param key     the group id
 */
public record FindCoordinatorRequest(CoordinatorType keyType, String key)
        implements AbstractRequest<FindCoordinatorResponse> {

    /** What kind of coordinator, with Kafka's ids. */
    public enum CoordinatorType {
        /** A consumer group's coordinator (id 0). */
        GROUP,
        /** A transactional id's coordinator (id 1). */
        TRANSACTION
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FIND_COORDINATOR;
    }
}
