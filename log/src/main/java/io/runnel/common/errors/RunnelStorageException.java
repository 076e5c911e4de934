package io.runnel.common.errors;

/**
 * An I/O error in a log directory (Kafka's {@code KafkaStorageException}). The message names the file
 * and the operation; the cause is the {@link java.io.IOException}.
 */
public class RunnelStorageException extends RetriableException {

    /** @param message what went wrong and what to do about it */
    public RunnelStorageException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public RunnelStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
