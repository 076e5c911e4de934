package io.runnel.common.serialization;

/** Passes record bytes through unchanged. Thread-safe. */
public class ByteArrayDeserializer implements Deserializer<byte[]> {

    /** Creates the deserializer. */
    public ByteArrayDeserializer() {
    }

    @Override
    public byte[] deserialize(String topic, byte[] data) {
        return data;
    }
}
