package io.runnel.common.serialization;

import io.runnel.common.utils.Bytes;

/** Writes the array a {@link Bytes} wraps (no copy). Thread-safe. */
public class BytesSerializer implements Serializer<Bytes> {

    /** Creates the serializer. */
    public BytesSerializer() {
    }

    @Override
    public byte[] serialize(String topic, Bytes data) {
        return data == null ? null : data.get();
    }
}
