package io.runnel.streams.kstream;

/**
 * Merges the aggregates of two sessions of one key that a new record connects. Kafka's {@code Merger}.
 *
 * @param <K> the key type
 * @param <V> the aggregate type
 */
@FunctionalInterface
public interface Merger<K, V> {

    /**
     * @param aggKey    the key
     * @param aggOne    the first aggregate
     * @param aggTwo    the second aggregate
     * @return the merged aggregate
     */
    V apply(K aggKey, V aggOne, V aggTwo);
}
