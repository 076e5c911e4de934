package io.runnel.clients.consumer;

import io.runnel.common.errors.RetriableException;

/**
 * An asynchronous commit failed with a retriable error (Kafka's {@code RetriableCommitFailedException}); a later
 * commit may succeed.
 */
public class RetriableCommitFailedException extends RetriableException {

    /**
     * @param message what failed
     * @param cause   the retriable error
     */
    public RetriableCommitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
