package io.runnel.streams.kstream;

/**
 * Creates the starting aggregate of a new key, window or session. Kafka's {@code Initializer}.
 *
 * @param <VA> the aggregate type
 */
@FunctionalInterface
public interface Initializer<VA> {

    /** @return a new starting aggregate (a new object each call if the aggregate is mutable) */
    VA apply();
}
