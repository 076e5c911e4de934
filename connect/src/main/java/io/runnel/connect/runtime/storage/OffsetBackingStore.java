package io.runnel.connect.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stores source offsets as opaque bytes, as Kafka Connect's {@code OffsetBackingStore}: keys are the serialized
 * {@code [connector, sourcePartition]} pairs and values the serialized offsets ({@link OffsetUtils} writes both,
 * as JSON in the layout Kafka's offsets topic uses). Implementations: {@link MemoryOffsetBackingStore} and the
 * standalone {@link FileOffsetBackingStore}; a topic-backed store for distributed mode implements the same
 * interface later.
 *
 * <p>Thread-safe: tasks read while the worker writes.
 */
public interface OffsetBackingStore {

    /** Loads stored offsets; call once before use. */
    void start();

    /** Releases resources; later calls fail. */
    void stop();

    /**
     * @param keys serialized keys
     * @return the stored value of each key that has one
     */
    CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys);

    /**
     * @return every stored key and value (for listing a connector's offsets)
     */
    CompletableFuture<Map<ByteBuffer, ByteBuffer>> getAll();

    /**
     * Stores values; a null value deletes its key. The future completes once the values are durable (for the
     * file store: written and renamed into place).
     *
     * @param values serialized keys and values
     * @return completes when durable, or exceptionally when the write failed (nothing of it is then applied)
     */
    CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values);
}
