package io.runnel.streams.processor.internals.query;

import io.runnel.common.serialization.Serializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.QueryableStoreType;
import io.runnel.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A read-only key-value view over every local instance of a store (one per task). Point reads return the first
 * instance's non-null value; range reads copy the matching entries of each instance under its lock and return them
 * concatenated instance by instance (ordered within an instance, as Kafka's composite store). Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type as the view returns it
 */
public final class CompositeReadOnlyKeyValueStore<K, V> implements ReadOnlyKeyValueStore<K, V> {

    private final StateStoreProvider provider;
    private final QueryableStoreType<ReadOnlyKeyValueStore<K, V>> type;
    private final String storeName;
    private final Function<Object, V> valueMapper;

    /**
     * @param provider    finds the instances
     * @param type        the view type
     * @param storeName   the store
     * @param valueMapper turns a stored value into the view's value (unwraps timestamps), null-safe input
     */
    public CompositeReadOnlyKeyValueStore(StateStoreProvider provider,
                                          QueryableStoreType<ReadOnlyKeyValueStore<K, V>> type, String storeName,
                                          Function<Object, V> valueMapper) {
        this.provider = provider;
        this.type = type;
        this.storeName = storeName;
        this.valueMapper = valueMapper;
    }

    @SuppressWarnings("unchecked") // the store accepted by the view type holds K keys
    private static <K> ReadOnlyKeyValueStore<K, Object> kv(StoreAccess access) {
        return (ReadOnlyKeyValueStore<K, Object>) access.store();
    }

    @Override
    public V get(K key) {
        for (StoreAccess access : provider.stores(storeName, type)) {
            Object v = access.read(() -> CompositeReadOnlyKeyValueStore.<K>kv(access).get(key));
            if (v != null) {
                return valueMapper.apply(v);
            }
        }
        return null;
    }

    private KeyValueIterator<K, V> collect(Function<ReadOnlyKeyValueStore<K, Object>, KeyValueIterator<K, Object>>
                                                   query) {
        List<KeyValue<K, V>> all = new ArrayList<>();
        for (StoreAccess access : provider.stores(storeName, type)) {
            all.addAll(access.read(() -> {
                List<KeyValue<K, V>> part = new ArrayList<>();
                try (KeyValueIterator<K, Object> it = query.apply(kv(access))) {
                    while (it.hasNext()) {
                        KeyValue<K, Object> kv = it.next();
                        part.add(KeyValue.pair(kv.key, valueMapper.apply(kv.value)));
                    }
                }
                return part;
            }));
        }
        return new ListKeyValueIterator<>(all);
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return collect(s -> s.range(from, to));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return collect(s -> s.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return collect(ReadOnlyKeyValueStore::all);
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return collect(ReadOnlyKeyValueStore::reverseAll);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixSerializer) {
        return collect(s -> s.prefixScan(prefix, prefixSerializer));
    }

    @Override
    public long approximateNumEntries() {
        long total = 0;
        for (StoreAccess access : provider.stores(storeName, type)) {
            long n = access.read(() -> kv(access).approximateNumEntries());
            total += n;
            if (total < 0) {
                return Long.MAX_VALUE;
            }
        }
        return total;
    }
}
