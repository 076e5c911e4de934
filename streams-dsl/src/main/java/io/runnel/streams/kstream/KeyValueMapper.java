package io.runnel.streams.kstream;

/**
 * Maps a record to a new value of any type: a new key ({@code selectKey}, {@code groupBy}), a new record
 * ({@code map}, returning a {@link io.runnel.streams.KeyValue}), several records ({@code flatMap}, returning an
 * {@code Iterable}) or a table key (GlobalKTable joins). Kafka's {@code KeyValueMapper}.
 *
 * @param <K>  the key type
 * @param <V>  the value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface KeyValueMapper<K, V, VR> {

    /**
     * @param key   the key, may be null
     * @param value the value, may be null
     * @return the result
     */
    VR apply(K key, V value);
}
