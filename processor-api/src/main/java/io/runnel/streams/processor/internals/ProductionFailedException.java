package io.runnel.streams.processor.internals;

import io.runnel.streams.errors.StreamsException;

/**
 * Writing an output or changelog record failed and the {@code default.production.exception.handler} answered FAIL
 * (or the failure is fatal). Not given to the processing exception handler: it fails the stream thread.
 */
public final class ProductionFailedException extends StreamsException {

    /**
     * @param message what failed: the topic, the node, and what to do
     * @param cause   the failure
     */
    public ProductionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
