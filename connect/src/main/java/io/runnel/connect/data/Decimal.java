package io.runnel.connect.data;

import io.runnel.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The logical type of an arbitrary-precision decimal with a fixed scale: BYTES holding the two's-complement
 * big-endian unscaled value ({@link BigInteger#toByteArray()}), named {@value #LOGICAL_NAME} with the scale in
 * the {@value #SCALE_FIELD} parameter (Kafka Connect's representation). The Java value is a {@link BigDecimal}
 * whose scale equals the schema's.
 */
public final class Decimal {

    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Decimal";
    /** The parameter holding the scale. */
    public static final String SCALE_FIELD = "scale";

    private Decimal() {
    }

    /**
     * @param scale digits after the decimal point
     * @return a builder for the Decimal schema with that scale
     */
    public static SchemaBuilder builder(int scale) {
        return SchemaBuilder.bytes().name(LOGICAL_NAME).parameter(SCALE_FIELD, Integer.toString(scale)).version(1);
    }

    /**
     * @param scale digits after the decimal point
     * @return the required Decimal schema with that scale
     */
    public static Schema schema(int scale) {
        return builder(scale).build();
    }

    /**
     * @param schema a Decimal schema
     * @param value  a decimal with the schema's scale
     * @return the unscaled value's two's-complement big-endian bytes
     * @throws DataException if the schema is not a Decimal or the scales differ
     */
    public static byte[] fromLogical(Schema schema, BigDecimal value) {
        checkSchema(schema);
        int schemaScale = scale(schema);
        if (value.scale() != schemaScale) {
            throw new DataException(String.format("Decimal value has mismatching scale. Expected scale: %d, got: %d",
                    schemaScale, value.scale()));
        }
        return value.unscaledValue().toByteArray();
    }

    /**
     * @param schema a Decimal schema
     * @param value  the unscaled value's two's-complement big-endian bytes
     * @return the decimal
     * @throws DataException if the schema is not a Decimal
     */
    public static BigDecimal toLogical(Schema schema, byte[] value) {
        checkSchema(schema);
        return new BigDecimal(new BigInteger(value), scale(schema));
    }

    /**
     * @param schema a Decimal schema
     * @return its scale
     * @throws DataException if the scale parameter is missing or not a number
     */
    public static int scale(Schema schema) {
        String scale = schema.parameters() == null ? null : schema.parameters().get(SCALE_FIELD);
        if (scale == null) {
            throw new DataException("Invalid Decimal schema: scale parameter not found.");
        }
        try {
            return Integer.parseInt(scale);
        } catch (NumberFormatException e) {
            throw new DataException("Invalid scale parameter found in Decimal schema: " + scale, e);
        }
    }

    private static void checkSchema(Schema schema) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Requested conversion of Decimal object but the schema does not match.");
        }
    }
}
