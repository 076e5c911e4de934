package io.runnel.connect.source;

import io.runnel.connect.storage.OffsetStorageReader;

import java.util.Map;

/** What the runtime offers a running {@link SourceTask}. Thread-safe. */
public interface SourceTaskContext {

    /** @return the task's configuration */
    Map<String, String> configs();

    /**
     * @return a reader of committed source offsets, for resuming where a previous run stopped (read it in
     *         {@link SourceTask#start}; offsets read later may lag what {@code poll} returned)
     */
    OffsetStorageReader offsetStorageReader();
}
