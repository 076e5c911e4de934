package io.runnel.common.serialization;

import io.runnel.common.utils.Bytes;

/** Wraps record bytes in {@link Bytes} (no copy). Thread-safe. */
public class BytesDeserializer implements Deserializer<Bytes> {

    /** Creates the deserializer. */
    public BytesDeserializer() {
    }

    @Override
    public Bytes deserialize(String topic, byte[] data) {
        return Bytes.wrap(data);
    }
}
