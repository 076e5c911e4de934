package io.runnel.streams;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.kstream.GlobalKTable;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.kstream.internals.ConsumedInternal;
import io.runnel.streams.kstream.internals.GlobalKTableImpl;
import io.runnel.streams.kstream.internals.InternalStreamsBuilder;
import io.runnel.streams.kstream.internals.KStreamImpl;
import io.runnel.streams.kstream.internals.KTableImpl;
import io.runnel.streams.kstream.internals.KTableValueGetterSupplier;
import io.runnel.streams.kstream.internals.MaterializedInternal;
import io.runnel.streams.kstream.internals.StoreFactory;
import io.runnel.streams.kstream.internals.graph.GlobalTableSourceNode;
import io.runnel.streams.kstream.internals.graph.StreamSourceNode;
import io.runnel.streams.kstream.internals.graph.TableSourceNode;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.StoreBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The entry point of the Streams DSL, as Kafka's {@code StreamsBuilder}: create streams, tables and global tables
 * from topics, chain operators on them, then {@link #build()} the {@link Topology} to run in {@link RunnelStreams}.
 *
 * <pre>{@code
 * StreamsBuilder builder = new StreamsBuilder();
 * KStream<String, String> orders = builder.stream("orders", Consumed.with(Serdes.String(), Serdes.String()));
 * KTable<String, String> addresses = builder.table("addresses", Consumed.with(Serdes.String(), Serdes.String()));
 * orders.join(addresses, (order, address) -> order + " send to " + address).to("shipments");
 * Topology topology = builder.build();
 * }</pre>
 *
 * <p>The DSL is a compiler: operators only add nodes to a logical graph; {@code build} writes the Processor API
 * topology once (stores, repartition topics, co-partitioning requirements). Operators get Kafka-style node names
 * ({@code KSTREAM-SOURCE-0000000000}) unless named; stores and internal topics of unnamed operators get stable
 * names that do not change when operators are added upstream ({@code docs/streams-dsl.md}).
 *
 * <p>Not thread-safe: build on one thread. A topic may be read by one source only ({@code TopologyException}).
 */
public class StreamsBuilder {

    private final InternalTopologyBuilder internalTopologyBuilder = new InternalTopologyBuilder();
    private final InternalStreamsBuilder internalStreamsBuilder = new InternalStreamsBuilder(internalTopologyBuilder);
    private Topology topology;
    private BuildContext builtWith;

    /** An empty builder. */
    public StreamsBuilder() {
    }

    /**
     * @param <K>   the key type
     * @param <V>   the value type
     * @param topic the topic, with the default serdes
     * @return a stream of its records
     */
    public synchronized <K, V> KStream<K, V> stream(String topic) {
        return stream(List.of(Objects.requireNonNull(topic, "topic can't be null")), null);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param topic    the topic
     * @param consumed serdes, timestamp extractor, reset policy, source name
     * @return a stream of its records
     */
    public synchronized <K, V> KStream<K, V> stream(String topic, Consumed<K, V> consumed) {
        return stream(List.of(Objects.requireNonNull(topic, "topic can't be null")),
                Objects.requireNonNull(consumed, "consumed can't be null"));
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param topics the topics, at least one
     * @return a stream of their records (order across topics follows timestamps)
     */
    public synchronized <K, V> KStream<K, V> stream(Collection<String> topics) {
        return stream(topics, null);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param topics   the topics, at least one
     * @param consumed serdes, timestamp extractor, reset policy, source name
     * @return a stream of their records
     * @throws TopologyException if no topic is given or a topic is already read
     */
    public synchronized <K, V> KStream<K, V> stream(Collection<String> topics, Consumed<K, V> consumed) {
        Objects.requireNonNull(topics, "topics can't be null");
        if (topics.isEmpty()) {
            throw new TopologyException("stream() needs at least one topic");
        }
        ConsumedInternal<K, V> c = new ConsumedInternal<>(consumed);
        String name = c.name() != null ? c.name() : internalStreamsBuilder.newProcessorName("KSTREAM-SOURCE");
        StreamSourceNode node = new StreamSourceNode(name, new ArrayList<>(topics), null, c);
        internalStreamsBuilder.addNode(node);
        return new KStreamImpl<>(internalStreamsBuilder, node, c.keySerde(), c.valueSerde(), Set.of(name),
                "stream:" + new TreeSet<>(topics), false);
    }

    /**
     * @param <K>     the key type
     * @param <V>     the value type
     * @param pattern matches whole topic names (topics created later are picked up at the next rebalance)
     * @return a stream of the matching topics' records
     */
    public synchronized <K, V> KStream<K, V> stream(Pattern pattern) {
        return stream(pattern, null);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param pattern  matches whole topic names
     * @param consumed serdes, timestamp extractor, reset policy, source name
     * @return a stream of the matching topics' records
     */
    public synchronized <K, V> KStream<K, V> stream(Pattern pattern, Consumed<K, V> consumed) {
        Objects.requireNonNull(pattern, "topicPattern can't be null");
        ConsumedInternal<K, V> c = new ConsumedInternal<>(consumed);
        String name = c.name() != null ? c.name() : internalStreamsBuilder.newProcessorName("KSTREAM-SOURCE");
        StreamSourceNode node = new StreamSourceNode(name, null, pattern, c);
        internalStreamsBuilder.addNode(node);
        return new KStreamImpl<>(internalStreamsBuilder, node, c.keySerde(), c.valueSerde(), Set.of(name),
                "pattern:" + pattern.pattern(), false);
    }

    /**
     * A table over a changelog topic: each record upserts its key, a null value deletes it. Stateful: the table is
     * kept in a timestamped key-value store (named {@code <generated>} unless given), logged to
     * {@code <application.id>-<store>-changelog}, or with {@code topology.optimization=reuse.ktable.source.topics}
     * restored from the topic itself.
     *
     * @param <K>   the key type
     * @param <V>   the value type
     * @param topic the topic
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic) {
        return table(topic, null, null);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param topic    the topic
     * @param consumed serdes, timestamp extractor, reset policy, source name
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed) {
        return table(topic, Objects.requireNonNull(consumed, "consumed can't be null"), null);
    }

    /**
     * @param <K>          the key type
     * @param <V>          the value type
     * @param topic        the topic
     * @param materialized the store (name, serdes, logging, caching)
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic,
                                                  Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return table(topic, null, Objects.requireNonNull(materialized, "materialized can't be null"));
    }

    /**
     * @param <K>          the key type
     * @param <V>          the value type
     * @param topic        the topic
     * @param consumed     serdes, timestamp extractor, reset policy, source name (or null)
     * @param materialized the store (or null); its serdes win over {@code consumed}'s for the store
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed,
                                                  Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(topic, "topic can't be null");
        ConsumedInternal<K, V> c = new ConsumedInternal<>(consumed);
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized,
                internalStreamsBuilder, "KTABLE-SOURCE-STATE-STORE", "table:" + topic);
        Serde<K> ks = m.keySerde() != null ? m.keySerde() : c.keySerde();
        Serde<V> vs = m.valueSerde() != null ? m.valueSerde() : c.valueSerde();
        ConsumedInternal<K, V> withSerdes = new ConsumedInternal<>(Consumed.with(ks, vs, c.timestampExtractor(),
                c.offsetResetPolicy()));
        String sourceName = c.name() != null ? c.name() : internalStreamsBuilder.newProcessorName("KSTREAM-SOURCE");
        String processorName = internalStreamsBuilder.newProcessorName("KTABLE-SOURCE");
        TableSourceNode node = new TableSourceNode(sourceName, processorName, topic, withSerdes,
                KTableImpl.sourceProcessor(m.storeName()), StoreFactory.timestampedKeyValue(m, ks, vs),
                m.loggingEnabled());
        internalStreamsBuilder.addNode(node);
        return new KTableImpl<>(internalStreamsBuilder, node, ks, vs, Set.of(sourceName), "state:" + m.storeName(),
                m.queryableStoreName(), KTableValueGetterSupplier.ofStore(m.storeName()), null);
    }

    /**
     * A table every instance holds completely, loaded from all partitions of the topic before processing starts.
     * Stateful (a timestamped store under the global state directory, restored from the topic itself, so without
     * changelog).
     *
     * @param <K>   the key type
     * @param <V>   the value type
     * @param topic the topic
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic) {
        return globalTable(topic, null, null);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param topic    the topic
     * @param consumed serdes, timestamp extractor, source name
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed) {
        return globalTable(topic, Objects.requireNonNull(consumed, "consumed can't be null"), null);
    }

    /**
     * @param <K>          the key type
     * @param <V>          the value type
     * @param topic        the topic
     * @param materialized the store (name, serdes, type)
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(
            String topic, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return globalTable(topic, null, Objects.requireNonNull(materialized, "materialized can't be null"));
    }

    /**
     * @param <K>          the key type
     * @param <V>          the value type
     * @param topic        the topic
     * @param consumed     serdes, timestamp extractor, source name (or null)
     * @param materialized the store (or null)
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(
            String topic, Consumed<K, V> consumed, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(topic, "topic can't be null");
        ConsumedInternal<K, V> c = new ConsumedInternal<>(consumed);
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized,
                internalStreamsBuilder, "KTABLE-SOURCE-STATE-STORE", "global:" + topic);
        Serde<K> ks = m.keySerde() != null ? m.keySerde() : c.keySerde();
        Serde<V> vs = m.valueSerde() != null ? m.valueSerde() : c.valueSerde();
        ConsumedInternal<K, V> withSerdes = new ConsumedInternal<>(Consumed.with(ks, vs, c.timestampExtractor(),
                c.offsetResetPolicy()));
        String sourceName = c.name() != null ? c.name() : internalStreamsBuilder.newProcessorName("KSTREAM-SOURCE");
        String processorName = internalStreamsBuilder.newProcessorName("KTABLE-SOURCE");
        GlobalTableSourceNode node = new GlobalTableSourceNode(sourceName, processorName, topic, withSerdes,
                KTableImpl.globalSourceProcessor(m.storeName()),
                StoreFactory.withCachingDisabled(StoreFactory.timestampedKeyValue(m, ks, vs)), false);
        internalStreamsBuilder.addNode(node);
        return new GlobalKTableImpl<>(m.storeName());
    }

    /**
     * Adds a store for {@code KStream.process} and {@code processValues} operators, which name it.
     *
     * @param builder the store's builder
     * @return this builder
     * @throws TopologyException if a store of that name was already added
     */
    public synchronized StreamsBuilder addStateStore(StoreBuilder<?> builder) {
        internalStreamsBuilder.addStateStore(builder);
        return this;
    }

    /**
     * Adds a global store updated by a processor from every partition of a topic, as Kafka's
     * {@code StreamsBuilder.addGlobalStore}. The store's logging is turned off (the topic is its changelog); on
     * start the processor re-processes the topic to restore it.
     *
     * @param <K>              the key type
     * @param <V>              the value type
     * @param storeBuilder     the store
     * @param topic            the topic
     * @param consumed         serdes and timestamp extractor
     * @param stateUpdateSupplier the processor updating the store
     * @return this builder
     */
    public synchronized <K, V> StreamsBuilder addGlobalStore(StoreBuilder<?> storeBuilder, String topic,
                                                             Consumed<K, V> consumed,
                                                             ProcessorSupplier<K, V, Void, Void> stateUpdateSupplier) {
        Objects.requireNonNull(storeBuilder, "storeBuilder can't be null");
        Objects.requireNonNull(topic, "topic can't be null");
        Objects.requireNonNull(stateUpdateSupplier, "stateUpdateSupplier can't be null");
        ConsumedInternal<K, V> c = new ConsumedInternal<>(Objects.requireNonNull(consumed, "consumed can't be null"));
        String sourceName = c.name() != null ? c.name() : internalStreamsBuilder.newProcessorName("KSTREAM-SOURCE");
        String processorName = internalStreamsBuilder.newProcessorName("KTABLE-SOURCE");
        StoreFactory store = new StoreFactory() {
            @Override
            public String name() {
                return storeBuilder.name();
            }

            @Override
            public StoreBuilder<?> build(BuildContext ctx) {
                return storeBuilder;
            }
        };
        internalStreamsBuilder.addNode(new GlobalTableSourceNode(sourceName, processorName, topic, c,
                stateUpdateSupplier, store, true));
        return this;
    }

    /**
     * Compiles the DSL into a topology with the defaults: RocksDB stores, no optimization.
     *
     * @return the topology (the same object on later calls)
     * @throws TopologyException if the topology is invalid (for example nothing was defined)
     */
    public synchronized Topology build() {
        return build(null);
    }

    /**
     * Compiles the DSL into a topology with the settings the compiler reads: {@code default.dsl.store}
     * ({@code rocksDB} or {@code in_memory}) and {@code topology.optimization} ({@code none}, {@code all},
     * {@code reuse.ktable.source.topics}, {@code merge.repartition.topics}). Other properties are ignored here.
     *
     * @param props application properties, or null for the defaults
     * @return the topology
     * @throws TopologyException     if the topology is invalid
     * @throws IllegalStateException if it was already built with other settings
     */
    public synchronized Topology build(Properties props) {
        BuildContext ctx = BuildContext.from(props);
        if (topology != null) {
            if (!ctx.equals(builtWith)) {
                throw new IllegalStateException("This StreamsBuilder was already built with " + builtWith
                        + "; build it once, or use a new StreamsBuilder for other settings");
            }
            return topology;
        }
        internalStreamsBuilder.build(ctx);
        builtWith = ctx;
        topology = new Topology(internalTopologyBuilder);
        return topology;
    }
}
