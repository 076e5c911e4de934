package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A record batch is larger than the topic's {@code max.message.bytes} (or the segment size). Split the
 * batch (smaller {@code batch.size}) or raise {@code max.message.bytes} on the topic.
 */
public class RecordTooLargeException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public RecordTooLargeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
