package io.runnel.streams.errors;

import io.runnel.common.RunnelException;

/**
 * The base of every exception the Streams layer (state stores, the runtime, the DSL) throws on purpose; Kafka's
 * {@code org.apache.kafka.streams.errors.StreamsException}. The message says what failed, on which store or task,
 * and what to do next.
 */
public class StreamsException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public StreamsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public StreamsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure, whose message becomes this one's */
    public StreamsException(Throwable cause) {
        super(cause);
    }
}
