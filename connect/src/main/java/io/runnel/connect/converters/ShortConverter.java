package io.runnel.connect.converters;

import io.runnel.common.serialization.ShortSerializer;
import io.runnel.common.serialization.ShortDeserializer;
import io.runnel.connect.data.Schema;

/**
 * Converts short values with Kafka's {@code ShortSerializer} format, as Kafka Connect's {@code ShortConverter}; reads give
 * {@code Schema.OPTIONAL_INT16_SCHEMA}.
 */
public class ShortConverter extends NumberConverter<Short> {

    /** Creates the converter. */
    public ShortConverter() {
        super(Short.class, "short", Schema.OPTIONAL_INT16_SCHEMA, new ShortSerializer(), new ShortDeserializer());
    }
}
