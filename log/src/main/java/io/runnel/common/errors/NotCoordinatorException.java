package io.runnel.common.errors;

/**
 * The node is not the coordinator of the group ({@code NOT_COORDINATOR}, code 16). Retriable after finding the
 * coordinator again.
 */
public class NotCoordinatorException extends RetriableException {

    /** @param message what went wrong and what to do about it */
    public NotCoordinatorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public NotCoordinatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
