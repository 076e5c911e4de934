package io.runnel.streams.state.internals;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.state.ValueAndTimestamp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serde of {@link ValueAndTimestamp}, Kafka's layout:
 * <pre>
 * +-----------------------------+----------------------------+
 * | timestamp, int64 BE (8)     | inner value bytes (n)      |
 * +-----------------------------+----------------------------+
 * </pre>
 * Null stays null. Thread-safe if the inner serde is.
 *
 * @param <V> the value type
 */
public final class ValueAndTimestampSerde<V> implements Serde<ValueAndTimestamp<V>> {

    private final Serializer<ValueAndTimestamp<V>> serializer;
    private final Deserializer<ValueAndTimestamp<V>> deserializer;

    /** @param inner the serde of the plain value */
    public ValueAndTimestampSerde(Serde<V> inner) {
        Objects.requireNonNull(inner, "inner serde");
        Serializer<V> innerSer = inner.serializer();
        Deserializer<V> innerDe = inner.deserializer();
        this.serializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            byte[] raw = innerSer.serialize(topic, data.value());
            if (raw == null) {
                return null;
            }
            return ByteBuffer.allocate(Long.BYTES + raw.length).putLong(data.timestamp()).put(raw).array();
        };
        this.deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length < Long.BYTES) {
                throw new SerializationException("Timestamped value has " + data.length
                        + " bytes; expected an 8-byte timestamp followed by the value");
            }
            return ValueAndTimestamp.make(innerDe.deserialize(topic, Arrays.copyOfRange(data, Long.BYTES,
                    data.length)), ByteBuffer.wrap(data).getLong(0));
        };
    }

    @Override
    public Serializer<ValueAndTimestamp<V>> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<ValueAndTimestamp<V>> deserializer() {
        return deserializer;
    }
}
