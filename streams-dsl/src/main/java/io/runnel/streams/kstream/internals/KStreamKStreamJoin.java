package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.BytesSerializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.ValueJoinerWithKey;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.processor.api.RecordMetadata;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Design: one side of a windowed stream-stream join.
 *
 * Each side's processor handles a record of its stream: it joins the record with the other side's window store
 * (records whose timestamps are within the join window), then puts it into its own side's store, so a record of
 * the other side arriving later finds it. Results get the larger timestamp of the pair.
 *
 * Left and outer joins must also emit records that never found a match, but only once no match can come any more:
 * Kafka fixed "spurious" left-join results (KAFKA-10847) by keeping unmatched records in a shared store and emitting
 * them when their window closes. Here the same: a record of an outer side that found no match is put into the
 * shared store under (timestamp, side, key, sequence) — timestamp first, sign-flipped big-endian, so a store scan
 * runs in time order — and a later match deletes every entry of that (timestamp, side, key). After each record the
 * processor emits and deletes the entries whose window has closed (stream time past timestamp + the other side's
 * bound + grace). To avoid opening a store iterator per record, both processors of a task share the earliest time
 * at which anything could expire (a lower bound learnt from the last scan and from every put).
 *
 * Stream time is the task's (both sides' records are in one task) or the record's, whichever is larger. A record
 * whose own window has closed is dropped as late and counted. Null values are dropped; null keys are dropped by
 * inner sides and joined with null at once by outer sides (KIP-962).
 */
/**
 * The processors of a KStream-KStream join, one per side. See {@link KStreamJoinBuilder}.
 */
final class KStreamKStreamJoin {

    private static final byte LEFT = 0;
    private static final byte RIGHT = 1;

    private KStreamKStreamJoin() {
    }

    /**
     * Everything both sides share.
     *
     * @param <K>            the key type
     * @param <V1>           the left value type
     * @param <V2>           the right value type
     * @param <VR>           the result type
     * @param leftStore      the left side's window store
     * @param rightStore     the right side's window store
     * @param outerStore     the unmatched records' store, or null for inner joins
     * @param beforeMs       right records may be this much older than a left record
     * @param afterMs        right records may be this much newer than a left record
     * @param graceMs        the grace period
     * @param joiner         computes results (left value, right value)
     * @param leftOuter      whether unmatched left records are emitted
     * @param rightOuter     whether unmatched right records are emitted
     * @param keySerde       key serde, or null for the default
     * @param leftSerde      left value serde, or null for the default
     * @param rightSerde     right value serde, or null for the default
     * @param sharedExpiry   per task, the earliest stream time at which an unmatched record may expire
     */
    record Config<K, V1, V2, VR>(String leftStore, String rightStore, String outerStore, long beforeMs, long afterMs,
                                 long graceMs, ValueJoinerWithKey<? super K, ? super V1, ? super V2, ? extends VR> joiner,
                                 boolean leftOuter, boolean rightOuter, Serde<K> keySerde, Serde<V1> leftSerde,
                                 Serde<V2> rightSerde, ConcurrentHashMap<String, long[]> sharedExpiry) {
    }

    /**
     * @param <K>    the key type
     * @param <V1>   the left value type
     * @param <V2>   the right value type
     * @param <VR>   the result type
     * @param config the join
     * @return the left side's processor
     */
    static <K, V1, V2, VR> ProcessorSupplier<K, V1, K, VR> leftSupplier(Config<K, V1, V2, VR> config) {
        return () -> new Side<K, V1, V2, VR, V1>(config, true);
    }

    /**
     * @param <K>    the key type
     * @param <V1>   the left value type
     * @param <V2>   the right value type
     * @param <VR>   the result type
     * @param config the join
     * @return the right side's processor
     */
    static <K, V1, V2, VR> ProcessorSupplier<K, V2, K, VR> rightSupplier(Config<K, V1, V2, VR> config) {
        return () -> new Side<K, V1, V2, VR, V2>(config, false);
    }

