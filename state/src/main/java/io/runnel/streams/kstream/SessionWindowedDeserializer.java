package io.runnel.streams.kstream;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.streams.kstream.internals.SessionWindow;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a session-windowed key written by {@link SessionWindowedSerializer}: the inner key, an 8-byte session end
 * and an 8-byte session start, big-endian. Thread-safe if the inner deserializer is.
 *
 * @param <T> the inner key type
 */
public class SessionWindowedDeserializer<T> implements Deserializer<Windowed<T>> {

    private final Deserializer<T> inner;

    /** @param inner the deserializer of the key, not null */
    public SessionWindowedDeserializer(Deserializer<T> inner) {
        this.inner = Objects.requireNonNull(inner, "inner deserializer");
    }

    /**
     * @throws SerializationException if the data is shorter than 16 bytes or the end precedes the start
     */
    @Override
    public Windowed<T> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 2 * Long.BYTES) {
            throw new SerializationException("Session-windowed key has " + data.length
                    + " bytes; expected the key followed by an 8-byte end and an 8-byte start");
        }
        int keyLength = data.length - 2 * Long.BYTES;
        ByteBuffer buf = ByteBuffer.wrap(data);
        long end = buf.getLong(keyLength);
        long start = buf.getLong(keyLength + Long.BYTES);
        if (start < 0 || end < start) {
            throw new SerializationException("Session-windowed key has start " + start + " and end " + end
                    + "; expected 0 <= start <= end");
        }
        return new Windowed<>(inner.deserialize(topic, Arrays.copyOfRange(data, 0, keyLength)),
                new SessionWindow(start, end));
    }

    @Override
    public void close() {
        inner.close();
    }
}
