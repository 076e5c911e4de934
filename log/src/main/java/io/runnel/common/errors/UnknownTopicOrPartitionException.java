package io.runnel.common.errors;

/**
 * The topic or partition does not exist (yet). Retriable, as in Kafka: a topic being created becomes visible.
 */
public class UnknownTopicOrPartitionException extends RetriableException {

    /** @param message what went wrong and what to do about it */
    public UnknownTopicOrPartitionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public UnknownTopicOrPartitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
