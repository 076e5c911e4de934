package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Predicate;
import io.runnel.streams.kstream.ValueJoiner;
import io.runnel.streams.kstream.ValueMapperWithKey;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessingContext;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The processors and value getters of the stateless KTable operators (filter, mapValues, toStream, table-table
 * joins and their merge). Each processor receives {@link Change}s and computes the new and the old result, so
 * downstream sees exactly what changed; an update whose new and old results are both null is not forwarded. With a
 * store (the operator was given a {@code Materialized}) the result is written there and forwarded through the
 * record cache.
 */
final class KTableProcessors {

    private KTableProcessors() {
    }

    /** Computes a row's result from its value (null in, null out for most operators). */
    interface RowFunction<K, V, VR> {
        VR apply(K key, V value);
    }

    /**
     * The processor of a row-by-row operator (filter, mapValues).
     *
     * @param <K>       the key type
     * @param <V>       the input value type
     * @param <VR>      the result type
     * @param function  the row function (applied to new and old values; null values are not passed)
     * @param storeName the store of a materialized result, or null
     * @return the supplier
     */
    static <K, V, VR> ProcessorSupplier<K, Change<V>, K, Change<VR>> rowProcessor(RowFunction<K, V, VR> function,
                                                                                  String storeName) {
        return () -> new ContextualProcessor<>() {
            private TimestampedKeyValueStore<K, VR> store;
            private KTableForwarder<K, VR> forwarder;

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                super.init(context);
                if (storeName != null) {
                    store = context.getStateStore(storeName);
                    forwarder = KTableForwarder.timestamped(store, context);
                }
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                Change<V> change = record.value();
                VR newValue = change.newValue() == null ? null : function.apply(record.key(), change.newValue());
                VR oldValue = change.oldValue() == null ? null : function.apply(record.key(), change.oldValue());
                if (newValue == null && oldValue == null) {
                    return;
                }
                if (store != null) {
                    ValueAndTimestamp<VR> stored = store.get(record.key());
                    store.put(record.key(), ValueAndTimestamp.make(newValue, record.timestamp()));
                    forwarder.maybeForward(record, newValue, stored == null ? null : stored.value());
                } else {
                    context().forward(record.withValue(new Change<>(newValue, oldValue)));
                }
            }
        };
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param predicate the test
     * @param not       true for filterNot
     * @return filter as a row function
     */
    static <K, V> RowFunction<K, V, V> filter(Predicate<? super K, ? super V> predicate, boolean not) {
        return (k, v) -> predicate.test(k, v) != not ? v : null;
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param <VR>   the result type
     * @param mapper the mapper
     * @return mapValues as a row function
     */
    static <K, V, VR> RowFunction<K, V, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
        return mapper::apply;
    }

