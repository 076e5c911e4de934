package io.runnel.common.errors;

import io.runnel.common.RunnelException;

/**
 * An unchecked wrapper for {@link InterruptedException}: a blocking client call was interrupted. The
 * constructor re-asserts the thread's interrupt flag so the caller's thread still sees the interrupt.
 */
public class InterruptException extends RunnelException {

    /** @param cause the interruption; the current thread's interrupt flag is set again */
    public InterruptException(InterruptedException cause) {
        super(cause);
        Thread.currentThread().interrupt();
    }

    /**
     * @param message what was interrupted
     * @param cause   the interruption; the current thread's interrupt flag is set again
     */
    public InterruptException(String message, InterruptedException cause) {
        super(message, cause);
        Thread.currentThread().interrupt();
    }
}
