package io.runnel.clients.producer;

import io.runnel.common.errors.TimeoutException;

/**
 * {@code send} waited {@code max.block.ms} for {@code buffer.memory} to free up and gave up (Kafka's
 * {@code BufferExhaustedException}): the producer sends slower than the application produces. Raise
 * {@code buffer.memory}, or slow the application down.
 */
public class BufferExhaustedException extends TimeoutException {

    /** @param message how much was asked for, how much is free and how long the wait was */
    public BufferExhaustedException(String message) {
        super(message);
    }
}
