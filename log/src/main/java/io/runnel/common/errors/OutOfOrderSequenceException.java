package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The log received a producer batch whose sequence number is not the one expected after the producer's
 * last batch (a gap or a reordering). The idempotent producer treats it as fatal for the batch.
 */
public class OutOfOrderSequenceException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
