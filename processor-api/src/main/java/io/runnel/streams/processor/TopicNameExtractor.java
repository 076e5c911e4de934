package io.runnel.streams.processor;

/**
 * Chooses a sink's output topic per record (Kafka's {@code TopicNameExtractor}). The topic must exist (Runnel, like
 * Kafka, does not create topics for dynamic sinks).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface TopicNameExtractor<K, V> {

    /**
     * @param key           the record key
     * @param value         the record value
     * @param recordContext where the record being processed came from
     * @return the topic name, not null
     */
    String extract(K key, V value, RecordContext recordContext);
}
