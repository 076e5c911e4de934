package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The log already holds a batch with this producer sequence ({@code DUPLICATE_SEQUENCE_NUMBER}, code 46).
 */
public class DuplicateSequenceException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public DuplicateSequenceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public DuplicateSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
