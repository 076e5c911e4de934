package io.runnel.connect.json;

/** How {@link JsonConverter} writes {@link io.runnel.connect.data.Decimal} values ({@code decimal.format}). */
public enum DecimalFormat {
    /** As a base64 string of the unscaled value's two's-complement bytes (Kafka's default). */
    BASE64,
    /** As a JSON number with the decimal's exact digits. */
    NUMERIC
}
