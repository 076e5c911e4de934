package io.runnel.streams.state;

import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.internals.query.CompositeReadOnlyKeyValueStore;
import io.runnel.streams.processor.internals.query.CompositeReadOnlySessionStore;
import io.runnel.streams.processor.internals.query.CompositeReadOnlyWindowStore;
import io.runnel.streams.processor.internals.query.StateStoreProvider;

import java.util.function.Function;

/**
 * The views interactive queries offer (Kafka's {@code QueryableStoreTypes}), passed to
 * {@code StoreQueryParameters.fromNameAndType}. Every view reads all local partitions of the store; views are
 * read-only, thread-safe, and copy range results out of the store (bound large ranges).
 */
public final class QueryableStoreTypes {

    private QueryableStoreTypes() {
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return a key-value view; over a timestamped store it returns the plain values
     */
    public static <K, V> QueryableStoreType<ReadOnlyKeyValueStore<K, V>> keyValueStore() {
        return new KeyValueType<>(false);
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return a view of a timestamped key-value store, with values and their timestamps
     */
    public static <K, V> QueryableStoreType<ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>>> timestampedKeyValueStore() {
        return new KeyValueType<>(true);
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return a window view; over a timestamped window store it returns the plain values
     */
    public static <K, V> QueryableStoreType<ReadOnlyWindowStore<K, V>> windowStore() {
        return new WindowType<>(false);
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return a view of a timestamped window store, with values and their timestamps
     */
    public static <K, V> QueryableStoreType<ReadOnlyWindowStore<K, ValueAndTimestamp<V>>> timestampedWindowStore() {
        return new WindowType<>(true);
    }

    /**
     * @param <K> the key type
     * @param <V> the aggregate type
     * @return a session view
     */
    public static <K, V> QueryableStoreType<ReadOnlySessionStore<K, V>> sessionStore() {
        return new SessionType<>();
    }

    @SuppressWarnings("unchecked") // the view's value type is the caller's promise, as in Kafka
    private static <V> Function<Object, V> values(boolean unwrap) {
        return unwrap ? v -> v == null ? null : ((ValueAndTimestamp<V>) v).value() : v -> (V) v;
    }

    private static final class KeyValueType<K, V> implements QueryableStoreType<ReadOnlyKeyValueStore<K, V>> {
        private final boolean timestamped;

        KeyValueType(boolean timestamped) {
            this.timestamped = timestamped;
        }

        @Override
        public boolean accepts(StateStore store) {
            return timestamped ? store instanceof TimestampedKeyValueStore<?, ?>
                    : store instanceof ReadOnlyKeyValueStore<?, ?>;
        }

        @Override
        public ReadOnlyKeyValueStore<K, V> create(StateStoreProvider provider, String storeName) {
            boolean unwrap = !timestamped && provider.stores(storeName, this).stream()
                    .anyMatch(a -> a.store() instanceof TimestampedKeyValueStore<?, ?>);
            return new CompositeReadOnlyKeyValueStore<>(provider, this, storeName, values(unwrap));
        }

        @Override
        public String toString() {
            return timestamped ? "timestampedKeyValueStore" : "keyValueStore";
        }
    }

    private static final class WindowType<K, V> implements QueryableStoreType<ReadOnlyWindowStore<K, V>> {
        private final boolean timestamped;

        WindowType(boolean timestamped) {
            this.timestamped = timestamped;
        }

        @Override
        public boolean accepts(StateStore store) {
            return timestamped ? store instanceof TimestampedWindowStore<?, ?>
                    : store instanceof ReadOnlyWindowStore<?, ?>;
        }

        @Override
        public ReadOnlyWindowStore<K, V> create(StateStoreProvider provider, String storeName) {
            boolean unwrap = !timestamped && provider.stores(storeName, this).stream()
                    .anyMatch(a -> a.store() instanceof TimestampedWindowStore<?, ?>);
            return new CompositeReadOnlyWindowStore<>(provider, this, storeName, values(unwrap));
        }

        @Override
        public String toString() {
            return timestamped ? "timestampedWindowStore" : "windowStore";
        }
    }

    private static final class SessionType<K, V> implements QueryableStoreType<ReadOnlySessionStore<K, V>> {
        @Override
        public boolean accepts(StateStore store) {
            return store instanceof ReadOnlySessionStore<?, ?>;
        }

        @Override
        public ReadOnlySessionStore<K, V> create(StateStoreProvider provider, String storeName) {
            return new CompositeReadOnlySessionStore<>(provider, this, storeName);
        }

        @Override
        public String toString() {
            return "sessionStore";
        }
    }
}
