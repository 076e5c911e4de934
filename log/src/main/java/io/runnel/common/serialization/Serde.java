package io.runnel.common.serialization;

import java.io.Closeable;
import java.util.Map;

/**
 * A {@link Serializer} and {@link Deserializer} pair for one type, as Streams and stores take them
 * ({@code default.key.serde}, {@code Consumed.with(...)}, {@code Materialized.withValueSerde(...)}).
 * Ready-made ones are in {@link Serdes}.
 *
 * @param <T> the type
 */
public interface Serde<T> extends Closeable {

    /**
     * Configures both halves.
     *
     * @param configs the configuration
     * @param isKey   whether this serde handles keys
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
        serializer().configure(configs, isKey);
        deserializer().configure(configs, isKey);
    }

    /** Closes both halves. */
    @Override
    default void close() {
        serializer().close();
        deserializer().close();
    }

    /** @return the serializer (the same instance on every call) */
    Serializer<T> serializer();

    /** @return the deserializer (the same instance on every call) */
    Deserializer<T> deserializer();
}
