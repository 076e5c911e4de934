package io.runnel.common.serialization;

/** Writes nothing: every {@code Void} is null. For records without a key or value. Thread-safe. */
public class VoidSerializer implements Serializer<Void> {

    /** Creates the serializer. */
    public VoidSerializer() {
    }

    @Override
    public byte[] serialize(String topic, Void data) {
        return null;
    }
}
