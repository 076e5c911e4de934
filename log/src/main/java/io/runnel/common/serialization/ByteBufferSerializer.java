package io.runnel.common.serialization;

import java.nio.ByteBuffer;

/**
 * Writes the bytes between a {@link ByteBuffer}'s position and limit (Kafka 3.4+ semantics); the buffer's
 * position is not changed. A heap buffer covering its whole array is returned without a copy. Thread-safe.
 */
public class ByteBufferSerializer implements Serializer<ByteBuffer> {

    /** Creates the serializer. */
    public ByteBufferSerializer() {
    }

    @Override
    public byte[] serialize(String topic, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray() && data.arrayOffset() == 0 && data.position() == 0
                && data.remaining() == data.array().length) {
            return data.array();
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return copy;
    }
}
