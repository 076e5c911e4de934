package io.runnel.streams.processor;

import io.runnel.streams.state.StateStoreResources;

import java.io.File;
import java.util.Map;

/**
 * The runtime as a state store sees it: the seam between the state module and the Streams runtime. The runtime
 * implements it once per task; {@link MockStateStoreContext} implements it for tests. A store knows nothing about
 * topics or clients: everything it needs from the runtime goes through these methods.
 *
 * <p>All methods are called on the task's thread, except {@link #resources()} whose result is shared by every task
 * of the application instance.
 */
public interface StateStoreContext {

    /** @return the {@code application.id} */
    String applicationId();

    /** @return the task that owns the stores */
    TaskId taskId();

    /**
     * @return the task's state directory {@code <state.dir>/<application.id>/<task>/}; it exists. Persistent stores
     *         create their own sub-directory named after the store in it.
     */
    File stateDir();

    /** @return the application's configuration (all of it, with Kafka's names); not modifiable */
    Map<String, Object> appConfigs();

    /**
     * Registers a store with the runtime, which will restore it from its changelog (if it is logged) by calling
     * {@code restoreCallback} before the task processes, and will flush, checkpoint and close it with the task.
     * Called by the innermost store from {@link StateStore#init}.
     *
     * @param store           the outermost store of the stack (the {@code root} given to {@code init})
     * @param restoreCallback how to apply changelog records; a {@link RecordBatchingStateRestoreCallback} or a
     *                        {@link BatchingStateRestoreCallback} is given whole batches
     * @throws IllegalArgumentException if a store of that name is already registered in the task
     */
    void register(StateStore store, StateRestoreCallback restoreCallback);

    /**
     * The change-logging hook of a logged store: every put and delete of the store is handed to the returned
     * logger, which the runtime sends to the compacted topic {@code <application.id>-<store>-changelog}, partition
     * {@link TaskId#partition()}. Called once by the change-logging layer during {@code init}.
     *
     * @param storeName the store's name
     * @return the logger; never null
     * @throws IllegalStateException if the runtime has no changelog for that store (logging disabled in the
     *                               topology but enabled on the store)
     */
    ChangeLogger changeLogger(String storeName);

    /**
     * @return the timestamp (ms) of the record being processed, which change logging writes with key-value and
     *         window puts; -1 outside processing (during restoration or punctuation without a record)
     */
    long recordTimestamp();

    /**
     * @return the resources shared by every store of the application instance: the record cache
     *         ({@code statestore.cache.max.bytes}) and the RocksDB memory budget. Created once per instance by the
     *         runtime with {@link StateStoreResources#create(Map)} and closed by it after every store is closed.
     */
    StateStoreResources resources();
}
