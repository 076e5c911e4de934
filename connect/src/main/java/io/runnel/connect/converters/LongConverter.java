package io.runnel.connect.converters;

import io.runnel.common.serialization.LongSerializer;
import io.runnel.common.serialization.LongDeserializer;
import io.runnel.connect.data.Schema;

/**
 * Converts long values with Kafka's {@code LongSerializer} format, as Kafka Connect's {@code LongConverter}; reads give
 * {@code Schema.OPTIONAL_INT64_SCHEMA}.
 */
public class LongConverter extends NumberConverter<Long> {

    /** Creates the converter. */
    public LongConverter() {
        super(Long.class, "long", Schema.OPTIONAL_INT64_SCHEMA, new LongSerializer(), new LongDeserializer());
    }
}
