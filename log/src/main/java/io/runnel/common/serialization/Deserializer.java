package io.runnel.common.serialization;

import io.runnel.common.header.Headers;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Turns record bytes back into a typed key or value; the mirror of {@link Serializer}. Set on a consumer by
 * instance or class name ({@code key.deserializer}, {@code value.deserializer}).
 *
 * <p>Failures are thrown as {@link io.runnel.common.errors.SerializationException}; a consumer turns them into a
 * {@code RecordDeserializationException} naming the topic, partition and offset.
 *
 * @param <T> the type produced
 */
public interface Deserializer<T> extends Closeable {

    /**
     * Called once, before first use, when created from configuration.
     *
     * @param configs the client's configuration
     * @param isKey   whether this deserializes keys (true) or values (false)
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /**
     * @param topic the topic the record came from
     * @param data  the bytes, may be null
     * @return the value, or null for null bytes (unless the format says otherwise)
     */
    T deserialize(String topic, byte[] data);

    /**
     * @param topic   the topic the record came from
     * @param headers the record's headers
     * @param data    the bytes, may be null
     * @return the value
     */
    default T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    /**
     * Deserializes from a buffer without forcing a copy; the default copies the remaining bytes.
     * The buffer's position is not changed.
     *
     * @param topic   the topic the record came from
     * @param headers the record's headers
     * @param data    the bytes between position and limit, may be null
     * @return the value
     */
    default T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return deserialize(topic, headers, (byte[]) null);
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return deserialize(topic, headers, copy);
    }

    /** Releases resources; called once by the owner when it closes. */
    @Override
    default void close() {
    }
}
