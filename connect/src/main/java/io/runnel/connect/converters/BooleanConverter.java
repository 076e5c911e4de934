package io.runnel.connect.converters;

import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serializer;
import io.runnel.connect.data.Schema;

/**
 * Converts booleans to one byte (1 for true, 0 for false), as Kafka Connect's {@code BooleanConverter} and
 * Kafka's boolean serializer; reads give {@code Schema.OPTIONAL_BOOLEAN_SCHEMA}.
 */
public class BooleanConverter extends NumberConverter<Boolean> {

    /** Creates the converter. */
    public BooleanConverter() {
        super(Boolean.class, "boolean", Schema.OPTIONAL_BOOLEAN_SCHEMA, new BooleanSerializer(),
                new BooleanDeserializer());
    }

    private static final class BooleanSerializer implements Serializer<Boolean> {
        @Override
        public byte[] serialize(String topic, Boolean data) {
            return data == null ? null : new byte[] {(byte) (data ? 1 : 0)};
        }
    }

    private static final class BooleanDeserializer implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length != 1) {
                throw new SerializationException("Size of data received by BooleanDeserializer is not 1");
            }
            return switch (data[0]) {
                case 0 -> false;
                case 1 -> true;
                default -> throw new SerializationException("Unexpected byte received by BooleanDeserializer: "
                        + data[0]);
            };
        }
    }
}
