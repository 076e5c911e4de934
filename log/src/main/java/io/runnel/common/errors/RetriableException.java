package io.runnel.common.errors;

import io.runnel.common.RunnelException;

/**
 * A failure that may not happen again if the operation is retried unchanged (a timeout, a rebalance in
 * progress, a leader not yet available). Clients retry these themselves within their configured limits
 * ({@code retries}, {@code delivery.timeout.ms}, {@code default.api.timeout.ms}).
 */
public class RetriableException extends RunnelException {

    /** @param message what went wrong */
    public RetriableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
