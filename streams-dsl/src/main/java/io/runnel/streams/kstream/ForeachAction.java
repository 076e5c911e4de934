package io.runnel.streams.kstream;

/**
 * A side effect per record: {@code foreach} and {@code peek}. Kafka's {@code ForeachAction}. Runs on the stream
 * thread inside processing, so a slow action slows the task; exceptions go to the processing exception handler.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface ForeachAction<K, V> {

    /**
     * @param key   the key, may be null
     * @param value the value, may be null
     */
    void apply(K key, V value);
}