    /**
     * One side.
     *
     * @param <K>   the key type
     * @param <V1>  the left value type
     * @param <V2>  the right value type
     * @param <VR>  the result type
     * @param <VIn> this side's value type (V1 or V2)
     */
    private static final class Side<K, V1, V2, VR, VIn> extends ContextualProcessor<K, VIn, K, VR> {
        private final Config<K, V1, V2, VR> c;
        private final boolean leftSide;
        private WindowStore<K, VIn> thisStore;
        private WindowStore<K, Object> otherStore;
        private KeyValueStore<Bytes, byte[]> outerStore;
        private Serde<K> keySerde;
        private Serde<V1> leftSerde;
        private Serde<V2> rightSerde;
        private long[] nextExpiry;
        private DroppedRecords dropped;
        private long sequence;

        Side(Config<K, V1, V2, VR> c, boolean leftSide) {
            this.c = c;
            this.leftSide = leftSide;
        }

        @Override
        public void init(ProcessorContext<K, VR> context) {
            super.init(context);
            thisStore = context.getStateStore(leftSide ? c.leftStore() : c.rightStore());
            otherStore = context.getStateStore(leftSide ? c.rightStore() : c.leftStore());
            dropped = new DroppedRecords(context);
            if (c.outerStore() != null) {
                outerStore = context.getStateStore(c.outerStore());
                keySerde = WrappingSerde.resolve(c.keySerde(), context, true, "the keys of a stream-stream join");
                leftSerde = WrappingSerde.resolve(c.leftSerde(), context, false, "the left values of a join");
                rightSerde = WrappingSerde.resolve(c.rightSerde(), context, false, "the right values of a join");
                nextExpiry = c.sharedExpiry().computeIfAbsent(context.taskId().toString(), t -> new long[1]);
                nextExpiry[0] = Long.MIN_VALUE;
            }
        }

        private boolean outer() {
            return leftSide ? c.leftOuter() : c.rightOuter();
        }

        @SuppressWarnings("unchecked") // VIn is V1 (left) or V2 (right); the other value is the other side's
        private VR join(K key, VIn value, Object other) {
            return leftSide ? c.joiner().apply(key, (V1) value, (V2) other)
                    : c.joiner().apply(key, (V1) other, (V2) value);
        }

        @Override
        public void process(Record<K, VIn> record) {
            if (record.value() == null) {
                dropped.drop("null value in a stream-stream join", record);
                return;
            }
            long t = record.timestamp();
            long streamTime = Math.max(context().currentStreamTimeMs(), t);
            if (record.key() == null) {
                if (outer()) {
                    context().forward(record.withValue(join(null, record.value(), null)));
                } else {
                    dropped.drop("null key in a stream-stream join", record);
                }
                return;
            }
            long ownBound = leftSide ? c.afterMs() : c.beforeMs();
            if (t + ownBound + c.graceMs() < streamTime) {
                dropped.drop("expired join window (later than the grace period)", record);
                return;
            }
            long from = Math.max(0L, leftSide ? t - c.beforeMs() : t - c.afterMs());
            long to = leftSide ? t + c.afterMs() : t + c.beforeMs();
            boolean matched = false;
            List<Long> matchedTimes = outerStore == null ? null : new ArrayList<>();
            if (to >= from) {
                try (WindowStoreIterator<Object> it = otherStore.fetch(record.key(), from, to)) {
                    while (it.hasNext()) {
                        KeyValue<Long, Object> other = it.next();
                        matched = true;
                        context().forward(record.withValue(join(record.key(), record.value(), other.value))
                                .withTimestamp(Math.max(t, other.key)));
                        if (matchedTimes != null) {
                            matchedTimes.add(other.key);
                        }
                    }
                }
            }
            thisStore.put(record.key(), record.value(), t);
            if (outerStore != null) {
                byte[] keyBytes = keySerde.serializer().serialize(null, record.key());
                for (long other : matchedTimes) {
                    deleteUnmatched(other, leftSide ? RIGHT : LEFT, keyBytes);
                }
                if (!matched && outer()) {
                    putUnmatched(t, keyBytes, record);
                }
                emitExpired(streamTime);
            }
        }

