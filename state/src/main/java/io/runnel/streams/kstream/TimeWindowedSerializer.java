package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Serializes a time-windowed key in Kafka's layout ({@code TimeWindowedSerializer}):
 * <pre>
 * +----------------------------+-----------------------------+
 * | inner key bytes (n bytes)  | window start, int64 BE (8)  |
 * +----------------------------+-----------------------------+
 * </pre>
 * The window end is not written; the deserializer needs the window size. Thread-safe if the inner serializer is.
 *
 * @param <T> the inner key type
 */
public class TimeWindowedSerializer<T> implements Serializer<Windowed<T>> {

    private final Serializer<T> inner;

    /** @param inner the serializer of the key, not null */
    public TimeWindowedSerializer(Serializer<T> inner) {
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
            throw new IllegalArgumentException("Inner serializer returned null for windowed key " + data
                    + "; windowed keys must serialize to non-null bytes");
        }
        return ByteBuffer.allocate(key.length + Long.BYTES).put(key).putLong(data.window().start()).array();
    }

    @Override
    public void close() {
        inner.close();
    }
}
