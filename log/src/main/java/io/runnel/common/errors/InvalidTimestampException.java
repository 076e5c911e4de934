package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A record timestamp was rejected (for example a negative timestamp other than -1 for "none").
 */
public class InvalidTimestampException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidTimestampException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidTimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
