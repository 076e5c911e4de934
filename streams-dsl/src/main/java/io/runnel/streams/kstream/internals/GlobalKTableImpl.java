package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.GlobalKTable;

/**
 * The DSL's {@link GlobalKTable}: a handle on the global store, which stream joins read directly.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class GlobalKTableImpl<K, V> implements GlobalKTable<K, V> {

    private final String storeName;

    /** @param storeName the global store */
    public GlobalKTableImpl(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public String queryableStoreName() {
        return storeName;
    }

    @Override
    public String toString() {
        return "GlobalKTable(" + storeName + ")";
    }
}
