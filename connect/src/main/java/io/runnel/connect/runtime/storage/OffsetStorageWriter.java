package io.runnel.connect.runtime.storage;

import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.DataException;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects the latest source offset of each source partition of one connector and writes them to an {@link
 * OffsetBackingStore} in flushes, as Kafka Connect's {@code OffsetStorageWriter}.
 *
 * <h2>Design</h2>
 * The writer only stores offsets handed to it with {@link #offset}: the worker hands it a record's offset once
 * the log acknowledged the record (and every earlier record of its partition), so a stored offset never runs
 * ahead of the data. A flush is two steps so that new offsets can keep arriving while one is written: {@link
 * #beginFlush()} snapshots the pending offsets, {@link #doFlush()} writes the snapshot. If the write fails the
 * snapshot goes back under any newer offsets, to be retried by the next flush; {@link #cancelFlush()} does the
 * same for a flush the worker abandons (for example after {@code offset.flush.timeout.ms}).
 *
 * <p>Thread-safe: tasks' producer callbacks call {@link #offset} while the worker thread flushes.
 */
public class OffsetStorageWriter {

    private final OffsetBackingStore store;
    private final String connector;
    private Map<Map<String, Object>, Map<String, Object>> data = new LinkedHashMap<>();
    private Map<Map<String, Object>, Map<String, Object>> toFlush;
    private long flushId;

    /**
     * @param store     the store
     * @param connector the connector whose offsets are written
     */
    public OffsetStorageWriter(OffsetBackingStore store, String connector) {
        this.store = store;
        this.connector = connector;
    }

    /**
     * Records the latest offset of a source partition (replacing an earlier one not yet flushed).
     *
     * @param partition the source partition, not null
     * @param offset    its offset; null deletes the stored offset
     * @throws DataException if either map holds something other than string keys and primitive values
     */
    public synchronized void offset(Map<String, ?> partition, Map<String, ?> offset) {
        if (partition == null) {
            throw new DataException("A source offset needs a source partition; records without one store no offset");
        }
        OffsetUtils.validateFormat(partition);
        OffsetUtils.validateFormat(offset);
        data.put(new HashMap<>(partition), offset == null ? null : new HashMap<>(offset));
    }

    /**
     * Snapshots the pending offsets for {@link #doFlush()}.
     *
     * @return false when there is nothing to flush
     * @throws ConnectException if a flush is already in progress
     */
    public synchronized boolean beginFlush() {
        if (toFlush != null) {
            throw new ConnectException("OffsetStorageWriter of connector " + connector + " is already flushing");
        }
        if (data.isEmpty()) {
            return false;
        }
        toFlush = data;
        data = new LinkedHashMap<>();
        return true;
    }

    /**
     * Writes the snapshot taken by {@link #beginFlush()}.
     *
     * @return completes when the offsets are durable, or exceptionally if the write failed (the offsets are then
     *         pending again)
     * @throws ConnectException if {@link #beginFlush()} was not called first
     */
    public CompletableFuture<Void> doFlush() {
        long id;
        Map<ByteBuffer, ByteBuffer> serialized = new HashMap<>();
        synchronized (this) {
            if (toFlush == null) {
                throw new ConnectException("doFlush() without beginFlush() for connector " + connector);
            }
            id = flushId;
            try {
                toFlush.forEach((partition, offset) -> serialized.put(OffsetUtils.key(connector, partition),
                        OffsetUtils.value(offset)));
            } catch (RuntimeException e) {
                cancelFlush();
                return CompletableFuture.failedFuture(e);
            }
        }
        return store.set(serialized).whenComplete((ignored, error) -> {
            synchronized (this) {
                if (id != flushId) {
                    return;
                }
                if (error != null) {
                    cancelFlush();
                } else {
                    toFlush = null;
                    flushId++;
                }
            }
        });
    }

    /** Abandons the flush in progress: its offsets become pending again, under any newer ones. */
    public synchronized void cancelFlush() {
        if (toFlush == null) {
            return;
        }
        toFlush.putAll(data);
        data = toFlush;
        toFlush = null;
        flushId++;
    }

    /** @return whether offsets are waiting for a flush */
    public synchronized boolean hasPendingOffsets() {
        return !data.isEmpty();
    }
}
