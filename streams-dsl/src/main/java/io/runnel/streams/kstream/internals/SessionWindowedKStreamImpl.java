package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.Aggregator;
import io.runnel.streams.kstream.Initializer;
import io.runnel.streams.kstream.KTable;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Merger;
import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Reducer;
import io.runnel.streams.kstream.SessionWindowedKStream;
import io.runnel.streams.kstream.SessionWindows;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.state.SessionStore;

import java.util.Objects;

/**
 * The DSL's {@link SessionWindowedKStream}. The session store keeps sessions for {@code gap + grace} unless
 * {@code Materialized.withRetention} asks for more.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class SessionWindowedKStreamImpl<K, V> implements SessionWindowedKStream<K, V> {

    private final GroupedStreamAggregateBuilder<K, V> aggregateBuilder;
    private final SessionWindows windows;

    SessionWindowedKStreamImpl(GroupedStreamAggregateBuilder<K, V> aggregateBuilder, SessionWindows windows) {
        this.aggregateBuilder = aggregateBuilder;
        this.windows = windows;
    }

    private static <K, V> Merger<K, Long> sum() {
        return (k, a, b) -> a + b;
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
        return count(NamedInternal.of((Named) null), null);
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized) {
        return count(NamedInternal.of((Named) null), KGroupedStreamImpl.required(materialized));
    }

    @Override
    public KTable<Windowed<K>, Long> count(Named named,
                                           Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized) {
        return count(KGroupedStreamImpl.named(named), materialized);
    }

    private KTable<Windowed<K>, Long> count(NamedInternal named, Materialized<K, Long, SessionStore<Bytes, byte[]>> m) {
        return doAggregate(() -> 0L, (k, v, agg) -> agg + 1L, sum(), named, m, "KSTREAM-AGGREGATE", "count",
                Serdes.Long());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
        return reduce(reducer, NamedInternal.of((Named) null), null);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer,
                                         Materialized<K, V, SessionStore<Bytes, byte[]>> materialized) {
        return reduce(reducer, NamedInternal.of((Named) null), KGroupedStreamImpl.required(materialized));
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
                                         Materialized<K, V, SessionStore<Bytes, byte[]>> materialized) {
        return reduce(reducer, KGroupedStreamImpl.named(named), materialized);
    }

    private KTable<Windowed<K>, V> reduce(Reducer<V> reducer, NamedInternal named,
                                          Materialized<K, V, SessionStore<Bytes, byte[]>> m) {
        Objects.requireNonNull(reducer, "reducer can't be null");
        return doAggregate(() -> null, (k, v, agg) -> agg == null ? v : reducer.apply(agg, v),
                (k, a, b) -> a == null ? b : b == null ? a : reducer.apply(a, b), named, m, "KSTREAM-REDUCE",
                "reduce", aggregateBuilder.valueSerde());
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                                  Aggregator<? super K, ? super V, VR> aggregator,
                                                  Merger<? super K, VR> merger) {
        return doAggregate(initializer, aggregator, merger, NamedInternal.of((Named) null), null,
                "KSTREAM-AGGREGATE", "aggregate", null);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                                  Aggregator<? super K, ? super V, VR> aggregator,
                                                  Merger<? super K, VR> merger,
                                                  Materialized<K, VR, SessionStore<Bytes, byte[]>> materialized) {
        return doAggregate(initializer, aggregator, merger, NamedInternal.of((Named) null),
                KGroupedStreamImpl.required(materialized), "KSTREAM-AGGREGATE", "aggregate", null);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
                                                  Aggregator<? super K, ? super V, VR> aggregator,
                                                  Merger<? super K, VR> merger, Named named,
                                                  Materialized<K, VR, SessionStore<Bytes, byte[]>> materialized) {
        return doAggregate(initializer, aggregator, merger, KGroupedStreamImpl.named(named), materialized,
                "KSTREAM-AGGREGATE", "aggregate", null);
    }

    private <VA> KTable<Windowed<K>, VA> doAggregate(Initializer<VA> initializer,
                                                     Aggregator<? super K, ? super V, VA> aggregator,
                                                     Merger<? super K, VA> merger, NamedInternal named,
                                                     Materialized<K, VA, SessionStore<Bytes, byte[]>> materialized,
                                                     String prefix, String kind, Serde<VA> defaultValueSerde) {
        Objects.requireNonNull(initializer, "initializer can't be null");
        Objects.requireNonNull(aggregator, "aggregator can't be null");
        Objects.requireNonNull(merger, "sessionMerger can't be null");
        MaterializedInternal<K, VA, SessionStore<Bytes, byte[]>> m = new MaterializedInternal<>(materialized,
                aggregateBuilder.builder(), prefix + "-STATE-STORE", aggregateBuilder.anchor(named, kind, windows));
        Serde<K> ks = AbstractStream.orElse(m.keySerde(), aggregateBuilder.keySerde());
        Serde<VA> vs = AbstractStream.orElse(m.valueSerde(), defaultValueSerde);
        long retention = windows.inactivityGap() + windows.gracePeriodMs();
        if (m.retention() != null) {
            if (m.retention().toMillis() < retention) {
                throw new IllegalArgumentException("The retention period of the session store " + m.storeName()
                        + " must be no smaller than the inactivity gap plus the grace period (" + retention
                        + " ms), got " + m.retention().toMillis() + " ms");
            }
            retention = m.retention().toMillis();
        }
        return aggregateBuilder.build(named, prefix, m,
                new StoreFactory[] {StoreFactory.session(m, retention, ks, vs)},
                KStreamSessionWindowAggregate.supplier(m.storeName(), windows, initializer, aggregator, merger),
                WindowedKeySerde.sessionWindowed(ks), vs, KTableValueGetterSupplier.ofSessionStore(m.storeName()),
                new WindowInfo(0L, windows.inactivityGap() + windows.gracePeriodMs(), true));
    }
}
