package io.runnel.streams.processor.internals.query;

import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.QueryableStoreType;
import io.runnel.streams.state.ReadOnlySessionStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A read-only session view over every local instance of a session store; see
 * {@link CompositeReadOnlyKeyValueStore} for the semantics. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the aggregate type
 */
public final class CompositeReadOnlySessionStore<K, V> implements ReadOnlySessionStore<K, V> {

    private final StateStoreProvider provider;
    private final QueryableStoreType<ReadOnlySessionStore<K, V>> type;
    private final String storeName;

    /**
     * @param provider  finds the instances
     * @param type      the view type
     * @param storeName the store
     */
    public CompositeReadOnlySessionStore(StateStoreProvider provider,
                                         QueryableStoreType<ReadOnlySessionStore<K, V>> type, String storeName) {
        this.provider = provider;
        this.type = type;
        this.storeName = storeName;
    }

    @SuppressWarnings("unchecked") // the store accepted by the view type holds K keys and V aggregates
    private static <K, V> ReadOnlySessionStore<K, V> ss(StoreAccess access) {
        return (ReadOnlySessionStore<K, V>) access.store();
    }

    private KeyValueIterator<Windowed<K>, V> collect(Function<ReadOnlySessionStore<K, V>,
            KeyValueIterator<Windowed<K>, V>> query) {
        List<KeyValue<Windowed<K>, V>> all = new ArrayList<>();
        for (StoreAccess access : provider.stores(storeName, type)) {
            all.addAll(access.read(() -> {
                List<KeyValue<Windowed<K>, V>> part = new ArrayList<>();
                try (KeyValueIterator<Windowed<K>, V> it = query.apply(ss(access))) {
                    it.forEachRemaining(part::add);
                }
                return part;
            }));
        }
        return new ListKeyValueIterator<>(all);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> findSessions(K key, long earliestSessionEndTime,
                                                         long latestSessionStartTime) {
        return collect(s -> s.findSessions(key, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFindSessions(K key, long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        return collect(s -> s.backwardFindSessions(key, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                         long latestSessionStartTime) {
        return collect(s -> s.findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFindSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                                 long latestSessionStartTime) {
        return collect(s -> s.backwardFindSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public V fetchSession(K key, long sessionStart, long sessionEnd) {
        for (StoreAccess access : provider.stores(storeName, type)) {
            V v = access.read(() -> CompositeReadOnlySessionStore.<K, V>ss(access).fetchSession(key, sessionStart,
                    sessionEnd));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K key) {
        return collect(s -> s.fetch(key));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K key) {
        return collect(s -> s.backwardFetch(key));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo) {
        return collect(s -> s.fetch(keyFrom, keyTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo) {
        return collect(s -> s.backwardFetch(keyFrom, keyTo));
    }
}
