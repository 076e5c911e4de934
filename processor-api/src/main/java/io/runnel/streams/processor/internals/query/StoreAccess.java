package io.runnel.streams.processor.internals.query;

import io.runnel.streams.processor.StateStore;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * One local store instance and the lock its owning thread holds while it uses the store.
 *
 * @param store the store (the outermost layer of its stack)
 * @param lock  the lock to hold while reading it
 * @param owner what owns it (a task id, or "global"), for messages
 */
public record StoreAccess(StateStore store, Lock lock, String owner) {

    /**
     * Runs a read under the lock.
     *
     * @param <R>  the result type
     * @param read the read; it must copy what it returns out of the store (no open iterators)
     * @return what the read returned
     * @throws io.runnel.streams.errors.InvalidStateStoreException if the store was closed meanwhile
     */
    public <R> R read(Supplier<R> read) {
        lock.lock();
        try {
            if (!store.isOpen()) {
                throw new io.runnel.streams.errors.InvalidStateStoreException("Store " + store.name() + " of "
                        + owner + " is closed: it may have migrated to another thread or instance; query again");
            }
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
