package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.Aggregator;
import io.runnel.streams.kstream.Initializer;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Reducer;
import io.runnel.streams.kstream.SlidingWindows;
import io.runnel.streams.kstream.TimeWindowedKStream;
import io.runnel.streams.kstream.TimeWindows;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.state.WindowStore;

/**
 * The DSL's {@link TimeWindowedKStream}, over tumbling/hopping {@link TimeWindows} or {@link SlidingWindows}.
 * The window store keeps windows for {@code size + grace} unless {@code Materialized.withRetention} asks for more.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class TimeWindowedKStreamImpl<K, V> implements TimeWindowedKStream<K, V> {

    private final GroupedStreamAggregateBuilder<K, V> aggregateBuilder;
    private final TimeWindows timeWindows;
    private final SlidingWindows slidingWindows;

    TimeWindowedKStreamImpl(GroupedStreamAggregateBuilder<K, V> aggregateBuilder, TimeWindows timeWindows,
                            SlidingWindows slidingWindows) {
        this.aggregateBuilder = aggregateBuilder;
        this.timeWindows = timeWindows;
        this.slidingWindows = slidingWindows;
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
        return doAggregate(AggregationLogic.count(), NamedInternal.of((Named) null), null, "KSTREAM-AGGREGATE",
                "count", Serdes.Long());
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.count(), NamedInternal.of((Named) null),
                KGroupedStreamImpl.required(materialized), "KSTREAM-AGGREGATE", "count", Serdes.Long());
    }

    @Override
    public KTable<Windowed<K>, Long> count(Named named,
                                           Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.count(), KGroupedStreamImpl.named(named), materialized,
                "KSTREAM-AGGREGATE", "count", Serdes.Long());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
        return doAggregate(AggregationLogic.reduce(reducer), NamedInternal.of((Named) null), null, "KSTREAM-REDUCE",
                "reduce", aggregateBuilder.valueSerde());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer,
                                         Materialized<K, V, WindowStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.reduce(reducer), NamedInternal.of((Named) null),
                KGroupedStreamImpl.required(materialized), "KSTREAM-REDUCE", "reduce", aggregateBuilder.valueSerde());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
                                         Materialized<K, V, WindowStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.reduce(reducer), KGroupedStreamImpl.named(named), materialized,
                "KSTREAM-REDUCE", "reduce", aggregateBuilder.valueSerde());
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                                  Aggregator<? super K, ? super V, VR> aggregator) {
        return doAggregate(AggregationLogic.aggregate(initializer, aggregator), NamedInternal.of((Named) null), null,
                "KSTREAM-AGGREGATE", "aggregate", null);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                                  Aggregator<? super K, ? super V, VR> aggregator,
                                                  Materialized<K, VR, WindowStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.aggregate(initializer, aggregator), NamedInternal.of((Named) null),
                KGroupedStreamImpl.required(materialized), "KSTREAM-AGGREGATE", "aggregate", null);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                                  Aggregator<? super K, ? super V, VR> aggregator, Named named,
                                                  Materialized<K, VR, WindowStore<Bytes, byte[]>> materialized) {
        return doAggregate(AggregationLogic.aggregate(initializer, aggregator), KGroupedStreamImpl.named(named),
                materialized, "KSTREAM-AGGREGATE", "aggregate", null);
    }

    private <VA> KTable<Windowed<K>, VA> doAggregate(AggregationLogic<K, V, VA> logic, NamedInternal named,
                                                     Materialized<K, VA, WindowStore<Bytes, byte[]>> materialized,
                                                     String prefix, String kind, Serde<VA> defaultValueSerde) {
        Object windows = timeWindows != null ? timeWindows : slidingWindows;
        MaterializedInternal<K, VA, WindowStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized,
                aggregateBuilder.builder(), prefix + "-STATE-STORE", aggregateBuilder.anchor(named, kind, windows));
        Serde<K> ks = AbstractStream.orElse(m.keySerde(), aggregateBuilder.keySerde());
        Serde<VA> vs = AbstractStream.orElse(m.valueSerde(), defaultValueSerde);
        long size = timeWindows != null ? timeWindows.size() : slidingWindows.timeDifferenceMs();
        long grace = timeWindows != null ? timeWindows.gracePeriodMs() : slidingWindows.gracePeriodMs();
        long retention = size + grace;
        if (m.retention() != null) {
            if (m.retention().toMillis() < size + grace) {
                throw new IllegalArgumentException("The retention period of the window store " + m.storeName()
                        + " must be no smaller than its window size plus the grace period. Got size=[" + size
                        + "], grace=[" + grace + "], retention=[" + m.retention().toMillis() + "]");
            }
            retention = m.retention().toMillis();
        }
        StoreFactory[] stores;
        ProcessorSupplier<K, V, Windowed<K>, Change<VA>> supplier;
        if (timeWindows != null) {
            stores = new StoreFactory[] {StoreFactory.timestampedWindow(m, retention, size, ks, vs)};
            supplier = KStreamWindowAggregate.supplier(m.storeName(), timeWindows, logic);
        } else {
            String recordsStore = m.storeName() + "-records";
            stores = new StoreFactory[] {StoreFactory.timestampedWindow(m, retention, size, ks, vs),
                StoreFactory.window(recordsStore, null, m.storeType(), 2 * size + grace + 1, 1L, true, ks,
                        aggregateBuilder.valueSerde(), m.loggingEnabled(), m.logConfig())};
            supplier = KStreamSlidingWindowAggregate.supplier(m.storeName(), recordsStore, slidingWindows, logic);
        }
        return aggregateBuilder.build(named, prefix, m, stores, supplier, WindowedKeySerde.timeWindowed(ks, size), vs,
                KTableValueGetterSupplier.ofWindowStore(m.storeName()), new WindowInfo(size, grace, false));
    }
}
