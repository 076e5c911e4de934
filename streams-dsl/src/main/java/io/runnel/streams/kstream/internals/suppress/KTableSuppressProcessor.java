package io.runnel.streams.kstream.internals.suppress;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.kstream.internals.Change;
import io.runnel.streams.kstream.internals.ChangeSerde;
import io.runnel.streams.kstream.internals.KTableValueGetter;
import io.runnel.streams.kstream.internals.KTableValueGetterSupplier;
import io.runnel.streams.kstream.internals.WrappingSerde;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessingContext;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/*
 * Design: the suppression buffer.
 *
 * Kafka keeps suppressed updates in an in-memory time-ordered buffer logged to a changelog. Here the buffer is an
 * in-memory key-value store of bytes (logged unless disabled, so it is restored before the processor starts) plus an
 * index rebuilt from it in init: buffer time -> keys, ordered. Each buffered key holds one entry:
 *
 *   offset  size  field
 *   0       8     buffer time (ms): the window's end (final results) or the first buffered update's timestamp
 *                 (time limit; later updates of the key keep it, so the wait is not restarted)
 *   8       8     the latest update's record timestamp (ms), forwarded with the emitted record
 *   16      rest  ChangeSerde bytes of (latest new value, value before the first buffered update)
 *
 * Keeping the value from before the first buffered update as the "old" value means downstream subtractors see the
 * value they last received, however many updates were folded. A key is emitted when stream time (the largest
 * timestamp the processor has seen, as in Kafka: it advances only with records) reaches buffer time + delay,
 * oldest first; when a bound is exceeded the oldest keys are emitted early or the thread fails, as configured.
 */
