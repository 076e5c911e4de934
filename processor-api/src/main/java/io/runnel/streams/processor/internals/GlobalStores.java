package io.runnel.streams.processor.internals;

import io.runnel.streams.processor.StateStore;

/** The global stores of an application instance, readable from every task's processors. Thread-safe lookup. */
@FunctionalInterface
public interface GlobalStores {

    /**
     * @param name a store name
     * @return a read-only view of the global store of that name, safe to use from any stream thread, or null
     */
    StateStore get(String name);
}
