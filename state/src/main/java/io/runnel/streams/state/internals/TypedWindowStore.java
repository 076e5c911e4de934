package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;

/**
 * The typed facade of a window store stack. Used by one task thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TypedWindowStore<K, V> extends WrappedStateStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {

    private Serde<K> keySerde;
    private Serde<V> valueSerde;
    private String topic;

    /**
     * @param wrapped    the bytes stack below
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     */
    public TypedWindowStore(WindowStore<Bytes, byte[]> wrapped, Serde<K> keySerde, Serde<V> valueSerde) {
        super(wrapped);
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    /**
     * @param given   the serde given to the builder, or null
     * @param context the task context
     * @return the value serde to use
     */
    protected Serde<V> prepareValueSerde(Serde<V> given, StateStoreContext context) {
        return SerdeResolver.resolve(given, context, false, name());
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        keySerde = SerdeResolver.resolve(keySerde, context, true, name());
        valueSerde = prepareValueSerde(valueSerde, context);
        topic = SerdeResolver.changelogTopic(context, name());
        super.init(context, root);
    }

    private Bytes keyBytes(K key) {
        StoreGuards.requireKey(key, name());
        StoreGuards.ensureOpen(isOpen(), name());
        return Bytes.wrap(keySerde.serializer().serialize(topic, key));
    }

    private Bytes boundBytes(K bound) {
        StoreGuards.ensureOpen(isOpen(), name());
        return bound == null ? null : Bytes.wrap(keySerde.serializer().serialize(topic, bound));
    }

    private V value(byte[] bytes) {
        return bytes == null ? null : valueSerde.deserializer().deserialize(topic, bytes);
    }

    private KeyValueIterator<Windowed<K>, V> typed(KeyValueIterator<Windowed<Bytes>, byte[]> it) {
        return Iterators.map(it, kv -> KeyValue.pair(windowed(kv.key), value(kv.value)));
    }

    private Windowed<K> windowed(Windowed<Bytes> raw) {
        return new Windowed<>(keySerde.deserializer().deserialize(topic, raw.key().get()), raw.window());
    }

    @Override
    public void put(K key, V value, long windowStartTimestamp) {
        wrapped().put(keyBytes(key), value == null ? null : valueSerde.serializer().serialize(topic, value),
                windowStartTimestamp);
    }

    @Override
    public V fetch(K key, long time) {
        return value(wrapped().fetch(keyBytes(key), time));
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        return WindowStoreIterators.wrap(Iterators.map(wrapped().fetch(keyBytes(key), timeFrom, timeTo),
                kv -> KeyValue.pair(kv.key, value(kv.value))));
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return WindowStoreIterators.wrap(Iterators.map(wrapped().backwardFetch(keyBytes(key), timeFrom, timeTo),
                kv -> KeyValue.pair(kv.key, value(kv.value))));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return typed(wrapped().fetch(boundBytes(keyFrom), boundBytes(keyTo), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return typed(wrapped().backwardFetch(boundBytes(keyFrom), boundBytes(keyTo), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        StoreGuards.ensureOpen(isOpen(), name());
        return typed(wrapped().fetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        StoreGuards.ensureOpen(isOpen(), name());
        return typed(wrapped().backwardFetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        StoreGuards.ensureOpen(isOpen(), name());
        return typed(wrapped().all());
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        StoreGuards.ensureOpen(isOpen(), name());
        return typed(wrapped().backwardAll());
    }

    @Override
    @SuppressWarnings("unchecked") // the caching layer of a window stack is always keyed by Windowed<Bytes>
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, V> listener, boolean sendOldValues) {
        CachedStateStore<Windowed<Bytes>, byte[]> caching = findLayer(wrapped(), CachedStateStore.class);
        if (caching == null) {
            return false;
        }
        return caching.setFlushListener((key, newValue, oldValue, timestamp) -> listener.apply(windowed(key),
                value(newValue), value(oldValue), timestamp), sendOldValues);
    }
}
