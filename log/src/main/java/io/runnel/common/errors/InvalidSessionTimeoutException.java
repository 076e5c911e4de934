package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * {@code session.timeout.ms} is outside the broker's {@code group.min.session.timeout.ms} ..
 * {@code group.max.session.timeout.ms} range ({@code INVALID_SESSION_TIMEOUT}, code 26).
 */
public class InvalidSessionTimeoutException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidSessionTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidSessionTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
