package io.runnel.streams.kstream.internals;

import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.ForeachAction;
import io.runnel.streams.kstream.KeyValueMapper;
import io.runnel.streams.kstream.Predicate;
import io.runnel.streams.kstream.ValueMapperWithKey;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;

import java.util.List;
import java.util.Objects;

/**
 * The processors of the stateless KStream operators. Each keeps the record's timestamp and headers; none has state.
 */
final class KStreamProcessors {

    private KStreamProcessors() {
    }

    /**
     * @param <K>       the key type
     * @param <V>       the value type
     * @param predicate the test
     * @param not       true for filterNot
     * @return filter's processor
     */
    static <K, V> ProcessorSupplier<K, V, K, V> filter(Predicate<? super K, ? super V> predicate, boolean not) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                if (predicate.test(record.key(), record.value()) != not) {
                    context().forward(record);
                }
            }
        };
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param <KR>   the new key type
     * @param <VR>   the new value type
     * @param mapper computes the new record
     * @return map's processor
     */
    static <K, V, KR, VR> ProcessorSupplier<K, V, KR, VR> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                KeyValue<? extends KR, ? extends VR> kv = Objects.requireNonNull(
                        mapper.apply(record.key(), record.value()), "the mapper of map() returned null");
                context().forward(record.<KR>withKey(kv.key).withValue(kv.value));
            }
        };
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param <KR>   the new key type
     * @param mapper computes the new key
     * @return selectKey's processor
     */
    static <K, V, KR> ProcessorSupplier<K, V, KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                context().forward(record.withKey(mapper.apply(record.key(), record.value())));
            }
        };
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param <KR>   the new key type
     * @param <VR>   the new value type
     * @param mapper computes the records
     * @return flatMap's processor
     */
    static <K, V, KR, VR> ProcessorSupplier<K, V, KR, VR> flatMap(
            KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                Iterable<? extends KeyValue<? extends KR, ? extends VR>> all = Objects.requireNonNull(
                        mapper.apply(record.key(), record.value()), "the mapper of flatMap() returned null");
                for (KeyValue<? extends KR, ? extends VR> kv : all) {
                    context().forward(record.<KR>withKey(kv.key).withValue(kv.value));
                }
            }
        };
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param <VR>   the new value type
     * @param mapper computes the new value
     * @return mapValues's processor
     */
    static <K, V, VR> ProcessorSupplier<K, V, K, VR> mapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                context().forward(record.withValue(mapper.apply(record.key(), record.value())));
            }
        };
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param <VR>   the new value type
     * @param mapper computes the values
     * @return flatMapValues's processor
     */
    static <K, V, VR> ProcessorSupplier<K, V, K, VR> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                Iterable<? extends VR> all = Objects.requireNonNull(mapper.apply(record.key(), record.value()),
                        "the mapper of flatMapValues() returned null");
                for (VR v : all) {
                    context().forward(record.withValue(v));
                }
            }
        };
    }

    /**
     * @param <K>     the key type
     * @param <V>     the value type
     * @param action  the action
     * @param forward true for peek (forward the record), false for foreach
     * @return peek's or foreach's processor
     */
    static <K, V> ProcessorSupplier<K, V, K, V> peek(ForeachAction<? super K, ? super V> action, boolean forward) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                action.apply(record.key(), record.value());
                if (forward) {
                    context().forward(record);
                }
            }
        };
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return a processor forwarding every record (merge, branch children)
     */
    static <K, V> ProcessorSupplier<K, V, K, V> passThrough() {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                context().forward(record);
            }
        };
    }

    /**
     * Drops records with a null key before a grouping's repartition topic, counting them.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return the processor
     */
    static <K, V> ProcessorSupplier<K, V, K, V> dropNullKeys() {
        return () -> new ContextualProcessor<>() {
            private DroppedRecords dropped;

            @Override
            public void init(ProcessorContext<K, V> context) {
                super.init(context);
                dropped = new DroppedRecords(context);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() == null) {
                    dropped.drop("null key before an aggregation", record);
                } else {
                    context().forward(record);
                }
            }
        };
    }

    /**
     * The branch node of {@code split()}: forwards each record to the child of the first predicate it satisfies,
     * else to the default child if any. The lists are filled while branches are defined and read when tasks start.
     *
     * @param <K>          the key type
     * @param <V>          the value type
     * @param predicates   the predicates
     * @param childNames   the child node of each predicate
     * @param defaultChild a holder of the default child's name (element 0, null for none)
     * @return the processor
     */
    static <K, V> ProcessorSupplier<K, V, K, V> branch(List<Predicate<? super K, ? super V>> predicates,
                                                       List<String> childNames, String[] defaultChild) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                for (int i = 0; i < predicates.size(); i++) {
                    if (predicates.get(i).test(record.key(), record.value())) {
                        context().forward(record, childNames.get(i));
                        return;
                    }
                }
                if (defaultChild[0] != null) {
                    context().forward(record, defaultChild[0]);
                }
            }
        };
    }
}
