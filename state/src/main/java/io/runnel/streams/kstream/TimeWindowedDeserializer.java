package io.runnel.streams.kstream;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.streams.kstream.internals.TimeWindow;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a time-windowed key written by {@link TimeWindowedSerializer}: the inner key, then an 8-byte big-endian
 * window start; the end is start + window size (clamped to {@code Long.MAX_VALUE}). Thread-safe if the inner
 * deserializer is.
 *
 * @param <T> the inner key type
 */
public class TimeWindowedDeserializer<T> implements Deserializer<Windowed<T>> {

    private final Deserializer<T> inner;
    private final long windowSizeMs;

    /**
     * @param inner        the deserializer of the key, not null
     * @param windowSizeMs the window size in ms, positive
     * @throws IllegalArgumentException if the window size is not positive
     */
    public TimeWindowedDeserializer(Deserializer<T> inner, long windowSizeMs) {
        this.inner = Objects.requireNonNull(inner, "inner deserializer");
        if (windowSizeMs <= 0) {
            throw new IllegalArgumentException("Window size must be positive (ms), got " + windowSizeMs);
        }
        this.windowSizeMs = windowSizeMs;
    }

    /**
     * @throws SerializationException if the data is shorter than the 8-byte window start
     */
    @Override
    public Windowed<T> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < Long.BYTES) {
            throw new SerializationException("Time-windowed key has " + data.length
                    + " bytes; expected the key followed by an 8-byte window start");
        }
        int keyLength = data.length - Long.BYTES;
        T key = inner.deserialize(topic, Arrays.copyOfRange(data, 0, keyLength));
        long start = ByteBuffer.wrap(data).getLong(keyLength);
        return new Windowed<>(key, TimeWindow.forSize(start, windowSizeMs));
    }

    @Override
    public void close() {
        inner.close();
    }
}
