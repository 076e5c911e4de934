package io.runnel.connect.converters;

import io.runnel.common.serialization.FloatSerializer;
import io.runnel.common.serialization.FloatDeserializer;
import io.runnel.connect.data.Schema;

/**
 * Converts float values with Kafka's {@code FloatSerializer} format, as Kafka Connect's {@code FloatConverter}; reads give
 * {@code Schema.OPTIONAL_FLOAT32_SCHEMA}.
 */
public class FloatConverter extends NumberConverter<Float> {

    /** Creates the converter. */
    public FloatConverter() {
        super(Float.class, "float", Schema.OPTIONAL_FLOAT32_SCHEMA, new FloatSerializer(), new FloatDeserializer());
    }
}
