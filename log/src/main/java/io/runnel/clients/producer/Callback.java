package io.runnel.clients.producer;

/**
 * Called when a sent record is acknowledged or fails (Kafka's {@code Callback}). Callbacks of one partition run in
 * send order on the producer's sender thread: keep them short, and do not call blocking producer methods
 * ({@code flush()}, {@code close()} with a timeout) from them.
 */
@FunctionalInterface
public interface Callback {

    /**
     * @param metadata  where the record went: on failure only topic and partition are meaningful (offset -1)
     * @param exception null on success; otherwise why the record was not written (for example
     *                  {@link io.runnel.common.errors.RecordTooLargeException},
     *                  {@link io.runnel.common.errors.TimeoutException} after {@code delivery.timeout.ms})
     */
    void onCompletion(RecordMetadata metadata, Exception exception);
}