    /**
     * The getter of an unmaterialized row operator: the parent's value passed through the function.
     *
     * @param <K>      the key type
     * @param <V>      the input value type
     * @param <VR>     the result type
     * @param parent   the parent's getter
     * @param function the row function
     * @return the getter supplier
     */
    static <K, V, VR> KTableValueGetterSupplier<K, VR> rowGetter(KTableValueGetterSupplier<K, V> parent,
                                                                RowFunction<K, V, VR> function) {
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<K, VR> get() {
                KTableValueGetter<K, V> p = parent.get();
                return new KTableValueGetter<>() {
                    @Override
                    public void init(ProcessingContext context) {
                        p.init(context);
                    }

                    @Override
                    public ValueAndTimestamp<VR> get(K key) {
                        ValueAndTimestamp<V> v = p.get(key);
                        return v == null ? null : ValueAndTimestamp.make(function.apply(key, v.value()), v.timestamp());
                    }
                };
            }

            @Override
            public String[] storeNames() {
                return parent.storeNames();
            }
        };
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return the processor of {@code toStream()}: the new value of each change (null for a delete)
     */
    static <K, V> ProcessorSupplier<K, Change<V>, K, V> toStream() {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, Change<V>> record) {
                context().forward(record.withValue(record.value().newValue()));
            }
        };
    }

    /**
     * Combines one side's value with the other side's per the join kind.
     *
     * @param <V>  this side's type
     * @param <VO> the other side's type
     * @param <VR> the result type
     */
    record JoinLogic<V, VO, VR>(ValueJoiner<? super V, ? super VO, ? extends VR> joiner, boolean keepThisOnly,
                                boolean keepOtherOnly) {
        VR apply(V value, VO other) {
            if (value != null && other != null) {
                return joiner.apply(value, other);
            }
            if (value != null) {
                return keepThisOnly ? joiner.apply(value, null) : null;
            }
            if (other != null) {
                return keepOtherOnly ? joiner.apply(null, other) : null;
            }
            return null;
        }

        JoinLogic<VO, V, VR> reversed() {
            return new JoinLogic<>((VO o, V v) -> joiner.apply(v, o), keepOtherOnly, keepThisOnly);
        }
    }

    /**
     * One side of a table-table join: an update of this side joins the other side's current row; the result's
     * timestamp is the larger of the two.
     *
     * @param <K>         the key type
     * @param <V>         this side's type
     * @param <VO>        the other side's type
     * @param <VR>        the result type
     * @param otherGetter reads the other side
     * @param logic       the join logic, oriented from this side
     * @return the supplier
     */
    static <K, V, VO, VR> ProcessorSupplier<K, Change<V>, K, Change<VR>> joinSide(
            KTableValueGetterSupplier<K, VO> otherGetter, JoinLogic<V, VO, VR> logic) {
        return () -> new ContextualProcessor<>() {
            private final KTableValueGetter<K, VO> getter = otherGetter.get();

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                super.init(context);
                getter.init(context);
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                ValueAndTimestamp<VO> other = getter.get(record.key());
                VO o = other == null ? null : other.value();
                VR newValue = logic.apply(record.value().newValue(), o);
                VR oldValue = logic.apply(record.value().oldValue(), o);
                if (newValue == null && oldValue == null) {
                    return;
                }
                long ts = other == null ? record.timestamp() : Math.max(record.timestamp(), other.timestamp());
                context().forward(record.withValue(new Change<>(newValue, oldValue)).withTimestamp(ts));
            }
        };
    }

    /**
     * The getter of an unmaterialized table-table join.
     *
     * @param <K>   the key type
     * @param <V>   this side's type
     * @param <VO>  the other side's type
     * @param <VR>  the result type
     * @param left  this side's getter
     * @param right the other side's getter
     * @param logic the join logic
     * @return the getter supplier
     */
    static <K, V, VO, VR> KTableValueGetterSupplier<K, VR> joinGetter(KTableValueGetterSupplier<K, V> left,
                                                                     KTableValueGetterSupplier<K, VO> right,
                                                                     JoinLogic<V, VO, VR> logic) {
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<K, VR> get() {
                KTableValueGetter<K, V> l = left.get();
                KTableValueGetter<K, VO> r = right.get();
                return new KTableValueGetter<>() {
                    @Override
                    public void init(ProcessingContext context) {
                        l.init(context);
                        r.init(context);
                    }

                    @Override
                    public ValueAndTimestamp<VR> get(K key) {
                        ValueAndTimestamp<V> a = l.get(key);
                        ValueAndTimestamp<VO> b = r.get(key);
                        VR result = logic.apply(a == null ? null : a.value(), b == null ? null : b.value());
                        long ts = Math.max(a == null ? -1 : a.timestamp(), b == null ? -1 : b.timestamp());
                        return ValueAndTimestamp.make(result, ts);
                    }
                };
            }

            @Override
            public String[] storeNames() {
                Set<String> all = new LinkedHashSet<>(java.util.Arrays.asList(left.storeNames()));
                all.addAll(java.util.Arrays.asList(right.storeNames()));
                return all.toArray(new String[0]);
            }
        };
    }

    /**
     * The merge node of a table-table join: forwards both sides' results, writing them to the result's store when
     * materialized (then old values come from the store and the cache thins updates).
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the result's store, or null
     * @return the supplier
     */
    static <K, V> ProcessorSupplier<K, Change<V>, K, Change<V>> merger(String storeName) {
        return () -> new ContextualProcessor<>() {
            private TimestampedKeyValueStore<K, V> store;
            private KTableForwarder<K, V> forwarder;

            @Override
            public void init(ProcessorContext<K, Change<V>> context) {
                super.init(context);
                if (storeName != null) {
                    store = context.getStateStore(storeName);
                    forwarder = KTableForwarder.timestamped(store, context);
                }
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                if (store == null) {
                    context().forward(record);
                    return;
                }
                ValueAndTimestamp<V> old = store.get(record.key());
                V newValue = record.value().newValue();
                if (old == null && newValue == null) {
                    return;
                }
                store.put(record.key(), ValueAndTimestamp.make(newValue, record.timestamp()));
                forwarder.maybeForward(record, newValue, old == null ? null : old.value());
            }
        };
    }
}
