package io.runnel.connect.data;

import io.runnel.connect.KafkaBridge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Values.parseString and convertToString against Apache Kafka Connect's Values (the oracle). */
class ValuesOracleTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "TRUE", "42", "300", "70000", "123456789012", "99999999999999999999",
            "-5", "+5", "1.0", "1.5", "-1.5", "1e5", "1.5e3", "3.14159265358979", "NaN", ".5", "[1,2,3]", "[1, 2.5]",
            "[1,\"a\"]", "[]", "{}", "{\"a\":1,\"b\":2}", "{\"a\":\"x\"}", "{\"a\":null}", "{1:2}", "[true,false]",
            "[[1],[2]]", "[null,1]", "[a,b]", "{a:1}", "[1,2", "hello world", "\"quoted\"", " x ", "  42", "a,b",
            "2020-01-02", "12:34:56.789Z", "2020-01-02T12:34:56.789Z", "abc\"def", "1 2", ""})
    void shouldParseStringsAsKafkaDoes(String text) {
        org.apache.kafka.connect.data.SchemaAndValue expected = org.apache.kafka.connect.data.Values.parseString(text);
        SchemaAndValue actual = Values.parseString(text);

        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(describe(actual.schema())).isEqualTo(describe(expected.schema()));
        assertThat(String.valueOf(actual.value())).isEqualTo(String.valueOf(expected.value()));
    }

    private static String describe(Schema s) {
        if (s == null) {
            return "null";
        }
        String inner = s.type() == Schema.Type.ARRAY ? "<" + describe(s.valueSchema()) + ">"
                : s.type() == Schema.Type.MAP ? "<" + describe(s.keySchema()) + "," + describe(s.valueSchema()) + ">"
                : "";
        return s.type() + "/" + s.name() + inner;
    }

    private static String describe(org.apache.kafka.connect.data.Schema s) {
        if (s == null) {
            return "null";
        }
        String inner = s.type() == org.apache.kafka.connect.data.Schema.Type.ARRAY ? "<" + describe(s.valueSchema())
                + ">" : s.type() == org.apache.kafka.connect.data.Schema.Type.MAP ? "<" + describe(s.keySchema()) + ","
                + describe(s.valueSchema()) + ">" : "";
        return s.type() + "/" + s.name() + inner;
    }

    @org.junit.jupiter.api.Test
    void shouldRenderValuesAsKafkaDoes() {
        Schema struct = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.STRING_SCHEMA).build();
        List<Object> values = List.of(List.of("a", 1, Map.of("k", "v")), new byte[] {1, 2, 3}, 1.5f, true,
                new java.util.Date(1000), new java.util.Date(86_400_000L * 3), new java.util.Date(1_700_000_000_123L),
                new Struct(struct).put("a", 1).put("b", "x\"y"), new java.math.BigDecimal("1.50"));
        for (Object v : values) {
            Schema schema = v instanceof Struct s ? s.schema() : null;
            assertThat(Values.convertToString(schema, v)).isEqualTo(org.apache.kafka.connect.data.Values
                    .convertToString(KafkaBridge.toKafka(schema), KafkaBridge.toKafka(schema, v)));
        }
    }
}
