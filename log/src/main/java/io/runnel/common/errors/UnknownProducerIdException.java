package io.runnel.common.errors;

/**
 * The log does not know the producer id ({@code UNKNOWN_PRODUCER_ID}, code 59).
 */
public class UnknownProducerIdException extends OutOfOrderSequenceException {

    /** @param message what went wrong and what to do about it */
    public UnknownProducerIdException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public UnknownProducerIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
