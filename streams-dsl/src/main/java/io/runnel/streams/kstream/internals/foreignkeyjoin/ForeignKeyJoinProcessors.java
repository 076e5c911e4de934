package io.runnel.streams.kstream.internals.foreignkeyjoin;

import io.runnel.common.serialization.BytesSerializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.kstream.ValueJoiner;
import io.runnel.streams.kstream.internals.Change;
import io.runnel.streams.kstream.internals.DroppedRecords;
import io.runnel.streams.kstream.internals.KTableForwarder;
import io.runnel.streams.kstream.internals.KTableValueGetter;
import io.runnel.streams.kstream.internals.KTableValueGetterSupplier;
import io.runnel.streams.kstream.internals.WrappingSerde;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/*
 * Design: the foreign-key join as four processors around two internal topics (Kafka's KIP-213 design).
 *
 *   left table ──► send ──► registration topic (key: foreign key) ──► receive ─┐
 *                    │                                                          ├──► response topic (key: left key)
 *   right table ───────────────────────────────────────────────► right change ─┘                 │
 *                    └──────── local answers (deleted row, null foreign key) ──► resolve ◄───────┘ ──► result
 *
 * send: for a changed left row, unsubscribes from the old foreign key when it changed, and subscribes to the new
 * one with the MD5 of the new value; a deleted row or a null foreign key is answered locally.
 * receive (right side): keeps subscriptions in a store keyed by (foreign key, left key), and answers each
 * subscription with the right table's current value for the foreign key.
 * right change (right side): for an updated right row, answers every subscription to its key (a prefix scan).
 * resolve (left side): joins an answer with the left row's current value, unless the row changed since the
 * subscription (its hash differs: a newer answer is on its way); writes the result to the result's store and
 * forwards the change.
 *
 * Answers carry the larger of the two rows' timestamps. The registration topic is co-partitioned with the right
 * table and the response topic with the left table, so the tables themselves need not be co-partitioned.
 */
/** The processors of a foreign-key KTable join. See {@link ForeignKeyJoinBuilder}. */
final class ForeignKeyJoinProcessors {

    private ForeignKeyJoinProcessors() {
    }

    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    /** Subscription store key: 4-byte foreign key length, foreign key bytes, left key bytes. */
    static Bytes subscriptionKey(byte[] fk, byte[] pk) {
        return Bytes.wrap(ByteBuffer.allocate(4 + fk.length + pk.length).putInt(fk.length).put(fk).put(pk).array());
    }

    static Bytes subscriptionPrefix(byte[] fk) {
        return Bytes.wrap(ByteBuffer.allocate(4 + fk.length).putInt(fk.length).put(fk).array());
    }

    /** Subscription store value: 8-byte timestamp, then the hash. */
    static byte[] subscriptionValue(long timestamp, byte[] hash) {
        byte[] h = hash == null ? new byte[0] : hash;
        return ByteBuffer.allocate(8 + h.length).putLong(timestamp).put(h).array();
    }

    /**
     * The send processor, child of the left table.
     *
     * @param <K>             the left key type
     * @param <V>             the left value type
     * @param <KO>            the foreign key type
     * @param extractor       extracts the foreign key
     * @param leftKeySerde    left key serde, or null
     * @param leftValueSerde  left value serde, or null
     * @param registrationSink the registration topic's sink node
     * @param resolverName    the resolve node
     * @return the supplier
     */
    static <K, V, KO> ProcessorSupplier<K, Change<V>, Object, Object> send(
            Function<? super V, ? extends KO> extractor, Serde<K> leftKeySerde, Serde<V> leftValueSerde,
            String registrationSink, String resolverName) {
        return () -> new ContextualProcessor<>() {
            private Serde<K> keys;
            private Serde<V> values;

            @Override
            public void init(ProcessorContext<Object, Object> context) {
                super.init(context);
                keys = WrappingSerde.resolve(leftKeySerde, context, true, "the left keys of a foreign-key join");
                values = WrappingSerde.resolve(leftValueSerde, context, false,
                        "the left values of a foreign-key join");
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                Change<V> change = record.value();
                KO newFk = change.newValue() == null ? null : extractor.apply(change.newValue());
                KO oldFk = change.oldValue() == null ? null : extractor.apply(change.oldValue());
                byte[] pk = keys.serializer().serialize(null, record.key());
                if (oldFk != null && !Objects.equals(oldFk, newFk)) {
                    context().forward(record.withKey((Object) oldFk).withValue(
                            new SubscriptionWrapper(SubscriptionWrapper.UNSUBSCRIBE, null, pk)), registrationSink);
                }
                if (change.newValue() == null || newFk == null) {
                    context().forward(record.withValue(new ResponseWrapper(null, null, true)), resolverName);
                    return;
                }
                byte[] hash = md5(values.serializer().serialize(null, change.newValue()));
                context().forward(record.withKey((Object) newFk).withValue(
                        new SubscriptionWrapper(SubscriptionWrapper.SUBSCRIBE, hash, pk)), registrationSink);
            }
        };
    }

