package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;

import java.util.Arrays;

/** Prefix scans on bytes stores: a range from the prefix that stops at the first key without it. */
final class BytesPrefix {

    private BytesPrefix() {
    }

    static <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> scan(KeyValueStore<Bytes, byte[]> store,
                                                                              P prefix, PS serializer,
                                                                              String storeName) {
        StoreGuards.requireKey(prefix, storeName);
        byte[] raw = serializer.serialize(null, prefix);
        if (raw == null) {
            throw new NullPointerException("Prefix serializer returned null for prefix " + prefix + " (store "
                    + storeName + ")");
        }
        Bytes upper = Bytes.increment(Bytes.wrap(raw));
        return Iterators.filter(store.range(Bytes.wrap(raw), upper),
                kv -> startsWith(kv.key.get(), raw), kv -> true);
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
