package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.ChangeLogger;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;

import java.util.List;

/**
 * The change-logging layer of key-value stores: every write that reaches the store is handed to the task's
 * {@link ChangeLogger} after the store applied it (key, value, timestamp; a null value for deletes). Timestamped
 * stores log the plain value with the value's timestamp, as Kafka does. Evictions of an LRU store are logged as
 * deletes. Reads pass through. Used by one task thread.
 */
public class ChangeLoggingKeyValueBytesStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<Bytes, byte[]> {

    private final ValueFormat valueFormat;
    private ChangeLogger logger;
    private StateStoreContext context;

    /**
     * @param wrapped     the bytes store
     * @param valueFormat whether values carry a timestamp prefix
     */
    public ChangeLoggingKeyValueBytesStore(KeyValueStore<Bytes, byte[]> wrapped, ValueFormat valueFormat) {
        super(wrapped);
        this.valueFormat = valueFormat;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        super.init(context, root);
        this.context = context;
        this.logger = context.changeLogger(name());
        if (wrapped() instanceof MemoryLRUCache lru) {
            lru.setEvictionListener(key -> log(key, null));
        }
    }

    private void log(Bytes key, byte[] value) {
        if (valueFormat == ValueFormat.TIMESTAMPED && value != null) {
            logger.log(key, ValueFormat.rawValueOf(value), ValueFormat.timestampOf(value));
        } else {
            logger.log(key, value, context.recordTimestamp());
        }
    }

    @Override
    public void put(Bytes key, byte[] value) {
        wrapped().put(key, value);
        log(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] previous = wrapped().putIfAbsent(key, value);
        if (previous == null) {
            log(key, value);
        }
        return previous;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        wrapped().putAll(entries);
        for (KeyValue<Bytes, byte[]> kv : entries) {
            log(kv.key, kv.value);
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] old = wrapped().delete(key);
        log(key, null);
        return old;
    }

    @Override
    public byte[] get(Bytes key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        return wrapped().prefixScan(prefix, prefixSerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
