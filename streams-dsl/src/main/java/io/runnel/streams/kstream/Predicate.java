package io.runnel.streams.kstream;

/**
 * Tests a record: {@code filter}, {@code filterNot} and {@code split().branch}. Kafka's {@code Predicate}.
 * Implementations should be stateless and side-effect free; they run on stream threads, one call at a time per task.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Predicate<K, V> {

    /**
     * @param key   the key, may be null
     * @param value the value, may be null
     * @return true if the record satisfies the predicate
     */
    boolean test(K key, V value);
}
