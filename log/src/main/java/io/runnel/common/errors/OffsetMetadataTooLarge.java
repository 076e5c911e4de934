package io.runnel.common.errors;

import io.runnel.common.RunnelException;/**
 * The metadata string of a committed offset is longer than the broker's {@code offset.metadata.max.bytes}
 * ({@code OFFSET_METADATA_TOO_LARGE}, code 12). Kafka's class name, kept as is.
 */
public class OffsetMetadataTooLarge extends RunnelException {

    /** @param message what went wrong and what to do about it */
    public OffsetMetadataTooLarge(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public OffsetMetadataTooLarge(String message, Throwable cause) {
        super(message, cause);
    }
}
