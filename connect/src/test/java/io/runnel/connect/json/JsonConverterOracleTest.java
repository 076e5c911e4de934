package io.runnel.connect.json;

import io.runnel.connect.KafkaBridge;
import io.runnel.connect.data.Date;
import io.runnel.connect.data.Decimal;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Time;
import io.runnel.connect.data.Timestamp;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our JsonConverter against Apache Kafka Connect's (the oracle): the same schema and value must give the same
 * bytes, and each must read the other's bytes back to the same data.
 */
class JsonConverterOracleTest {

    private static final String TOPIC = "topic";

    record Case(Schema schema, Object value) {
    }

    static Stream<Arguments> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("int8", new Case(Schema.INT8_SCHEMA, (byte) -12));
        cases.put("int16", new Case(Schema.INT16_SCHEMA, (short) 30000));
        cases.put("int32", new Case(Schema.INT32_SCHEMA, Integer.MIN_VALUE));
        cases.put("int64", new Case(Schema.INT64_SCHEMA, Long.MAX_VALUE));
        cases.put("float32", new Case(Schema.FLOAT32_SCHEMA, 3.1415927f));
        cases.put("float64", new Case(Schema.FLOAT64_SCHEMA, -2.718281828459045e-300));
        cases.put("boolean", new Case(Schema.BOOLEAN_SCHEMA, true));
        cases.put("string", new Case(Schema.STRING_SCHEMA, "héllo \"wörld\"\n\u0001"));
        cases.put("bytes", new Case(Schema.BYTES_SCHEMA, new byte[] {0, 1, 2, -1, -128, 127}));
        cases.put("optional null", new Case(Schema.OPTIONAL_STRING_SCHEMA, null));
        cases.put("optional int with value", new Case(Schema.OPTIONAL_INT32_SCHEMA, 7));
        cases.put("default used for null", new Case(SchemaBuilder.int32().optional().defaultValue(42).build(), null));
        cases.put("named schema", new Case(SchemaBuilder.string().name("com.example.Name").version(3)
                .doc("a doc").parameter("p1", "v1").parameter("p0", "v0").build(), "x"));
        cases.put("date", new Case(Date.SCHEMA, new java.util.Date(18_000L * 24 * 3600 * 1000)));
        cases.put("time", new Case(Time.SCHEMA, new java.util.Date(12 * 3600 * 1000 + 34_567)));
        cases.put("timestamp", new Case(Timestamp.SCHEMA, new java.util.Date(1_700_000_000_123L)));
        cases.put("decimal", new Case(Decimal.schema(3), new BigDecimal("-12345678901234567890.123")));
        cases.put("optional timestamp with default", new Case(Timestamp.builder().optional()
                .defaultValue(new java.util.Date(5)).build(), null));
        cases.put("array of int32", new Case(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1, 2, 3)));
        cases.put("array of optional strings", new Case(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build(),
                listOf("a", null, "c")));
        cases.put("map with string keys", new Case(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA)
                .build(), linked("b", 2L, "a", 1L)));
        cases.put("map with int keys", new Case(SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build(),
                linked(3, "three", 1, "one")));
        cases.put("map with optional string keys", new Case(SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA,
                Schema.STRING_SCHEMA).build(), linked("k", "v")));
        cases.put("map with date keys", new Case(SchemaBuilder.map(Date.SCHEMA, Schema.BOOLEAN_SCHEMA).build(),
                linked(new java.util.Date(0), true)));
        Schema address = SchemaBuilder.struct().name("com.example.Address").optional()
                .field("street", Schema.STRING_SCHEMA)
                .field("zip", SchemaBuilder.int32().optional().defaultValue(1000).build())
                .build();
        Schema person = SchemaBuilder.struct().name("com.example.Person").version(2).doc("people")
                .field("name", Schema.STRING_SCHEMA)
                .field("age", Schema.OPTIONAL_INT8_SCHEMA)
                .field("balance", Decimal.builder(2).optional().build())
                .field("born", Date.builder().optional().build())
                .field("address", address)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
                .field("scores", SchemaBuilder.map(Schema.INT16_SCHEMA, Schema.FLOAT64_SCHEMA).optional().build())
                .field("photo", Schema.OPTIONAL_BYTES_SCHEMA)
                .build();
        Struct alice = new Struct(person).put("name", "Alice").put("age", (byte) 31)
                .put("balance", new BigDecimal("10.50")).put("born", new java.util.Date(0))
                .put("address", new Struct(address).put("street", "Main St"))
                .put("tags", List.of("x", "y")).put("scores", linked((short) 1, 0.5, (short) -2, 1e10))
                .put("photo", ByteBuffer.wrap("png".getBytes(StandardCharsets.UTF_8)));
        cases.put("nested struct", new Case(person, alice));
        cases.put("struct with nulls", new Case(person, new Struct(person).put("name", "Bob")));
        cases.put("array of structs", new Case(SchemaBuilder.array(address).build(),
                List.of(new Struct(address).put("street", "a").put("zip", 1), new Struct(address).put("street", "b"))));
        Schema withStructDefault = SchemaBuilder.struct().field("inner", SchemaBuilder.struct().optional()
                .field("n", Schema.INT32_SCHEMA).build()).build();
        cases.put("struct with optional struct", new Case(withStructDefault, new Struct(withStructDefault)));
        cases.put("schemaless map", new Case(null, linked("a", 1L, "b", List.of(true, "s"))));
        cases.put("schemaless map with int keys", new Case(null, linked(1L, "x")));
        cases.put("schemaless list", new Case(null, List.of(1L, 2.5, "three")));
        cases.put("schemaless string", new Case(null, "plain"));
        cases.put("schemaless number", new Case(null, 12L));
        cases.put("schemaless boolean", new Case(null, false));
        List<Arguments> args = new ArrayList<>();
        for (Map.Entry<String, Case> e : cases.entrySet()) {
            for (boolean schemas : new boolean[] {true, false}) {
                for (String decimalFormat : new String[] {"BASE64", "NUMERIC"}) {
                    args.add(Arguments.of(Named.of(e.getKey(), e.getValue()), schemas, decimalFormat));
                }
            }
        }
        return args.stream();
    }

    private static List<Object> listOf(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    private static Map<Object, Object> linked(Object... kv) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> config(boolean schemas, String decimalFormat) {
        return Map.of("schemas.enable", schemas, "decimal.format", decimalFormat);
    }

    @ParameterizedTest(name = "{0}, schemas.enable={1}, decimal.format={2}")
    @MethodSource("cases")
    void shouldWriteTheSameBytesAsKafka(Case c, boolean schemas, String decimalFormat) {
        JsonConverter ours = new JsonConverter();
        ours.configure(config(schemas, decimalFormat), false);
        org.apache.kafka.connect.json.JsonConverter kafka = new org.apache.kafka.connect.json.JsonConverter();
        kafka.configure(config(schemas, decimalFormat), false);

        byte[] expected = kafka.fromConnectData(TOPIC, KafkaBridge.toKafka(c.schema()),
                KafkaBridge.toKafka(c.schema(), c.value()));
        byte[] actual = ours.fromConnectData(TOPIC, c.schema(), c.value());

        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}, schemas.enable={1}, decimal.format={2}")
    @MethodSource("cases")
    void shouldReadKafkasBytesAsKafkaDoes(Case c, boolean schemas, String decimalFormat) {
        JsonConverter ours = new JsonConverter();
        ours.configure(config(schemas, decimalFormat), false);
        org.apache.kafka.connect.json.JsonConverter kafka = new org.apache.kafka.connect.json.JsonConverter();
        kafka.configure(config(schemas, decimalFormat), false);
        byte[] bytes = kafka.fromConnectData(TOPIC, KafkaBridge.toKafka(c.schema()),
                KafkaBridge.toKafka(c.schema(), c.value()));

        org.apache.kafka.connect.data.SchemaAndValue theirs = kafka.toConnectData(TOPIC, bytes);
        SchemaAndValue read = ours.toConnectData(TOPIC, bytes);

        assertThat(read.schema()).isEqualTo(KafkaBridge.fromKafka(theirs.schema()));
        assertThat(normalize(read.value())).isEqualTo(normalize(KafkaBridge.fromKafka(theirs.schema(),
                theirs.value())));
        if (schemas) {
            // With the envelope, the data survives the round trip through Kafka's bytes.
            assertThat(read.schema()).isEqualTo(c.schema());
        }
    }

    /** Byte buffers and arrays compare by content; maps by entries. */
    private static Object normalize(Object value) {
        if (value instanceof ByteBuffer b) {
            return normalize(b.array());
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Struct s) {
            return s.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonConverterOracleTest::normalize).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.HashMap<>();
            map.forEach((k, v) -> out.put(normalize(k), normalize(v)));
            return out;
        }
        return value;
    }
}
