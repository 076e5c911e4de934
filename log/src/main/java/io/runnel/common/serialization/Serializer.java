package io.runnel.common.serialization;

import io.runnel.common.header.Headers;

import java.io.Closeable;
import java.util.Map;

/**
 * Turns a typed key or value into bytes for a record. Set on a producer by instance or by class name
 * ({@code key.serializer}, {@code value.serializer}); a class named in configuration needs a public no-argument
 * constructor and receives the client's configuration through {@link #configure}.
 *
 * <p>Implementations need not be thread-safe unless they are shared: each producer, store and task uses its own
 * instance from one thread at a time. Failures are thrown as
 * {@link io.runnel.common.errors.SerializationException}.
 *
 * @param <T> the type serialized
 */
public interface Serializer<T> extends Closeable {

    /**
     * Called once, before first use, when created from configuration.
     *
     * @param configs the client's configuration
     * @param isKey   whether this serializes keys (true) or values (false)
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /**
     * @param topic the topic the record goes to
     * @param data  the value, may be null
     * @return the bytes, or null for a null record key or value
     */
    byte[] serialize(String topic, T data);

    /**
     * @param topic   the topic the record goes to
     * @param headers the record's headers, which a serializer may add to
     * @param data    the value, may be null
     * @return the bytes, or null for a null record key or value
     */
    default byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    /** Releases resources; called once by the owner when it closes. */
    @Override
    default void close() {
    }
}
