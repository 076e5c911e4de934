package io.runnel.streams.processor.internals;

import io.runnel.streams.errors.StreamsException;

/**
 * A processor failed and the {@code processing.exception.handler} answered FAIL. Thrown by the failing node; its
 * ancestors (which called it through {@code forward}) let it pass, and the task wraps it with the task id and the
 * input record's coordinates.
 */
public final class FailedProcessingException extends StreamsException {

    private final String nodeName;

    /**
     * @param nodeName the node whose processor threw
     * @param cause    what it threw
     */
    public FailedProcessingException(String nodeName, Throwable cause) {
        super("Processor " + nodeName + " failed: " + cause, cause);
        this.nodeName = nodeName;
    }

    /** @return the node whose processor threw */
    public String nodeName() {
        return nodeName;
    }
}
