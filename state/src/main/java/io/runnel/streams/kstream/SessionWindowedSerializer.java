package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Serializes a session-windowed key in Kafka's layout ({@code SessionWindowedSerializer}, Kafka's
 * {@code SessionKeySchema}):
 * <pre>
 * +---------------------------+--------------------------+----------------------------+
 * | inner key bytes (n bytes) | session end, int64 BE (8)| session start, int64 BE (8)|
 * +---------------------------+--------------------------+----------------------------+
 * </pre>
 * Thread-safe if the inner serializer is.
 *
 * @param <T> the inner key type
 */
public class SessionWindowedSerializer<T> implements Serializer<Windowed<T>> {

    private final Serializer<T> inner;

    /** @param inner the serializer of the key, not null */
    public SessionWindowedSerializer(Serializer<T> inner) {
        this.inner = Objects.requireNonNull(inner, "inner serializer");
    }

    /**
     * @throws IllegalArgumentException if the inner serializer returns null for the key
     */
    @Override
    public byte[] serialize(String topic, Windowed<T> data) {
        if (data == null) {
            return null;
        }
        byte[] key = inner.serialize(topic, data.key());
        if (key == null) {
            throw new IllegalArgumentException("Inner serializer returned null for session key " + data
                    + "; windowed keys must serialize to non-null bytes");
        }
        return ByteBuffer.allocate(key.length + 2 * Long.BYTES).put(key).putLong(data.window().end())
                .putLong(data.window().start()).array();
    }

    @Override
    public void close() {
        inner.close();
    }
}
