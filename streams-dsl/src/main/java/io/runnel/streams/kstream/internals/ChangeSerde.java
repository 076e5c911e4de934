package io.runnel.streams.kstream.internals;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Serde;

import java.nio.ByteBuffer;

/**
 * Serializes a KTable {@link Change} for the repartition topic of {@code KTable.groupBy}, over the value serde.
 * Runnel's own layout (Kafka's differs; the topic is internal to one application):
 *
 * <pre>
 *   offset  size   field
 *   0       1      flags: bit 0 = new value present, bit 1 = old value present
 *   1       4      length N of the new value (big-endian int32), only if present
 *   5       N      the new value's bytes, only if present
 *   ...     rest   the old value's bytes, only if present
 * </pre>
 *
 * @param <V> the value type
 */
public final class ChangeSerde<V> extends WrappingSerde<Change<V>, V> {

    private static final byte NEW = 1;
    private static final byte OLD = 2;

    /** @param valueSerde the value serde, or null for {@code default.value.serde} */
    public ChangeSerde(Serde<V> valueSerde) {
        super(valueSerde, false);
    }

    @Override
    protected String describe() {
        return "the KTable changes on a repartition topic";
    }

    @Override
    protected byte[] serialize(String topic, Change<V> data) {
        if (data == null) {
            return null;
        }
        byte[] newBytes = data.newValue() == null ? null : inner().serializer().serialize(topic, data.newValue());
        byte[] oldBytes = data.oldValue() == null ? null : inner().serializer().serialize(topic, data.oldValue());
        int size = 1 + (newBytes == null ? 0 : 4 + newBytes.length) + (oldBytes == null ? 0 : oldBytes.length);
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put((byte) ((newBytes != null ? NEW : 0) | (oldBytes != null ? OLD : 0)));
        if (newBytes != null) {
            buf.putInt(newBytes.length).put(newBytes);
        }
        if (oldBytes != null) {
            buf.put(oldBytes);
        }
        return buf.array();
    }

    @Override
    protected Change<V> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 1) {
            throw new SerializationException("A KTable change needs at least 1 byte, got 0 (topic " + topic + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        byte flags = buf.get();
        V newValue = null;
        V oldValue = null;
        if ((flags & NEW) != 0) {
            int n = buf.getInt();
            if (n < 0 || n > buf.remaining()) {
                throw new SerializationException("Corrupt KTable change on topic " + topic + ": new value length " + n
                        + " with " + buf.remaining() + " bytes left");
            }
            byte[] b = new byte[n];
            buf.get(b);
            newValue = inner().deserializer().deserialize(topic, b);
        }
        if ((flags & OLD) != 0) {
            byte[] b = new byte[buf.remaining()];
            buf.get(b);
            oldValue = inner().deserializer().deserialize(topic, b);
        }
        return new Change<>(newValue, oldValue);
    }
}
