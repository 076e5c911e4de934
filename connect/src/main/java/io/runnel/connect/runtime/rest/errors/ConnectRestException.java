package io.runnel.connect.runtime.rest.errors;

import io.runnel.connect.errors.ConnectException;

/**
 * A failure with the HTTP status the REST API answers with (as Kafka Connect's {@code ConnectRestException}); the
 * body is {@code {"error_code": <status>, "message": <message>}}.
 */
public class ConnectRestException extends ConnectException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * @param statusCode the HTTP status
     * @param message    what went wrong and what to do
     */
    public ConnectRestException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    /**
     * @param statusCode the HTTP status
     * @param message    what went wrong and what to do
     * @param cause      the cause
     */
    public ConnectRestException(int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** @return the HTTP status */
    public int statusCode() {
        return statusCode;
    }
}
