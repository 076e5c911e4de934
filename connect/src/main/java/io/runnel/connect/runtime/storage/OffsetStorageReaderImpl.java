package io.runnel.connect.runtime.storage;

import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.storage.OffsetStorageReader;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The {@link OffsetStorageReader} of one connector and its tasks: reads that connector's offsets from an {@link
 * OffsetBackingStore}. Thread-safe.
 */
public class OffsetStorageReaderImpl implements OffsetStorageReader {

    private final OffsetBackingStore store;
    private final String connector;
    private volatile boolean closed;

    /**
     * @param store     the store
     * @param connector the connector whose offsets are read
     */
    public OffsetStorageReaderImpl(OffsetBackingStore store, String connector) {
        this.store = store;
        this.connector = connector;
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets(List.of(partition)).get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        if (closed) {
            throw new ConnectException("Offset reader of connector " + connector + " is closed: the task is stopping");
        }
        Map<ByteBuffer, Map<String, T>> keys = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            OffsetUtils.validateFormat(partition);
            keys.put(OffsetUtils.key(connector, partition), partition);
        }
        Map<ByteBuffer, ByteBuffer> raw;
        try {
            raw = store.get(keys.keySet()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading offsets of connector " + connector, e);
        } catch (ExecutionException e) {
            throw new ConnectException("Failed to read offsets of connector " + connector + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        raw.forEach((key, value) -> result.put(keys.get(key), OffsetUtils.readValue(value)));
        return result;
    }

    /** Makes later reads fail (the task is stopping). */
    public void close() {
        closed = true;
    }
}
