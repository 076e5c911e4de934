package io.runnel.streams.state.internals;

import io.runnel.streams.errors.InvalidStateStoreException;

import java.io.File;

/** Checks shared by every store: open state and non-null keys, with messages naming the store. */
public final class StoreGuards {

    private StoreGuards() {
    }

    /**
     * @param open      whether the store is open
     * @param storeName the store name
     * @throws InvalidStateStoreException if not open
     */
    public static void ensureOpen(boolean open, String storeName) {
        if (!open) {
            throw new InvalidStateStoreException("Store " + storeName + " is currently closed: it was closed or never"
                    + " initialised; get a new store instance from the running task instead");
        }
    }

    /**
     * @param <K>       the key type
     * @param key       the key
     * @param storeName the store name
     * @return the key
     * @throws NullPointerException if the key is null
     */
    public static <K> K requireKey(K key, String storeName) {
        if (key == null) {
            throw new NullPointerException("key cannot be null (store " + storeName
                    + "); state stores do not accept null keys, filter them out before the store");
        }
        return key;
    }

    /**
     * @param storeName the store name
     * @param dir       the directory the store lives in, or null
     * @return "store 'name' in dir" for error messages
     */
    public static String describe(String storeName, File dir) {
        return dir == null ? "store '" + storeName + "'" : "store '" + storeName + "' in " + dir.getAbsolutePath();
    }
}
