package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.api.ProcessingContext;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.ReadOnlySessionStore;
import io.runnel.streams.state.ReadOnlyWindowStore;
import io.runnel.streams.state.ValueAndTimestamp;

/**
 * Creates {@link KTableValueGetter}s for a KTable and names the stores they read, which the compiler connects to
 * every processor using the getter (so those processors join the table's sub-topology).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KTableValueGetterSupplier<K, V> {

    /** @return a new getter */
    KTableValueGetter<K, V> get();

    /** @return the stores the getters read */
    String[] storeNames();

    /**
     * A getter reading a timestamped key-value store directly.
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the store
     * @return the supplier
     */
    static <K, V> KTableValueGetterSupplier<K, V> ofStore(String storeName) {
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<K, V> get() {
                return new KTableValueGetter<>() {
                    private ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>> store;

                    @Override
                    public void init(ProcessingContext context) {
                        store = context.getStateStore(storeName);
                    }

                    @Override
                    public ValueAndTimestamp<V> get(K key) {
                        return store.get(key);
                    }
                };
            }

            @Override
            public String[] storeNames() {
                return new String[] {storeName};
            }
        };
    }

    /**
     * A getter of a windowed table reading its timestamped window store.
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the window store
     * @return the supplier
     */
    static <K, V> KTableValueGetterSupplier<Windowed<K>, V> ofWindowStore(String storeName) {
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<Windowed<K>, V> get() {
                return new KTableValueGetter<>() {
                    private ReadOnlyWindowStore<K, ValueAndTimestamp<V>> store;

                    @Override
                    public void init(ProcessingContext context) {
                        store = context.getStateStore(storeName);
                    }

                    @Override
                    public ValueAndTimestamp<V> get(Windowed<K> key) {
                        return store.fetch(key.key(), key.window().start());
                    }
                };
            }

            @Override
            public String[] storeNames() {
                return new String[] {storeName};
            }
        };
    }

    /**
     * A getter of a session-windowed table reading its session store (timestamp: the session's end).
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param storeName the session store
     * @return the supplier
     */
    static <K, V> KTableValueGetterSupplier<Windowed<K>, V> ofSessionStore(String storeName) {
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<Windowed<K>, V> get() {
                return new KTableValueGetter<>() {
                    private ReadOnlySessionStore<K, V> store;

                    @Override
                    public void init(ProcessingContext context) {
                        store = context.getStateStore(storeName);
                    }

                    @Override
                    public ValueAndTimestamp<V> get(Windowed<K> key) {
                        return ValueAndTimestamp.make(store.fetchSession(key.key(), key.window().start(),
                                key.window().end()), key.window().end());
                    }
                };
            }

            @Override
            public String[] storeNames() {
                return new String[] {storeName};
            }
        };
    }
}
