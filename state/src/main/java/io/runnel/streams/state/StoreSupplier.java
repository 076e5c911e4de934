package io.runnel.streams.state;

import io.runnel.streams.processor.StateStore;

/**
 * Creates the innermost (bytes) store of a stack, as Kafka's {@code StoreSupplier}. {@link #get()} returns a new
 * instance on every call (one per task).
 *
 * @param <T> the store type
 */
public interface StoreSupplier<T extends StateStore> {

    /** @return the store name */
    String name();

    /** @return a new, uninitialised store */
    T get();

    /** @return the kind of engine, such as {@code rocksdb} or {@code in-memory} (for logs and metrics) */
    String metricsScope();
}
