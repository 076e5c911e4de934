package io.runnel.streams.kstream;

/**
 * A table every application instance holds completely, as Kafka's {@code GlobalKTable}: loaded from all partitions
 * of its topic before processing starts and kept up to date by the global thread. Streams join it by any key they
 * compute ({@code KStream.join(GlobalKTable, KeyValueMapper, ValueJoiner)}) without repartitioning or
 * co-partitioning. Its updates do not trigger joins.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface GlobalKTable<K, V> {

    /** @return the name of its store, queryable through {@code RunnelStreams.store} */
    String queryableStoreName();
}
