package io.runnel.common.errors;

/**
 * The request or its response was lost on the way ({@code NETWORK_EXCEPTION}, code 13). Retriable: clients
 * resend, and an idempotent producer's resent batch is deduplicated by the log.
 */
public class NetworkException extends RetriableException {

    /** @param message what went wrong and what to do about it */
    public NetworkException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
