package io.runnel.connect.converters;

import io.runnel.common.serialization.IntegerSerializer;
import io.runnel.common.serialization.IntegerDeserializer;
import io.runnel.connect.data.Schema;

/**
 * Converts integer values with Kafka's {@code IntegerSerializer} format, as Kafka Connect's {@code IntegerConverter}; reads give
 * {@code Schema.OPTIONAL_INT32_SCHEMA}.
 */
public class IntegerConverter extends NumberConverter<Integer> {

    /** Creates the converter. */
    public IntegerConverter() {
        super(Integer.class, "integer", Schema.OPTIONAL_INT32_SCHEMA, new IntegerSerializer(), new IntegerDeserializer());
    }
}
