package io.runnel.connect.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps offsets in memory (lost on exit); the base of {@link FileOffsetBackingStore} and a store for tests.
 * Thread-safe.
 */
public class MemoryOffsetBackingStore implements OffsetBackingStore {

    /** The offsets; guarded by {@code this}. */
    protected final Map<ByteBuffer, ByteBuffer> data = new HashMap<>();

    /** Creates an empty store. */
    public MemoryOffsetBackingStore() {
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public synchronized CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        Map<ByteBuffer, ByteBuffer> result = new HashMap<>();
        for (ByteBuffer key : keys) {
            ByteBuffer value = data.get(key);
            if (value != null) {
                result.put(key, value.asReadOnlyBuffer());
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public synchronized CompletableFuture<Map<ByteBuffer, ByteBuffer>> getAll() {
        Map<ByteBuffer, ByteBuffer> result = new HashMap<>();
        data.forEach((k, v) -> result.put(k.asReadOnlyBuffer(), v.asReadOnlyBuffer()));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
        synchronized (this) {
            Map<ByteBuffer, ByteBuffer> before = new HashMap<>(data);
            apply(values);
            try {
                save();
            } catch (RuntimeException e) {
                data.clear();
                data.putAll(before);
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void apply(Map<ByteBuffer, ByteBuffer> values) {
        values.forEach((k, v) -> {
            if (v == null) {
                data.remove(k);
            } else {
                data.put(copy(k), copy(v));
            }
        });
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer dup = b.duplicate();
        byte[] bytes = new byte[dup.remaining()];
        dup.get(bytes);
        return ByteBuffer.wrap(bytes);
    }

    /** Makes {@link #data} durable; called with the lock held after each change. Does nothing here. */
    protected void save() {
    }
}
