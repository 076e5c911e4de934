package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.WindowStoreIterator;

/** Adapters to {@link WindowStoreIterator}. */
public final class WindowStoreIterators {

    private WindowStoreIterators() {
    }

    /**
     * @param <V>    the value type
     * @param source entries keyed by window start
     * @return the same as a window store iterator
     */
    public static <V> WindowStoreIterator<V> wrap(KeyValueIterator<Long, V> source) {
        return new WindowStoreIterator<>() {
            @Override
            public void close() {
                source.close();
            }

            @Override
            public Long peekNextKey() {
                return source.peekNextKey();
            }

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public KeyValue<Long, V> next() {
                return source.next();
            }
        };
    }

    /**
     * @param source entries keyed by window store keys
     * @return entries keyed by window start
     */
    static WindowStoreIterator<byte[]> fromStoreKeys(KeyValueIterator<Bytes, byte[]> source) {
        return wrap(Iterators.map(source,
                kv -> KeyValue.pair(WindowKeySchema.extractTimestamp(kv.key.get()), kv.value)));
    }
}
