package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Aggregator;
import io.runnel.streams.kstream.Initializer;
import io.runnel.streams.kstream.KGroupedTable;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.KeyValueMapper;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Reducer;
import io.runnel.streams.kstream.internals.graph.GraphNode;
import io.runnel.streams.kstream.internals.graph.ProcessorGraphNode;
import io.runnel.streams.kstream.internals.graph.RepartitionNode;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

import java.util.Objects;
import java.util.Set;

/**
 * The DSL's {@link KGroupedTable}: the select node maps every change to its old and new group, a repartition topic
 * carries the changes ({@link ChangeSerde}) to the group's task, and the aggregate node subtracts the old value and
 * adds the new one.
 *
 * @param <K> the group key type
 * @param <V> the value type
 */
final class KGroupedTableImpl<K, V> implements KGroupedTable<K, V> {

    private final InternalStreamsBuilder builder;
    private final GraphNode selectNode;
    private final GroupedInternal<K, V> grouped;
    private final String anchor;

    KGroupedTableImpl(InternalStreamsBuilder builder, GraphNode selectNode, GroupedInternal<K, V> grouped,
                      String anchor) {
        this.builder = builder;
        this.selectNode = selectNode;
        this.grouped = grouped;
        this.anchor = anchor;
    }

    /**
     * The select node of {@code KTable.groupBy}: each change goes to its old group as a removal and to its new group
     * as an addition, in one record when the group is the same. Rows mapped to a null group key are dropped.
     *
     * @param <K>      the table key type
     * @param <V>      the table value type
     * @param <KR>     the group key type
     * @param <VR>     the grouped value type
     * @param selector maps a row to its group
     * @return the supplier
     */
    static <K, V, KR, VR> ProcessorSupplier<K, Change<V>, KR, Change<VR>> repartitionMap(
            KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector) {
        return () -> new ContextualProcessor<>() {
            private DroppedRecords dropped;

            @Override
            public void init(ProcessorContext<KR, Change<VR>> context) {
                super.init(context);
                dropped = new DroppedRecords(context);
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                Change<V> change = record.value();
                KeyValue<KR, VR> newPair = change.newValue() == null ? null
                        : Objects.requireNonNull(selector.apply(record.key(), change.newValue()),
                        "the selector of KTable.groupBy returned null");
                KeyValue<KR, VR> oldPair = change.oldValue() == null ? null
                        : Objects.requireNonNull(selector.apply(record.key(), change.oldValue()),
                        "the selector of KTable.groupBy returned null");
                if (newPair != null && newPair.key == null) {
                    dropped.drop("null group key in KTable.groupBy", record);
                    newPair = null;
                }
                if (oldPair != null && oldPair.key == null) {
                    oldPair = null;
                }
                if (newPair != null && oldPair != null && newPair.key.equals(oldPair.key)) {
                    context().forward(record.withKey(newPair.key).withValue(new Change<>(newPair.value,
                            oldPair.value)));
                    return;
                }
                if (oldPair != null) {
                    context().forward(record.withKey(oldPair.key).withValue(new Change<VR>(null, oldPair.value)));
                }
                if (newPair != null) {
                    context().forward(record.withKey(newPair.key).withValue(new Change<VR>(newPair.value, null)));
                }
            }
        };
    }

    /** Adds and removes values. */
    private interface TableLogic<K, V, VA> {
        VA add(K key, V value, VA current);

        VA subtract(K key, V value, VA current);
    }

    @Override
    public KTable<K, Long> count() {
        return count(NamedInternal.of((Named) null), null);
    }

