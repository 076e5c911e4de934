package io.runnel.common.errors;

/**
 * The coordinator is still loading the group's offsets ({@code COORDINATOR_LOAD_IN_PROGRESS}, code 14). Retriable.
 */
public class CoordinatorLoadInProgressException extends RetriableException {

    /** @param message what went wrong and what to do about it */
    public CoordinatorLoadInProgressException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public CoordinatorLoadInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
