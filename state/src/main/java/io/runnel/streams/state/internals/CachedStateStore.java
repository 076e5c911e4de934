package io.runnel.streams.state.internals;

/**
 * A store (stack) that may hold a caching layer: the runtime and the DSL set the listener that forwards flushed
 * entries downstream.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CachedStateStore<K, V> {

    /**
     * @param listener      receives flushed entries
     * @param sendOldValues whether to read and pass the value being replaced (costs a store read per entry)
     * @return true if the stack has a caching layer and the listener was set; false if caching is off (the caller
     *         then forwards every update itself)
     */
    boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues);
}
