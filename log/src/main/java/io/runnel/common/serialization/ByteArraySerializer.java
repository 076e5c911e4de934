package io.runnel.common.serialization;

/** Passes a {@code byte[]} through unchanged (not copied). Thread-safe. */
public class ByteArraySerializer implements Serializer<byte[]> {

    /** Creates the serializer. */
    public ByteArraySerializer() {
    }

    @Override
    public byte[] serialize(String topic, byte[] data) {
        return data;
    }
}
