package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.SessionStore;

/**
 * The typed facade of a session store stack. Used by one task thread.
 *
 * @param <K>   the key type
 * @param <AGG> the aggregate type
 */
public class TypedSessionStore<K, AGG> extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<K, AGG>, CachedStateStore<Windowed<K>, AGG> {

    private Serde<K> keySerde;
    private Serde<AGG> valueSerde;
    private String topic;

    /**
     * @param wrapped    the bytes stack below
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the aggregate serde, or null for the default
     */
    public TypedSessionStore(SessionStore<Bytes, byte[]> wrapped, Serde<K> keySerde, Serde<AGG> valueSerde) {
        super(wrapped);
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        keySerde = SerdeResolver.resolve(keySerde, context, true, name());
        valueSerde = SerdeResolver.resolve(valueSerde, context, false, name());
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

    private AGG value(byte[] bytes) {
        return bytes == null ? null : valueSerde.deserializer().deserialize(topic, bytes);
    }

    private Windowed<K> windowed(Windowed<Bytes> raw) {
        return new Windowed<>(keySerde.deserializer().deserialize(topic, raw.key().get()), raw.window());
    }

    private KeyValueIterator<Windowed<K>, AGG> typed(KeyValueIterator<Windowed<Bytes>, byte[]> it) {
        return Iterators.map(it, kv -> KeyValue.pair(windowed(kv.key), value(kv.value)));
    }

    private Windowed<Bytes> rawSessionKey(Windowed<K> sessionKey) {
        StoreGuards.requireKey(sessionKey, name());
        return new Windowed<>(keyBytes(sessionKey.key()), sessionKey.window());
    }

    @Override
    public void put(Windowed<K> sessionKey, AGG aggregate) {
        wrapped().put(rawSessionKey(sessionKey),
                aggregate == null ? null : valueSerde.serializer().serialize(topic, aggregate));
    }

    @Override
    public void remove(Windowed<K> sessionKey) {
        wrapped().remove(rawSessionKey(sessionKey));
    }

    @Override
    public AGG fetchSession(K key, long sessionStart, long sessionEnd) {
        return value(wrapped().fetchSession(keyBytes(key), sessionStart, sessionEnd));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndTime,
                                                           long latestSessionStartTime) {
        return typed(wrapped().findSessions(keyBytes(key), earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K key, long earliestSessionEndTime,
                                                                   long latestSessionStartTime) {
        return typed(wrapped().backwardFindSessions(keyBytes(key), earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                           long latestSessionStartTime) {
        return typed(wrapped().findSessions(boundBytes(keyFrom), boundBytes(keyTo), earliestSessionEndTime,
                latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                                   long latestSessionStartTime) {
        return typed(wrapped().backwardFindSessions(boundBytes(keyFrom), boundBytes(keyTo), earliestSessionEndTime,
                latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K key) {
        return typed(wrapped().fetch(keyBytes(key)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key) {
        return typed(wrapped().backwardFetch(keyBytes(key)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo) {
        return typed(wrapped().fetch(boundBytes(keyFrom), boundBytes(keyTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo) {
        return typed(wrapped().backwardFetch(boundBytes(keyFrom), boundBytes(keyTo)));
    }

    @Override
    @SuppressWarnings("unchecked") // the caching layer of a session stack is always keyed by Windowed<Bytes>
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, AGG> listener, boolean sendOldValues) {
        CachedStateStore<Windowed<Bytes>, byte[]> caching = findLayer(wrapped(), CachedStateStore.class);
        if (caching == null) {
            return false;
        }
        return caching.setFlushListener((key, newValue, oldValue, timestamp) -> listener.apply(windowed(key),
                value(newValue), value(oldValue), timestamp), sendOldValues);
    }
}
