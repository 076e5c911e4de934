package io.runnel.streams.kstream.internals.foreignkeyjoin;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;

import java.nio.ByteBuffer;

/**
 * The right table's answer to a subscription, sent on the subscription response topic (keyed by the left key, so
 * it reaches the left row's partition); or a local answer the left side gives itself (a deleted row, a null foreign
 * key), which never travels. Runnel's own layout:
 *
 * <pre>
 *   offset  size  field
 *   0       1     version (0)
 *   1       1     flags: bit 0 = right value present
 *   2       1     hash length H (0 or 16)
 *   3       H     the hash of the left value the subscription was made for
 *   3+H     rest  the serialized right value, if present
 * </pre>
 *
 * @param hash       the subscribed left value's hash, or null
 * @param rightValue the serialized right value, or null if the right table has no row
 * @param local      true for a local answer (not checked against the left row's current hash)
 */
record ResponseWrapper(byte[] hash, byte[] rightValue, boolean local) {

    /** The serde of the response topic's values. */
    static final class WrapperSerde implements Serde<ResponseWrapper> {
        @Override
        public Serializer<ResponseWrapper> serializer() {
            return (topic, w) -> {
                if (w == null) {
                    return null;
                }
                int h = w.hash == null ? 0 : w.hash.length;
                int v = w.rightValue == null ? 0 : w.rightValue.length;
                return ByteBuffer.allocate(3 + h + v).put((byte) 0).put((byte) (w.rightValue != null ? 1 : 0))
                        .put((byte) h).put(w.hash == null ? new byte[0] : w.hash)
                        .put(w.rightValue == null ? new byte[0] : w.rightValue).array();
            };
        }

        @Override
        public Deserializer<ResponseWrapper> deserializer() {
            return (topic, data) -> {
                if (data == null) {
                    return null;
                }
                if (data.length < 3 || data[0] != 0) {
                    throw new SerializationException("Not a foreign-key join response (version 0) on topic " + topic
                            + ": " + data.length + " bytes");
                }
                ByteBuffer b = ByteBuffer.wrap(data, 1, data.length - 1);
                boolean present = (b.get() & 1) != 0;
                int h = b.get();
                byte[] hash = null;
                if (h > 0) {
                    hash = new byte[h];
                    b.get(hash);
                }
                byte[] value = null;
                if (present) {
                    value = new byte[b.remaining()];
                    b.get(value);
                }
                return new ResponseWrapper(hash, value, false);
            };
        }
    }
}
