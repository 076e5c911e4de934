package io.runnel.common.errors;

/**
 * The group coordinator is not available ({@code COORDINATOR_NOT_AVAILABLE}, code 15), for example while the
 * embedded log is closing. Retriable.
 */
public class CoordinatorNotAvailableException extends RetriableException {

    /** @param message what went wrong and what to do about it */
    public CoordinatorNotAvailableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public CoordinatorNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
