package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.Aggregator;
import io.runnel.streams.kstream.Initializer;
import io.runnel.streams.kstream.KGroupedStream;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Reducer;
import io.runnel.streams.kstream.SessionWindowedKStream;
import io.runnel.streams.kstream.SessionWindows;
import io.runnel.streams.kstream.SlidingWindows;
import io.runnel.streams.kstream.TimeWindowedKStream;
import io.runnel.streams.kstream.TimeWindows;
import io.runnel.streams.kstream.Window;
import io.runnel.streams.kstream.Windows;
import io.runnel.streams.state.KeyValueStore;

import java.util.Objects;

/**
 * The DSL's {@link KGroupedStream}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KGroupedStreamImpl<K, V> implements KGroupedStream<K, V> {

    private final GroupedStreamAggregateBuilder<K, V> aggregateBuilder;

    KGroupedStreamImpl(KStreamImpl<K, V> stream, GroupedInternal<K, V> grouped, boolean repartitionRequired) {
        this.aggregateBuilder = new GroupedStreamAggregateBuilder<>(stream, grouped, repartitionRequired);
    }

    @Override
    public KTable<K, Long> count() {
        return doAggregate(AggregationLogic.count(), NamedInternal.of((Named) null), null, "KSTREAM-AGGREGATE",
                "count", Serdes.Long());
    }

    @Override
    public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.count(), NamedInternal.of((Named) null), required(materialized),
                "KSTREAM-AGGREGATE", "count", Serdes.Long());
    }

    @Override
    public KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.count(), named(named), materialized, "KSTREAM-AGGREGATE", "count",
                Serdes.Long());
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer) {
        return doAggregate(AggregationLogic.reduce(reducer), NamedInternal.of((Named) null), null, "KSTREAM-REDUCE",
                "reduce", aggregateBuilder.valueSerde());
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.reduce(reducer), NamedInternal.of((Named) null), required(materialized),
                "KSTREAM-REDUCE", "reduce", aggregateBuilder.valueSerde());
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer, Named named,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.reduce(reducer), named(named), materialized, "KSTREAM-REDUCE", "reduce",
                aggregateBuilder.valueSerde());
    }

    @Override
    public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator) {
        return doAggregate(AggregationLogic.aggregate(initializer, aggregator), NamedInternal.of((Named) null), null,
                "KSTREAM-AGGREGATE", "aggregate", null);
    }

    @Override
    public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.aggregate(initializer, aggregator), NamedInternal.of((Named) null),
                required(materialized), "KSTREAM-AGGREGATE", "aggregate", null);
    }

    @Override
    public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
                                        Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.aggregate(initializer, aggregator), named(named), materialized,
                "KSTREAM-AGGREGATE", "aggregate", null);
    }

    private <VA> KTable<K, VA> doAggregate(AggregationLogic<K, V, VA> logic, NamedInternal named,
                                           Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized,
                                           String prefix, String kind, Serde<VA> defaultValueSerde) {
        MaterializedInternal<K, VA, KeyValueStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized,
                aggregateBuilder.builder(), prefix + "-STATE-STORE", aggregateBuilder.anchor(named, kind, null));
        Serde<K> ks = AbstractStream.orElse(m.keySerde(), aggregateBuilder.keySerde());
        Serde<VA> vs = AbstractStream.orElse(m.valueSerde(), defaultValueSerde);
        return aggregateBuilder.build(named, prefix, m,
                new StoreFactory[] {StoreFactory.timestampedKeyValue(m, ks, vs)},
                KStreamAggregate.supplier(m.storeName(), logic), ks, vs,
                KTableValueGetterSupplier.ofStore(m.storeName()), null);
    }

    @Override
    public <W extends Window> TimeWindowedKStream<K, V> windowedBy(Windows<W> windows) {
        Objects.requireNonNull(windows, "windows can't be null");
        if (!(windows instanceof TimeWindows timeWindows)) {
            throw new IllegalArgumentException("Only TimeWindows (tumbling or hopping) are supported by"
                    + " windowedBy(Windows), got " + windows.getClass().getName());
        }
        return new TimeWindowedKStreamImpl<>(aggregateBuilder, timeWindows, null);
    }

    @Override
    public TimeWindowedKStream<K, V> windowedBy(SlidingWindows windows) {
        return new TimeWindowedKStreamImpl<>(aggregateBuilder, null,
                Objects.requireNonNull(windows, "windows can't be null"));
    }

    @Override
    public SessionWindowedKStream<K, V> windowedBy(SessionWindows windows) {
        return new SessionWindowedKStreamImpl<>(aggregateBuilder,
                Objects.requireNonNull(windows, "windows can't be null"));
    }

    static NamedInternal named(Named named) {
        return NamedInternal.of(Objects.requireNonNull(named, "named can't be null"));
    }

    static <T> T required(T materialized) {
        return Objects.requireNonNull(materialized, "materialized can't be null");
    }
}
