package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A record or batch was rejected because it breaks a rule of the log it was appended to: a null key on a
 * compacted topic, a wrong magic, offset deltas that do not match the record count, an unknown codec. Not
 * retriable: the producer must change the record.
 */
public class InvalidRecordException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidRecordException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
