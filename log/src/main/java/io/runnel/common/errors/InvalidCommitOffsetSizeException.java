package io.runnel.common.errors;

import io.runnel.common.RunnelException;

/**
 * A commit's records are too large for {@code __consumer_offsets} ({@code INVALID_COMMIT_OFFSET_SIZE}, code 28):
 * commit fewer partitions at once or use shorter metadata.
 */
public class InvalidCommitOffsetSizeException extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public InvalidCommitOffsetSizeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public InvalidCommitOffsetSizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
