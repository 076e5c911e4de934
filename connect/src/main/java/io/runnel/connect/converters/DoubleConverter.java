package io.runnel.connect.converters;

import io.runnel.common.serialization.DoubleSerializer;
import io.runnel.common.serialization.DoubleDeserializer;
import io.runnel.connect.data.Schema;

/**
 * Converts double values with Kafka's {@code DoubleSerializer} format, as Kafka Connect's {@code DoubleConverter}; reads give
 * {@code Schema.OPTIONAL_FLOAT64_SCHEMA}.
 */
public class DoubleConverter extends NumberConverter<Double> {

    /** Creates the converter. */
    public DoubleConverter() {
        super(Double.class, "double", Schema.OPTIONAL_FLOAT64_SCHEMA, new DoubleSerializer(), new DoubleDeserializer());
    }
}
