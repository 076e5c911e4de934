package io.runnel.streams.state;

import io.runnel.streams.processor.StateStore;

import java.util.Map;

/**
 * Builds a store stack from a bytes-store supplier and serdes, as Kafka's {@code StoreBuilder}:
 * typed facade → caching (if enabled) → change logging (if enabled) → bytes store. Logging is on by default,
 * caching off. Not thread-safe; {@link #build()} may be called any number of times, each returning a new stack.
 *
 * @param <T> the store type built
 */
public interface StoreBuilder<T extends StateStore> {

    /**
     * Turns on the write-back record cache ({@code statestore.cache.max.bytes}, shared per instance).
     *
     * @return this builder
     */
    StoreBuilder<T> withCachingEnabled();

    /** @return this builder, with caching off */
    StoreBuilder<T> withCachingDisabled();

    /**
     * Turns on change logging.
     *
     * @param config topic configuration of the changelog topic (for example {@code min.compaction.lag.ms}), not
     *               null; the runtime adds {@code cleanup.policy=compact}
     * @return this builder
     */
    StoreBuilder<T> withLoggingEnabled(Map<String, String> config);

    /** @return this builder, with change logging off (the store is not restored after a failure) */
    StoreBuilder<T> withLoggingDisabled();

    /** @return a new store stack */
    T build();

    /** @return the changelog topic configuration given to {@link #withLoggingEnabled}; empty if none */
    Map<String, String> logConfig();

    /** @return whether change logging is on */
    boolean loggingEnabled();

    /** @return whether caching is on */
    boolean cachingEnabled();

    /** @return the store name */
    String name();
}
