package io.runnel.streams.state;

/**
 * An iterator over the windows of one key: keys are window start timestamps in ms. Must be closed.
 *
 * @param <V> the value type
 */
public interface WindowStoreIterator<V> extends KeyValueIterator<Long, V> {
}
