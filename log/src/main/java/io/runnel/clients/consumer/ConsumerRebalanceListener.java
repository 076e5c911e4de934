package io.runnel.clients.consumer;

import io.runnel.common.TopicPartition;

import java.util.Collection;

/**
 * Told when the consumer's partitions change in a rebalance (Kafka's {@code ConsumerRebalanceListener}). Called on
 * the thread that calls {@code poll}, inside it. Order within one rebalance: {@link #onPartitionsRevoked} (or
 * {@link #onPartitionsLost}) before {@link #onPartitionsAssigned}.
 *
 * <ul>
 *   <li>EAGER protocol (range, roundrobin, sticky): before rejoining, every owned partition is revoked; after the
 *       rebalance, every partition of the new assignment is assigned.</li>
 *   <li>COOPERATIVE protocol (cooperative-sticky): after the rebalance, only partitions that moved away are revoked,
 *       then only new partitions are assigned ({@code onPartitionsAssigned} is called even when that set is
 *       empty); partitions kept are consumed throughout.</li>
 *   <li>When the member was dropped from the group (session or poll timeout, fenced), its partitions are
 *       {@link #onPartitionsLost lost}: another member may already own them, so do not commit their offsets.</li>
 * </ul>
 *
 * <p>A callback that throws does not stop the rebalance: the exception is rethrown from {@code poll} afterwards.
 */
public interface ConsumerRebalanceListener {

    /**
     * Partitions this consumer gives up; commit their offsets here (commits still succeed).
     *
     * @param partitions the revoked partitions (may be empty for EAGER)
     */
    void onPartitionsRevoked(Collection<TopicPartition> partitions);

    /**
     * Partitions this consumer received; their positions are fetched after this returns (or set them with seek).
     *
     * @param partitions the newly assigned partitions
     */
    void onPartitionsAssigned(Collection<TopicPartition> partitions);

    /**
     * Partitions this consumer lost without revoking them (it was no longer in the group); by default handled as
     * revoked.
     *
     * @param partitions the lost partitions
     */
    default void onPartitionsLost(Collection<TopicPartition> partitions) {
        onPartitionsRevoked(partitions);
    }
}