    @Override
    public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        return count(NamedInternal.of((Named) null), Objects.requireNonNull(materialized, "materialized can't be null"));
    }

    @Override
    public KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        return count(NamedInternal.of(Objects.requireNonNull(named, "named can't be null")), materialized);
    }

    private KTable<K, Long> count(NamedInternal named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> m) {
        return doAggregate(new TableLogic<K, V, Long>() {
            @Override
            public Long add(K key, V value, Long current) {
                return (current == null ? 0L : current) + 1L;
            }

            @Override
            public Long subtract(K key, V value, Long current) {
                return current - 1L;
            }
        }, named, m, "KTABLE-AGGREGATE", "count", Serdes.Long());
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor) {
        return reduce(adder, subtractor, NamedInternal.of((Named) null), null);
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return reduce(adder, subtractor, NamedInternal.of((Named) null),
                Objects.requireNonNull(materialized, "materialized can't be null"));
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Named named,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return reduce(adder, subtractor, NamedInternal.of(Objects.requireNonNull(named, "named can't be null")),
                materialized);
    }

    private KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, NamedInternal named,
                                Materialized<K, V, KeyValueStore<Bytes, byte[]>> m) {
        Objects.requireNonNull(adder, "adder can't be null");
        Objects.requireNonNull(subtractor, "subtractor can't be null");
        return doAggregate(new TableLogic<K, V, V>() {
            @Override
            public V add(K key, V value, V current) {
                return current == null ? value : adder.apply(current, value);
            }

            @Override
            public V subtract(K key, V value, V current) {
                return subtractor.apply(current, value);
            }
        }, named, m, "KTABLE-REDUCE", "reduce", grouped.valueSerde());
    }

    @Override
    public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
                                        Aggregator<? super K, ? super V, VR> subtractor) {
        return aggregate(initializer, adder, subtractor, NamedInternal.of((Named) null), null);
    }

    @Override
    public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
                                        Aggregator<? super K, ? super V, VR> subtractor,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return aggregate(initializer, adder, subtractor, NamedInternal.of((Named) null),
                Objects.requireNonNull(materialized, "materialized can't be null"));
    }

    @Override
    public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
                                        Aggregator<? super K, ? super V, VR> subtractor, Named named,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return aggregate(initializer, adder, subtractor,
                NamedInternal.of(Objects.requireNonNull(named, "named can't be null")), materialized);
    }

    private <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
                                         Aggregator<? super K, ? super V, VR> subtractor, NamedInternal named,
                                         Materialized<K, VR, KeyValueStore<Bytes, byte[]>> m) {
        Objects.requireNonNull(initializer, "initializer can't be null");
        Objects.requireNonNull(adder, "adder can't be null");
        Objects.requireNonNull(subtractor, "subtractor can't be null");
        return doAggregate(new TableLogic<K, V, VR>() {
            @Override
            public VR add(K key, V value, VR current) {
                return adder.apply(key, value, current == null ? initializer.apply() : current);
            }

            @Override
            public VR subtract(K key, V value, VR current) {
                return subtractor.apply(key, value, current);
            }
        }, named, m, "KTABLE-AGGREGATE", "aggregate", null);
    }

    private <VA> KTable<K, VA> doAggregate(TableLogic<K, V, VA> logic, NamedInternal named,
                                           Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized,
                                           String prefix, String kind, Serde<VA> defaultValueSerde) {
        String opAnchor = (named.name() != null ? "named:" + named.name() : anchor) + "|" + kind;
        MaterializedInternal<K, VA, KeyValueStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized,
                builder, prefix + "-STATE-STORE", opAnchor);
        Serde<K> ks = AbstractStream.orElse(m.keySerde(), grouped.keySerde());
        Serde<VA> vs = AbstractStream.orElse(m.valueSerde(), defaultValueSerde);
        boolean userNamed = grouped.name() != null;
        String base = userNamed ? grouped.name() : m.storeName();
        String sink = userNamed ? base + "-repartition-sink" : builder.newProcessorName("KSTREAM-SINK");
        String source = userNamed ? base + "-repartition-source" : builder.newProcessorName("KSTREAM-SOURCE");
        RepartitionNode<K, Change<V>> repartition = new RepartitionNode<>(sink, source, base + "-repartition", null,
                grouped.keySerde(), new ChangeSerde<>(grouped.valueSerde()), null);
        builder.addChild(selectNode, repartition);
        ProcessorGraphNode node = new ProcessorGraphNode(named.orElseGenerate(builder, prefix),
                aggregateProcessor(m.storeName(), logic));
        node.withStore(StoreFactory.timestampedKeyValue(m, ks, vs));
        builder.addChild(repartition, node);
        return new KTableImpl<>(builder, node, ks, vs, Set.of(source), "state:" + m.storeName(),
                m.queryableStoreName(), KTableValueGetterSupplier.ofStore(m.storeName()), null);
    }

    private static <K, V, VA> ProcessorSupplier<K, Change<V>, K, Change<VA>> aggregateProcessor(
            String storeName, TableLogic<K, V, VA> logic) {
        return () -> new ContextualProcessor<>() {
            private TimestampedKeyValueStore<K, VA> store;
            private KTableForwarder<K, VA> forwarder;

            @Override
            public void init(ProcessorContext<K, Change<VA>> context) {
                super.init(context);
                store = context.getStateStore(storeName);
                forwarder = KTableForwarder.timestamped(store, context);
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                Change<V> change = record.value();
                ValueAndTimestamp<VA> old = store.get(record.key());
                VA oldAgg = old == null ? null : old.value();
                VA intermediate = change.oldValue() != null && oldAgg != null
                        ? logic.subtract(record.key(), change.oldValue(), oldAgg) : oldAgg;
                VA newAgg = change.newValue() != null ? logic.add(record.key(), change.newValue(), intermediate)
                        : intermediate;
                if (newAgg == null && oldAgg == null) {
                    return;
                }
                long ts = old == null ? record.timestamp() : Math.max(record.timestamp(), old.timestamp());
                store.put(record.key(), ValueAndTimestamp.make(newAgg, ts));
                forwarder.maybeForward(record.withTimestamp(ts), newAgg, oldAgg);
            }
        };
    }
}
