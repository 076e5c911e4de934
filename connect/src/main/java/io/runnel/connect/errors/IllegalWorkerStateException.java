package io.runnel.connect.errors;

/**
 * The worker is in a state where the requested operation cannot be performed.
 */
public class IllegalWorkerStateException extends ConnectException {

    /** @param message what went wrong and what to do about it */
    public IllegalWorkerStateException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public IllegalWorkerStateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public IllegalWorkerStateException(Throwable cause) {
        super(cause);
    }
}
