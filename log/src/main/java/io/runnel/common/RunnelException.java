package io.runnel.common;

/**
 * The base of every exception Runnel throws on purpose; Kafka's {@code KafkaException}.
 *
 * <p>Subclasses in {@code io.runnel.common.errors} and the module packages say what went wrong and what the
 * caller can do next: a {@link io.runnel.common.errors.RetriableException} may succeed if retried, every other
 * one will not succeed without a change (of input, configuration or state).
 */
public class RunnelException extends RuntimeException {

    /** @param message what went wrong and what to do about it */
    public RunnelException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public RunnelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure, whose message becomes this one's */
    public RunnelException(Throwable cause) {
        super(cause);
    }
}
