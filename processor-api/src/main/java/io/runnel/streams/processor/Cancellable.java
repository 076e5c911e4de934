package io.runnel.streams.processor;

/** A handle to a scheduled punctuation (Kafka's {@code Cancellable}). */
@FunctionalInterface
public interface Cancellable {

    /** Stops the punctuation; it does not fire again. Idempotent; call it on the task's thread. */
    void cancel();
}
