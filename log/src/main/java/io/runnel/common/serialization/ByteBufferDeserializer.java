package io.runnel.common.serialization;

import java.nio.ByteBuffer;

/** Wraps record bytes in a heap {@link ByteBuffer} (no copy). Thread-safe. */
public class ByteBufferDeserializer implements Deserializer<ByteBuffer> {

    /** Creates the deserializer. */
    public ByteBufferDeserializer() {
    }

    @Override
    public ByteBuffer deserialize(String topic, byte[] data) {
        return data == null ? null : ByteBuffer.wrap(data);
    }
}
