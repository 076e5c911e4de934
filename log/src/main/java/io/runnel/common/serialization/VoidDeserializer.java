package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

/** Accepts only null bytes. Thread-safe. */
public class VoidDeserializer implements Deserializer<Void> {

    /** Creates the deserializer. */
    public VoidDeserializer() {
    }

    /**
     * @throws SerializationException if {@code data} is not null
     */
    @Override
    public Void deserialize(String topic, byte[] data) {
        if (data != null) {
            throw new SerializationException("VoidDeserializer received " + data.length
                    + " bytes (topic " + topic + "): a Void key or value must be null");
        }
        return null;
    }
}
