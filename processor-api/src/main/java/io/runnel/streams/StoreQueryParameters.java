package io.runnel.streams;

import io.runnel.streams.state.QueryableStoreType;

import java.util.Objects;

/**
 * What {@link RunnelStreams#store} looks up (Kafka's {@code StoreQueryParameters}): a store name, the view type
 * wanted, optionally one partition, and whether stores of tasks not running yet (restoring) may be read. Immutable.
 *
 * @param <T> the view type
 */
public final class StoreQueryParameters<T> {

    private final String storeName;
    private final QueryableStoreType<T> queryableStoreType;
    private final Integer partition;
    private final boolean staleStores;

    private StoreQueryParameters(String storeName, QueryableStoreType<T> queryableStoreType, Integer partition,
                                 boolean staleStores) {
        this.storeName = storeName;
        this.queryableStoreType = queryableStoreType;
        this.partition = partition;
        this.staleStores = staleStores;
    }

    /**
     * @param <T>                the view type
     * @param storeName          the store
     * @param queryableStoreType the view, from {@link io.runnel.streams.state.QueryableStoreTypes}
     * @return parameters over every local partition of the store, running tasks only
     */
    public static <T> StoreQueryParameters<T> fromNameAndType(String storeName,
                                                              QueryableStoreType<T> queryableStoreType) {
        return new StoreQueryParameters<>(Objects.requireNonNull(storeName, "storeName"),
                Objects.requireNonNull(queryableStoreType, "queryableStoreType"), null, false);
    }

    /**
     * @param partition a partition (task partition number), or null for all
     * @return a copy restricted to it
     */
    public StoreQueryParameters<T> withPartition(Integer partition) {
        return new StoreQueryParameters<>(storeName, queryableStoreType, partition, staleStores);
    }

    /** @return a copy that also reads stores of tasks still restoring */
    public StoreQueryParameters<T> enableStaleStores() {
        return new StoreQueryParameters<>(storeName, queryableStoreType, partition, true);
    }

    /** @return the store name */
    public String storeName() {
        return storeName;
    }

    /** @return the view type */
    public QueryableStoreType<T> queryableStoreType() {
        return queryableStoreType;
    }

    /** @return the partition, or null for all */
    public Integer partition() {
        return partition;
    }

    /** @return whether stores of restoring tasks may be read */
    public boolean staleStoresEnabled() {
        return staleStores;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreQueryParameters<?> p && p.storeName.equals(storeName)
                && p.queryableStoreType.equals(queryableStoreType) && Objects.equals(p.partition, partition)
                && p.staleStores == staleStores;
    }

    @Override
    public int hashCode() {
        return Objects.hash(storeName, queryableStoreType, partition, staleStores);
    }

    @Override
    public String toString() {
        return "StoreQueryParameters{storeName=" + storeName + ", partition=" + partition + ", staleStores="
                + staleStores + "}";
    }
}
