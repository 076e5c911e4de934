package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A fetch asked for a negative or zero byte limit ({@code INVALID_FETCH_SIZE}, code 4).
 */
public class InvalidFetchSizeException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidFetchSizeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidFetchSizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
