package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A newer producer with the same transactional id or producer id took over ({@code PRODUCER_FENCED}, code 90).
 */
public class ProducerFencedException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public ProducerFencedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public ProducerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
