package io.runnel.streams.state.internals;

import io.runnel.common.serialization.BytesSerializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The typed facade of a key-value store stack: serializes keys and values (with the changelog topic name as the
 * serdes' topic, as Kafka does) and deserializes results. The outermost layer; used by one task thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TypedKeyValueStore<K, V> extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    private Serde<K> keySerde;
    private Serde<V> valueSerde;
    private String topic;

    /**
     * @param wrapped    the bytes stack below
     * @param keySerde   the key serde, or null for {@code default.key.serde}
     * @param valueSerde the value serde, or null for {@code default.value.serde}
     */
    public TypedKeyValueStore(KeyValueStore<Bytes, byte[]> wrapped, Serde<K> keySerde, Serde<V> valueSerde) {
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

    private byte[] valueBytes(V value) {
        return value == null ? null : valueSerde.serializer().serialize(topic, value);
    }

    private V value(byte[] bytes) {
        return bytes == null ? null : valueSerde.deserializer().deserialize(topic, bytes);
    }

    private KeyValueIterator<K, V> typed(KeyValueIterator<Bytes, byte[]> it) {
        return Iterators.map(it, kv -> KeyValue.pair(keySerde.deserializer().deserialize(topic, kv.key.get()),
                value(kv.value)));
    }

    @Override
    public V get(K key) {
        return value(wrapped().get(keyBytes(key)));
    }

    @Override
    public void put(K key, V value) {
        wrapped().put(keyBytes(key), valueBytes(value));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return value(wrapped().putIfAbsent(keyBytes(key), valueBytes(value)));
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        List<KeyValue<Bytes, byte[]>> raw = new ArrayList<>(entries.size());
        for (KeyValue<K, V> kv : entries) {
            raw.add(KeyValue.pair(keyBytes(kv.key), valueBytes(kv.value)));
        }
        wrapped().putAll(raw);
    }

    @Override
    public V delete(K key) {
        return value(wrapped().delete(keyBytes(key)));
    }

    private Bytes boundBytes(K bound) {
        StoreGuards.ensureOpen(isOpen(), name());
        return bound == null ? null : Bytes.wrap(keySerde.serializer().serialize(topic, bound));
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return typed(wrapped().range(boundBytes(from), boundBytes(to)));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return typed(wrapped().reverseRange(boundBytes(from), boundBytes(to)));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        StoreGuards.ensureOpen(isOpen(), name());
        return typed(wrapped().all());
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        StoreGuards.ensureOpen(isOpen(), name());
        return typed(wrapped().reverseAll());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixSerializer) {
        StoreGuards.requireKey(prefix, name());
        StoreGuards.ensureOpen(isOpen(), name());
        byte[] raw = prefixSerializer.serialize(topic, prefix);
        return typed(wrapped().prefixScan(Bytes.wrap(raw), new BytesSerializer()));
    }

    @Override
    public long approximateNumEntries() {
        StoreGuards.ensureOpen(isOpen(), name());
        return wrapped().approximateNumEntries();
    }

    @Override
    @SuppressWarnings("unchecked") // the caching layer of a key-value stack is always keyed by Bytes
    public boolean setFlushListener(io.runnel.streams.state.internals.CacheFlushListener<K, V> listener,
                                    boolean sendOldValues) {
        CachedStateStore<Bytes, byte[]> caching = findLayer(wrapped(), CachedStateStore.class);
        if (caching == null) {
            return false;
        }
        return caching.setFlushListener((key, newValue, oldValue, timestamp) -> listener.apply(
                keySerde.deserializer().deserialize(topic, key.get()), value(newValue), value(oldValue), timestamp),
                sendOldValues);
    }
}
