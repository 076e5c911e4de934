package io.runnel.connect.errors;

/**
 * A failure that may not happen again if the operation is retried unchanged. A sink task throws it from
 * {@code put} or {@code flush} to have the same records redelivered; converters and transformations throw it to
 * be retried with backoff within {@code errors.retry.timeout}.
 */
public class RetriableException extends ConnectException {

    /** @param message what went wrong and what to do about it */
    public RetriableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure */
    public RetriableException(Throwable cause) {
        super(cause);
    }
}
