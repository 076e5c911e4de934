package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The producer used transactions in a way the broker refuses ({@code INVALID_TXN_STATE}, code 48). Runnel has
 * no transactions yet: every transactional request fails with this.
 */
public class InvalidTxnStateException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidTxnStateException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidTxnStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
