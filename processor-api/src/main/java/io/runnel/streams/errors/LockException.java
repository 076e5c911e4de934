package io.runnel.streams.errors;

/**
 * A state directory is locked by another application instance (or another thread has not released a task
 * directory yet). Give every instance its own {@code state.dir}. Kafka's {@code LockException}.
 */
public class LockException extends StreamsException {

    /** @param message which directory and who holds it */
    public LockException(String message) {
        super(message);
    }

    /**
     * @param message which directory
     * @param cause   the underlying failure
     */
    public LockException(String message, Throwable cause) {
        super(message, cause);
    }
}
