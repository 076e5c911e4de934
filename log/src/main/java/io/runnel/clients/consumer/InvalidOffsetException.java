package io.runnel.clients.consumer;

import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;

import java.util.Set;

/**
 * The consumer has no valid position for some partitions and {@code auto.offset.reset=none} forbids choosing one
 * (Kafka's {@code InvalidOffsetException}). {@link #partitions()} names them; {@code seek} to continue.
 */
public abstract class InvalidOffsetException extends RunnelException {

    /** @param message what happened */
    protected InvalidOffsetException(String message) {
        super(message);
    }

    /** @return the partitions without a valid position */
    public abstract Set<TopicPartition> partitions();
}
