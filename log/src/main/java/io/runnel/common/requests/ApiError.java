package io.runnel.common.requests;

import io.runnel.common.RunnelException;

/**
 * An error code with an optional message, as Kafka's {@code ApiError}: the per-topic or per-resource result of
 * admin requests.
 *
 * @param error   the error, {@link Errors#NONE} for success
 * @param message the server's description, or null for the error's default message
 */
public record ApiError(Errors error, String message) {

    /** Success. */
    public static final ApiError NONE = new ApiError(Errors.NONE, null);

    /**
     * @param t a failure
     * @return the error it maps to, with its message
     */
    public static ApiError fromThrowable(Throwable t) {
        Errors e = Errors.forException(t);
        return new ApiError(e, t.getMessage());
    }

    /** @return whether this is an error */
    public boolean isFailure() {
        return error != Errors.NONE;
    }

    /** @return the message, or the error's default message */
    public String messageWithFallback() {
        return message != null ? message : error.message();
    }

    /** @return the exception for this error, or null for {@link Errors#NONE} */
    public RunnelException exception() {
        return error.exception(message);
    }
}