    /**
     * The receive processor, on the right side: stores subscriptions and answers them.
     *
     * @param <K>             the left key type
     * @param <KO>            the foreign key type
     * @param <VO>            the right value type
     * @param storeName       the subscription store
     * @param rightGetter     reads the right table
     * @param leftKeySerde    left key serde, or null
     * @param rightKeySerde   right key serde, or null
     * @param rightValueSerde right value serde, or null
     * @return the supplier
     */
    static <K, KO, VO> ProcessorSupplier<KO, SubscriptionWrapper, K, ResponseWrapper> receive(
            String storeName, KTableValueGetterSupplier<KO, VO> rightGetter, Serde<K> leftKeySerde,
            Serde<KO> rightKeySerde, Serde<VO> rightValueSerde) {
        return () -> new ContextualProcessor<>() {
            private final KTableValueGetter<KO, VO> getter = rightGetter.get();
            private KeyValueStore<Bytes, byte[]> store;
            private Serde<K> leftKeys;
            private Serde<KO> rightKeys;
            private Serde<VO> rightValues;
            private DroppedRecords dropped;

            @Override
            public void init(ProcessorContext<K, ResponseWrapper> context) {
                super.init(context);
                getter.init(context);
                store = context.getStateStore(storeName);
                leftKeys = WrappingSerde.resolve(leftKeySerde, context, true, "the left keys of a foreign-key join");
                rightKeys = WrappingSerde.resolve(rightKeySerde, context, true,
                        "the right keys of a foreign-key join");
                rightValues = WrappingSerde.resolve(rightValueSerde, context, false,
                        "the right values of a foreign-key join");
                dropped = new DroppedRecords(context);
            }

            @Override
            public void process(Record<KO, SubscriptionWrapper> record) {
                SubscriptionWrapper s = record.value();
                if (record.key() == null || s == null) {
                    dropped.drop("foreign-key join subscription without key or value", record);
                    return;
                }
                Bytes key = subscriptionKey(rightKeys.serializer().serialize(null, record.key()), s.primaryKey());
                if (s.instruction() == SubscriptionWrapper.UNSUBSCRIBE) {
                    store.delete(key);
                    return;
                }
                store.put(key, subscriptionValue(record.timestamp(), s.hash()));
                ValueAndTimestamp<VO> right = getter.get(record.key());
                long ts = right == null ? record.timestamp() : Math.max(record.timestamp(), right.timestamp());
                byte[] rightBytes = right == null ? null : rightValues.serializer().serialize(null, right.value());
                context().forward(new Record<>(leftKeys.deserializer().deserialize(null, s.primaryKey()),
                        new ResponseWrapper(s.hash(), rightBytes, false), ts, record.headers()));
            }
        };
    }

