package io.runnel.streams.state;

import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.internals.query.StateStoreProvider;

/**
 * A kind of view for interactive queries (Kafka's {@code QueryableStoreType}); get one from
 * {@link QueryableStoreTypes}.
 *
 * @param <T> the view type
 */
public interface QueryableStoreType<T> {

    /**
     * @param stateStore a store instance
     * @return true if this view can read it
     */
    boolean accepts(StateStore stateStore);

    /**
     * @param storeProvider finds the local instances at each call
     * @param storeName     the store
     * @return the view
     */
    T create(StateStoreProvider storeProvider, String storeName);
}
