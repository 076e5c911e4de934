package io.runnel.streams.processor.internals.query;

import io.runnel.streams.state.QueryableStoreType;

import java.util.List;

/**
 * Finds the local instances of a store for a query; asked again at every call of a view, so views follow
 * rebalances. Implemented by the application instance.
 */
@FunctionalInterface
public interface StateStoreProvider {

    /**
     * @param <T>       the view type
     * @param storeName the store
     * @param type      the view type (its {@code accepts} filters the instances)
     * @return the instances to read, never empty
     * @throws io.runnel.streams.errors.InvalidStateStoreException if no instance can be read now (the application is
     *                                                             not running or rebalancing), or the store is not
     *                                                             of the requested type
     */
    <T> List<StoreAccess> stores(String storeName, QueryableStoreType<T> type);
}
