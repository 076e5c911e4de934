package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * A fetch or a records deletion named an offset outside the log: below the log start offset or above the
 * log end offset (for deletion: above the high watermark). The consumer resets by {@code auto.offset.reset}.
 */
public class OffsetOutOfRangeException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public OffsetOutOfRangeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public OffsetOutOfRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
