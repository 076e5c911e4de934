package io.runnel.streams.kstream.internals.foreignkeyjoin;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;

import java.nio.ByteBuffer;

/**
 * A subscription of a left-table row to a right-table key, sent on the subscription registration topic (keyed by
 * the foreign key, so it reaches the right table's partition). Runnel's own layout (the topic is internal):
 *
 * <pre>
 *   offset  size  field
 *   0       1     version (0)
 *   1       1     instruction: 0 = subscribe and respond, 1 = unsubscribe
 *   2       1     hash length H (0 or 16)
 *   3       H     MD5 of the serialized left value the subscription was made for
 *   3+H     rest  the serialized left (primary) key
 * </pre>
 *
 * @param instruction subscribe or unsubscribe
 * @param hash        the left value's hash, or null
 * @param primaryKey  the serialized left key
 */
record SubscriptionWrapper(byte instruction, byte[] hash, byte[] primaryKey) {

    /** Subscribe and respond with the right value (possibly null). */
    static final byte SUBSCRIBE = 0;
    /** Unsubscribe; no response. */
    static final byte UNSUBSCRIBE = 1;

    /** The serde of the registration topic's values. */
    static final class WrapperSerde implements Serde<SubscriptionWrapper> {
        @Override
        public Serializer<SubscriptionWrapper> serializer() {
            return (topic, w) -> {
                if (w == null) {
                    return null;
                }
                int h = w.hash == null ? 0 : w.hash.length;
                return ByteBuffer.allocate(3 + h + w.primaryKey.length).put((byte) 0).put(w.instruction)
                        .put((byte) h).put(w.hash == null ? new byte[0] : w.hash).put(w.primaryKey).array();
            };
        }

        @Override
        public Deserializer<SubscriptionWrapper> deserializer() {
            return (topic, data) -> {
                if (data == null) {
                    return null;
                }
                if (data.length < 3 || data[0] != 0) {
                    throw new SerializationException("Not a foreign-key join subscription (version 0) on topic "
                            + topic + ": " + data.length + " bytes");
                }
                ByteBuffer b = ByteBuffer.wrap(data, 1, data.length - 1);
                byte instruction = b.get();
                int h = b.get();
                byte[] hash = null;
                if (h > 0) {
                    hash = new byte[h];
                    b.get(hash);
                }
                byte[] pk = new byte[b.remaining()];
                b.get(pk);
                return new SubscriptionWrapper(instruction, hash, pk);
            };
        }
    }
}
