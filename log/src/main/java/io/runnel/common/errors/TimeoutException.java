package io.runnel.common.errors;

/**
 * An operation did not complete within its time limit ({@code max.block.ms}, {@code delivery.timeout.ms},
 * {@code default.api.timeout.ms} or an explicit timeout argument). The message names the limit.
 */
public class TimeoutException extends RetriableException {

    /** @param message what timed out and which limit applied */
    public TimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what timed out and which limit applied
     * @param cause   the underlying failure
     */
    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