    /**
     * The right change processor, child of the right table: answers every subscription to the changed key.
     *
     * @param <K>             the left key type
     * @param <KO>            the foreign key type
     * @param <VO>            the right value type
     * @param storeName       the subscription store
     * @param leftKeySerde    left key serde, or null
     * @param rightKeySerde   right key serde, or null
     * @param rightValueSerde right value serde, or null
     * @return the supplier
     */
    static <K, KO, VO> ProcessorSupplier<KO, Change<VO>, K, ResponseWrapper> rightChange(
            String storeName, Serde<K> leftKeySerde, Serde<KO> rightKeySerde, Serde<VO> rightValueSerde) {
        return () -> new ContextualProcessor<>() {
            private KeyValueStore<Bytes, byte[]> store;
            private Serde<K> leftKeys;
            private Serde<KO> rightKeys;
            private Serde<VO> rightValues;

            @Override
            public void init(ProcessorContext<K, ResponseWrapper> context) {
                super.init(context);
                store = context.getStateStore(storeName);
                leftKeys = WrappingSerde.resolve(leftKeySerde, context, true, "the left keys of a foreign-key join");
                rightKeys = WrappingSerde.resolve(rightKeySerde, context, true,
                        "the right keys of a foreign-key join");
                rightValues = WrappingSerde.resolve(rightValueSerde, context, false,
                        "the right values of a foreign-key join");
            }

            @Override
            public void process(Record<KO, Change<VO>> record) {
                byte[] fk = rightKeys.serializer().serialize(null, record.key());
                VO newValue = record.value().newValue();
                byte[] rightBytes = newValue == null ? null : rightValues.serializer().serialize(null, newValue);
                try (KeyValueIterator<Bytes, byte[]> it = store.prefixScan(subscriptionPrefix(fk),
                        new BytesSerializer())) {
                    while (it.hasNext()) {
                        KeyValue<Bytes, byte[]> kv = it.next();
                        byte[] k = kv.key.get();
                        byte[] pk = Arrays.copyOfRange(k, 4 + fk.length, k.length);
                        ByteBuffer v = ByteBuffer.wrap(kv.value);
                        long subscribed = v.getLong();
                        byte[] hash = v.remaining() == 0 ? null : Arrays.copyOfRange(kv.value, 8, kv.value.length);
                        context().forward(new Record<>(leftKeys.deserializer().deserialize(null, pk),
                                new ResponseWrapper(hash, rightBytes, false),
                                Math.max(record.timestamp(), subscribed), record.headers()));
                    }
                }
            }
        };
    }

    /**
     * The resolve processor, on the left side: joins answers with the current left row and keeps the result.
     *
     * @param <K>             the left key type
     * @param <V>             the left value type
     * @param <VO>            the right value type
     * @param <VR>            the result type
     * @param leftGetter      reads the left table
     * @param joiner          computes results
     * @param leftJoin        true for a left join
     * @param resultStore     the result's store
     * @param leftValueSerde  left value serde, or null
     * @param rightValueSerde right value serde, or null
     * @return the supplier
     */
    static <K, V, VO, VR> ProcessorSupplier<K, ResponseWrapper, K, Change<VR>> resolve(
            KTableValueGetterSupplier<K, V> leftGetter, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
            boolean leftJoin, String resultStore, Serde<V> leftValueSerde, Serde<VO> rightValueSerde) {
        return () -> new ContextualProcessor<>() {
            private final KTableValueGetter<K, V> getter = leftGetter.get();
            private TimestampedKeyValueStore<K, VR> store;
            private KTableForwarder<K, VR> forwarder;
            private Serde<V> leftValues;
            private Serde<VO> rightValues;

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                super.init(context);
                getter.init(context);
                store = context.getStateStore(resultStore);
                forwarder = KTableForwarder.timestamped(store, context);
                leftValues = WrappingSerde.resolve(leftValueSerde, context, false,
                        "the left values of a foreign-key join");
                rightValues = WrappingSerde.resolve(rightValueSerde, context, false,
                        "the right values of a foreign-key join");
            }

            @Override
            public void process(Record<K, ResponseWrapper> record) {
                ResponseWrapper response = record.value();
                ValueAndTimestamp<V> current = getter.get(record.key());
                if (!response.local()) {
                    byte[] currentHash = current == null ? null
                            : md5(leftValues.serializer().serialize(null, current.value()));
                    if (!Arrays.equals(currentHash, response.hash())) {
                        return; // the row changed after this subscription; the answer to the newer one follows
                    }
                }
                VR result = null;
                if (current != null) {
                    VO right = response.rightValue() == null ? null
                            : rightValues.deserializer().deserialize(null, response.rightValue());
                    if (right != null || leftJoin) {
                        result = joiner.apply(current.value(), right);
                    }
                }
                ValueAndTimestamp<VR> old = store.get(record.key());
                if (old == null && result == null) {
                    return;
                }
                store.put(record.key(), ValueAndTimestamp.make(result, record.timestamp()));
                forwarder.maybeForward(record, result, old == null ? null : old.value());
            }
        };
    }
}