/**
 * The processor of {@code KTable.suppress} and the value getter of a suppressed table (a join reads the value last
 * emitted, not the one still buffered, as in Kafka).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KTableSuppressProcessor<K, V> extends ContextualProcessor<K, Change<V>, K, Change<V>> {

    private static final int HEADER = 16;

    private final String storeName;
    private final boolean finalResults;
    private final long delayMs;
    private final BufferConfigInternal<?> config;
    private final Serde<K> configuredKeySerde;
    private final Serde<V> configuredValueSerde;
    private KeyValueStore<Bytes, byte[]> store;
    private Serde<K> keySerde;
    private ChangeSerde<V> changeSerde;
    private final TreeMap<TimeKey, Boolean> index = new TreeMap<>();
    private final Map<Bytes, Long> bufferTimes = new HashMap<>();
    private long bufferedBytes;
    private long observedStreamTime = -1L;

    private KTableSuppressProcessor(String storeName, boolean finalResults, long delayMs,
                                    BufferConfigInternal<?> config, Serde<K> keySerde, Serde<V> valueSerde) {
        this.storeName = storeName;
        this.finalResults = finalResults;
        this.delayMs = delayMs;
        this.config = config;
        this.configuredKeySerde = keySerde;
        this.configuredValueSerde = valueSerde;
    }

    /**
     * @param <K>          the key type
     * @param <V>          the value type
     * @param storeName    the buffer store
     * @param finalResults true for final results of windows (buffer time = window end)
     * @param delayMs      how long after buffer time a key is emitted, in ms
     * @param config       the buffer's bounds
     * @param keySerde     the table's key serde, or null for the default
     * @param valueSerde   the table's value serde, or null for the default
     * @return the supplier
     */
    public static <K, V> ProcessorSupplier<K, Change<V>, K, Change<V>> supplier(String storeName, boolean finalResults,
                                                                                long delayMs,
                                                                                BufferConfigInternal<?> config,
                                                                                Serde<K> keySerde,
                                                                                Serde<V> valueSerde) {
        return () -> new KTableSuppressProcessor<>(storeName, finalResults, delayMs, config, keySerde, valueSerde);
    }

    /** A buffered key in time order. */
    private record TimeKey(long time, Bytes key) implements Comparable<TimeKey> {
        @Override
        public int compareTo(TimeKey o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    @Override
    public void init(ProcessorContext<K, Change<V>> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        keySerde = WrappingSerde.resolve(configuredKeySerde, context, true, "the keys of a suppressed KTable");
        changeSerde = new ChangeSerde<>(configuredValueSerde);
        changeSerde.setIfUnset(context.keySerde(), context.valueSerde());
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                long time = ByteBuffer.wrap(kv.value).getLong();
                index.put(new TimeKey(time, kv.key), Boolean.TRUE);
                bufferTimes.put(kv.key, time);
                bufferedBytes += kv.key.get().length + kv.value.length;
            }
        }
    }

    @Override
    public void process(Record<K, Change<V>> record) {
        observedStreamTime = Math.max(observedStreamTime, record.timestamp());
        Bytes key = Bytes.wrap(keySerde.serializer().serialize(storeName, record.key()));
        byte[] existing = store.get(key);
        long bufferTime;
        V prior;
        if (existing != null) {
            bufferTime = ByteBuffer.wrap(existing).getLong();
            prior = decode(existing).oldValue();
            remove(key, existing);
        } else {
            bufferTime = record.timestamp();
            prior = record.value().oldValue();
        }
        if (finalResults) {
            if (!(record.key() instanceof Windowed<?> windowed)) {
                throw new StreamsException("Suppressed.untilWindowCloses got a record without a windowed key: "
                        + record.key());
            }
            bufferTime = windowed.window().end();
        }
        byte[] change = changeSerde.serializer().serialize(storeName,
                new Change<>(record.value().newValue(), prior));
        byte[] entry = ByteBuffer.allocate(HEADER + change.length).putLong(bufferTime).putLong(record.timestamp())
                .put(change).array();
        store.put(key, entry);
        index.put(new TimeKey(bufferTime, key), Boolean.TRUE);
        bufferTimes.put(key, bufferTime);
        bufferedBytes += key.get().length + entry.length;

        long expiry = observedStreamTime - delayMs;
        while (!index.isEmpty() && index.firstKey().time() <= expiry) {
            emitFirst();
        }
        while (index.size() > config.maxRecords() || bufferedBytes > config.maxBytes()) {
            if (config.fullPolicy() == BufferConfigInternal.FullPolicy.SHUT_DOWN) {
                throw new StreamsException("The suppression buffer " + storeName + " exceeded its capacity ("
                        + index.size() + " records, " + bufferedBytes + " bytes; bounds " + config.maxRecords()
                        + " records, " + config.maxBytes() + " bytes) and is configured to shut down when full:"
                        + " raise the bounds or use emitEarlyWhenFull()", null, context().taskId());
            }
            emitFirst();
        }
    }

    private void emitFirst() {
        Bytes key = index.firstKey().key();
        byte[] entry = store.get(key);
        remove(key, entry);
        long recordTime = ByteBuffer.wrap(entry, 8, 8).getLong();
        Change<V> change = decode(entry);
        if (change.newValue() == null && change.oldValue() == null) {
            return;
        }
        K k = keySerde.deserializer().deserialize(storeName, key.get());
        context().forward(new Record<>(k, change, recordTime));
    }

    private void remove(Bytes key, byte[] entry) {
        Long time = bufferTimes.remove(key);
        if (time != null) {
            index.remove(new TimeKey(time, key));
        }
        store.delete(key);
        bufferedBytes -= key.get().length + entry.length;
    }

    private Change<V> decode(byte[] entry) {
        return changeSerde.deserializer().deserialize(storeName, Arrays.copyOfRange(entry, HEADER, entry.length));
    }

    /**
     * The getter of a suppressed table: the value before the key's buffered updates if it has any (what was last
     * emitted), else the upstream table's value.
     *
     * @param <K>        the key type
     * @param <V>        the value type
     * @param parent     the upstream table's getter
     * @param storeName  the buffer store
     * @param keySerde   the key serde, or null
     * @param valueSerde the value serde, or null
     * @return the getter supplier
     */
    public static <K, V> KTableValueGetterSupplier<K, V> getter(KTableValueGetterSupplier<K, V> parent,
                                                                String storeName, Serde<K> keySerde,
                                                                Serde<V> valueSerde) {
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<K, V> get() {
                KTableValueGetter<K, V> p = parent.get();
                return new KTableValueGetter<>() {
                    private KeyValueStore<Bytes, byte[]> store;
                    private Serde<K> keys;
                    private ChangeSerde<V> changes;

                    @Override
                    public void init(ProcessingContext context) {
                        p.init(context);
                        store = context.getStateStore(storeName);
                        keys = WrappingSerde.resolve(keySerde, context, true, "the keys of a suppressed KTable");
                        changes = new ChangeSerde<>(valueSerde);
                        changes.setIfUnset(context.keySerde(), context.valueSerde());
                    }

                    @Override
                    public ValueAndTimestamp<V> get(K key) {
                        byte[] entry = store.get(Bytes.wrap(keys.serializer().serialize(storeName, key)));
                        if (entry == null) {
                            return p.get(key);
                        }
                        Change<V> change = changes.deserializer().deserialize(storeName,
                                Arrays.copyOfRange(entry, HEADER, entry.length));
                        return ValueAndTimestamp.make(change.oldValue(), ByteBuffer.wrap(entry, 8, 8).getLong());
                    }
                };
            }

            @Override
            public String[] storeNames() {
                Set<String> all = new LinkedHashSet<>(Arrays.asList(parent.storeNames()));
                all.add(storeName);
                return all.toArray(new String[0]);
            }
        };
    }
}
