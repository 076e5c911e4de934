package io.runnel.streams.processor;

/**
 * A storage engine for a processor's state, as Kafka's {@code StateStore}.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>Created (not usable) by a {@code StoreBuilder} or a supplier.</li>
 *   <li>{@link #init} once, by the task that owns it, on the task's thread. The innermost store opens its
 *       resources (a RocksDB directory under {@link StateStoreContext#stateDir()}) and calls
 *       {@link StateStoreContext#register} with the root store and a restore callback, so the runtime can fill it
 *       from its changelog before processing starts. After {@code init} returns, {@link #isOpen()} is true.</li>
 *   <li>Reads and writes, then {@link #flush()} on every commit: caches are written down (forwarding their
 *       latest values to flush listeners) and persistent engines make their data durable, after which the runtime
 *       writes the checkpoint.</li>
 *   <li>{@link #close()} once: the runtime flushes first; a caching layer still writes its cache down as a last
 *       resort. Then every resource is released (native RocksDB objects and open iterators included) and
 *       {@link #isOpen()} becomes false. Any later call except
 *       {@code close}, {@code name}, {@code persistent} and {@code isOpen} throws
 *       {@link io.runnel.streams.errors.InvalidStateStoreException} naming the store.</li>
 * </ol>
 *
 * <p>Threading: a store belongs to one task and is used by that task's thread only; implementations need not be
 * thread-safe unless they say so.
 */
public interface StateStore {

    /** @return the store's name, unique within a topology; names the changelog topic and the directory */
    String name();

    /**
     * Opens the store and registers it with the runtime for restoration. Called once.
     *
     * @param context the task's view of the runtime
     * @param root    the outermost store of the decorator stack, which is what {@code register} receives
     * @throws io.runnel.streams.errors.ProcessorStateException if the storage engine cannot open
     * @throws IllegalStateException                               if called twice
     */
    void init(StateStoreContext context, StateStore root);

    /**
     * Writes cached data down and makes written data durable. Called by the runtime on commit, before it writes
     * the checkpoint.
     *
     * @throws io.runnel.streams.errors.InvalidStateStoreException if the store is closed
     * @throws io.runnel.streams.errors.ProcessorStateException    if the engine fails
     */
    void flush();

    /** Releases every resource (a caching layer first writes its cache down). Idempotent. */
    void close();

    /** @return true if the data survives a restart without a changelog restore (RocksDB), false if in memory */
    boolean persistent();

    /** @return true between a successful {@link #init} and {@link #close()} */
    boolean isOpen();
}
