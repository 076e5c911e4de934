package io.runnel.clients.consumer;

import io.runnel.common.TopicPartition;

import java.util.Map;

/**
 * Told when an asynchronous commit completes (Kafka's {@code OffsetCommitCallback}). Called on the polling thread,
 * during a later {@code poll}, {@code commitSync}, {@code commitAsync} or {@code close}.
 */
@FunctionalInterface
public interface OffsetCommitCallback {

    /**
     * @param offsets   the offsets that were (to be) committed
     * @param exception null on success; otherwise {@link CommitFailedException} (the member left the group),
     *                  {@link RetriableCommitFailedException} or another failure
     */
    void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception);
}