        private void putUnmatched(long t, byte[] keyBytes, Record<K, VIn> record) {
            Optional<RecordMetadata> meta = context().recordMetadata();
            long seq = meta.isPresent() ? meta.get().offset() : --sequence;
            byte[] valueBytes = leftSide ? leftSerde.serializer().serialize(null, leftValue(record.value()))
                    : rightSerde.serializer().serialize(null, rightValue(record.value()));
            ByteBuffer key = prefix(t, leftSide ? LEFT : RIGHT, keyBytes, 8);
            key.putLong(seq);
            outerStore.put(Bytes.wrap(key.array()), valueBytes);
            nextExpiry[0] = Math.min(nextExpiry[0], closeTime(t, leftSide ? LEFT : RIGHT));
        }

        @SuppressWarnings("unchecked") // on the left side VIn is V1
        private V1 leftValue(VIn v) {
            return (V1) v;
        }

        @SuppressWarnings("unchecked") // on the right side VIn is V2
        private V2 rightValue(VIn v) {
            return (V2) v;
        }

        private void deleteUnmatched(long t, byte side, byte[] keyBytes) {
            Bytes prefix = Bytes.wrap(prefix(t, side, keyBytes, 0).array());
            List<Bytes> keys = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> it = outerStore.prefixScan(prefix, new BytesSerializer())) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            keys.forEach(outerStore::delete);
        }

        private long closeTime(long t, byte side) {
            return t + (side == LEFT ? c.afterMs() : c.beforeMs()) + c.graceMs();
        }

        private void emitExpired(long streamTime) {
            if (streamTime <= nextExpiry[0]) {
                return;
            }
            long minBound = Math.min(c.afterMs(), c.beforeMs()) + c.graceMs();
            long next = Long.MAX_VALUE;
            List<KeyValue<Bytes, byte[]>> expired = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> it = outerStore.all()) {
                while (it.hasNext()) {
                    KeyValue<Bytes, byte[]> kv = it.next();
                    ByteBuffer k = ByteBuffer.wrap(kv.key.get());
                    long t = k.getLong() ^ Long.MIN_VALUE;
                    byte side = k.get();
                    if (t + minBound >= streamTime) {
                        next = Math.min(next, t + minBound);
                        break;
                    }
                    long close = closeTime(t, side);
                    if (close < streamTime) {
                        expired.add(kv);
                    } else {
                        next = Math.min(next, close);
                    }
                }
            }
            nextExpiry[0] = next;
            for (KeyValue<Bytes, byte[]> kv : expired) {
                ByteBuffer k = ByteBuffer.wrap(kv.key.get());
                long t = k.getLong() ^ Long.MIN_VALUE;
                byte side = k.get();
                byte[] keyBytes = new byte[k.getInt()];
                k.get(keyBytes);
                K key = keySerde.deserializer().deserialize(null, keyBytes);
                VR result = side == LEFT
                        ? c.joiner().apply(key, leftSerde.deserializer().deserialize(null, kv.value), null)
                        : c.joiner().apply(key, null, rightSerde.deserializer().deserialize(null, kv.value));
                outerStore.delete(kv.key);
                context().forward(new Record<>(key, result, t));
            }
        }

        private static ByteBuffer prefix(long t, byte side, byte[] keyBytes, int extra) {
            ByteBuffer b = ByteBuffer.allocate(8 + 1 + 4 + keyBytes.length + extra);
            b.putLong(t ^ Long.MIN_VALUE).put(side).putInt(keyBytes.length).put(keyBytes);
            return b;
        }
    }
}
