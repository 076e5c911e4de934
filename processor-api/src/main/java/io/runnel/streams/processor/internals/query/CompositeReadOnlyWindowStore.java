package io.runnel.streams.processor.internals.query;

import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.QueryableStoreType;
import io.runnel.streams.state.ReadOnlyWindowStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A read-only window view over every local instance of a window store; see {@link CompositeReadOnlyKeyValueStore}
 * for the semantics. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type as the view returns it
 */
public final class CompositeReadOnlyWindowStore<K, V> implements ReadOnlyWindowStore<K, V> {

    private final StateStoreProvider provider;
    private final QueryableStoreType<ReadOnlyWindowStore<K, V>> type;
    private final String storeName;
    private final Function<Object, V> valueMapper;

    /**
     * @param provider    finds the instances
     * @param type        the view type
     * @param storeName   the store
     * @param valueMapper turns a stored value into the view's value
     */
    public CompositeReadOnlyWindowStore(StateStoreProvider provider, QueryableStoreType<ReadOnlyWindowStore<K, V>> type,
                                        String storeName, Function<Object, V> valueMapper) {
        this.provider = provider;
        this.type = type;
        this.storeName = storeName;
        this.valueMapper = valueMapper;
    }

    @SuppressWarnings("unchecked") // the store accepted by the view type holds K keys
    private static <K> ReadOnlyWindowStore<K, Object> ws(StoreAccess access) {
        return (ReadOnlyWindowStore<K, Object>) access.store();
    }

    private <KK> List<KeyValue<KK, V>> collect(Function<ReadOnlyWindowStore<K, Object>,
            KeyValueIterator<KK, Object>> query) {
        List<KeyValue<KK, V>> all = new ArrayList<>();
        for (StoreAccess access : provider.stores(storeName, type)) {
            all.addAll(access.read(() -> {
                List<KeyValue<KK, V>> part = new ArrayList<>();
                try (KeyValueIterator<KK, Object> it = query.apply(ws(access))) {
                    while (it.hasNext()) {
                        KeyValue<KK, Object> kv = it.next();
                        part.add(KeyValue.pair(kv.key, valueMapper.apply(kv.value)));
                    }
                }
                return part;
            }));
        }
        return all;
    }

    @Override
    public V fetch(K key, long time) {
        for (StoreAccess access : provider.stores(storeName, type)) {
            Object v = access.read(() -> CompositeReadOnlyWindowStore.<K>ws(access).fetch(key, time));
            if (v != null) {
                return valueMapper.apply(v);
            }
        }
        return null;
    }

    @Override
    public io.runnel.streams.state.WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        return new ListKeyValueIterator.Window<>(collect(s -> s.fetch(key, timeFrom, timeTo)));
    }

    @Override
    public io.runnel.streams.state.WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return new ListKeyValueIterator.Window<>(collect(s -> s.backwardFetch(key, timeFrom, timeTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return new ListKeyValueIterator<>(collect(s -> s.fetch(keyFrom, keyTo, timeFrom, timeTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return new ListKeyValueIterator<>(collect(s -> s.backwardFetch(keyFrom, keyTo, timeFrom, timeTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        return new ListKeyValueIterator<>(collect(s -> s.fetchAll(timeFrom, timeTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        return new ListKeyValueIterator<>(collect(s -> s.backwardFetchAll(timeFrom, timeTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        return new ListKeyValueIterator<>(collect(ReadOnlyWindowStore::all));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        return new ListKeyValueIterator<>(collect(ReadOnlyWindowStore::backwardAll));
    }
}
