package io.runnel.connect.json;

import io.runnel.common.config.ConfigException;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documented behaviour and bad input of the JSON converter. */
class JsonConverterTest {

    private static JsonConverter converter(Map<String, ?> configs) {
        JsonConverter c = new JsonConverter();
        c.configure(configs, false);
        return c;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldExplainAMissingEnvelopeWhenSchemasAreEnabled() {
        assertThatThrownBy(() -> converter(Map.of()).toConnectData("t", bytes("{\"a\":1}")))
                .isInstanceOf(DataException.class).hasMessageContaining("schemas.enable=false");
    }

    @Test
    void shouldRejectMalformedJsonAndSchemas() {
        JsonConverter c = converter(Map.of());
        assertThatThrownBy(() -> c.toConnectData("orders", bytes("{not json"))).isInstanceOf(DataException.class)
                .hasMessageContaining("orders");
        assertThatThrownBy(() -> c.toConnectData("t", bytes("{\"schema\":{\"type\":\"uint\"},\"payload\":1}")))
                .isInstanceOf(DataException.class).hasMessageContaining("Unknown schema type: uint");
        assertThatThrownBy(() -> c.toConnectData("t", bytes("{\"schema\":{\"type\":\"int32\"},\"payload\":null}")))
                .isInstanceOf(DataException.class).hasMessageContaining("Invalid null value for required INT32");
        assertThatThrownBy(() -> c.fromConnectData("t", Schema.INT32_SCHEMA, "x")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> converter(Map.of("decimal.format", "HEX"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("decimal.format");
    }

    @Test
    void shouldWriteNullsInsteadOfDefaultsWhenAsked() {
        Schema schema = SchemaBuilder.struct().field("n", SchemaBuilder.int32().optional().defaultValue(5).build())
                .build();
        Struct value = new Struct(schema);

        assertThat(new String(converter(Map.of("schemas.enable", false)).fromConnectData("t", schema, value),
                StandardCharsets.UTF_8)).isEqualTo("{\"n\":5}");
        assertThat(new String(converter(Map.of("schemas.enable", false, "replace.null.with.default", false))
                .fromConnectData("t", schema, value), StandardCharsets.UTF_8)).isEqualTo("{\"n\":null}");
    }

    @Test
    void shouldReadNullBytesAsNull() {
        assertThat(converter(Map.of()).toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
        assertThat(converter(Map.of()).fromConnectData("t", null, null)).isNull();
    }
}
