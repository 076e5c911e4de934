package io.runnel.connect.runtime.rest.errors;

/** A request that cannot be served as given (HTTP 400): malformed JSON, an invalid configuration, a bad parameter. */
public class BadRequestException extends ConnectRestException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what to do */
    public BadRequestException(String message) {
        super(400, message);
    }
}
