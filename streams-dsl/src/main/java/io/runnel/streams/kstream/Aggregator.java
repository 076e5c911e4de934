package io.runnel.streams.kstream;

/**
 * Adds a record's value to the aggregate of its key (and, for KTables, removes an old one: the subtractor).
 * Kafka's {@code Aggregator}. Should return a new object or the given aggregate updated; the result is written to
 * the store right after the call.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VA> the aggregate type
 */
@FunctionalInterface
public interface Aggregator<K, V, VA> {

    /**
     * @param key       the key, not null
     * @param value     the value, not null
     * @param aggregate the current aggregate (the {@link Initializer}'s result for a new key or window)
     * @return the new aggregate
     */
    VA apply(K key, V value, VA aggregate);
}
