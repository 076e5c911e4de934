package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.state.KeyValueIterator;

import java.util.List;

/**
 * Merges a sorted snapshot of cache entries with a store iterator sorted the same way (both keyed by store keys):
 * on equal keys the cache wins, and a cached pending delete hides the store's entry.
 */
final class CacheMerge {

    private CacheMerge() {
    }

    static KeyValueIterator<Bytes, byte[]> merge(List<KeyValue<Bytes, NamedCache.Entry>> cache,
                                                 KeyValueIterator<Bytes, byte[]> store, boolean forward) {
        return new AbstractKeyValueIterator<>() {
            private int index;

            @Override
            protected KeyValue<Bytes, byte[]> computeNext() {
                while (true) {
                    boolean hasCache = index < cache.size();
                    boolean hasStore = store.hasNext();
                    if (!hasCache && !hasStore) {
                        return null;
                    }
                    int cmp;
                    if (!hasCache) {
                        cmp = 1;
                    } else if (!hasStore) {
                        cmp = -1;
                    } else {
                        cmp = cache.get(index).key.compareTo(store.peekNextKey());
                        if (!forward) {
                            cmp = -cmp;
                        }
                    }
                    if (cmp > 0) {
                        return store.next();
                    }
                    KeyValue<Bytes, NamedCache.Entry> cached = cache.get(index++);
                    if (cmp == 0) {
                        store.next();
                    }
                    if (cached.value.value() != null) {
                        return KeyValue.pair(cached.key, cached.value.value());
                    }
                }
            }

            @Override
            protected void onClose() {
                store.close();
            }
        };
    }
}
