package io.runnel.clients.consumer;

import io.runnel.common.RunnelException;

/**
 * A commit cannot succeed because this consumer is no longer in the group's current generation (Kafka's
 * {@code CommitFailedException}): it was removed (for example because {@code poll} was not called within
 * {@code max.poll.interval.ms}) and its partitions may already belong to another member, whose progress must not
 * be overwritten. The next {@code poll} rejoins the group. Not retriable.
 */
public class CommitFailedException extends RunnelException {

    private static final String DEFAULT = "Commit cannot be completed since the group has already rebalanced and "
            + "assigned the partitions to another member. This means that the time between subsequent calls to poll() "
            + "was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is "
            + "spending too much time message processing. You can address this either by increasing "
            + "max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with "
            + "max.poll.records.";

    /** With the default explanation. */
    public CommitFailedException() {
        super(DEFAULT);
    }

    /** @param message what happened */
    public CommitFailedException(String message) {
        super(message);
    }
}
