package io.runnel.connect.json;

import io.runnel.connect.KafkaBridge;
import io.runnel.connect.data.Date;
import io.runnel.connect.data.Decimal;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Time;
import io.runnel.connect.data.Timestamp;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random schemas and values (nested structs, arrays, maps with any key type, logical types, optional fields,
 * defaults, nulls) written by our JsonConverter and by Kafka's must be the same bytes.
 */
class JsonConverterPropertyTest {

    @Property(tries = 300)
    void shouldWriteTheSameBytesAsKafkaForRandomData(@ForAll long seed, @ForAll boolean schemasEnable,
                                                     @ForAll boolean numericDecimals) {
        Random random = new Random(seed);
        Schema schema = schema(random, 0);
        Object value = value(random, schema, 0);
        Map<String, Object> config = Map.of("schemas.enable", schemasEnable,
                "decimal.format", numericDecimals ? "NUMERIC" : "BASE64");
        JsonConverter ours = new JsonConverter();
        ours.configure(config, false);
        org.apache.kafka.connect.json.JsonConverter kafka = new org.apache.kafka.connect.json.JsonConverter();
        kafka.configure(config, false);

        byte[] expected = kafka.fromConnectData("t", KafkaBridge.toKafka(schema), KafkaBridge.toKafka(schema, value));
        byte[] actual = ours.fromConnectData("t", schema, value);

        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        if (schemasEnable) {
            // Read back, the schema writes the same envelope again. (Schema.equals is no test here: a default value
            // holding byte arrays inside a map or array compares them by identity, in Kafka's ConnectSchema too.)
            Schema back = ours.toConnectData("t", expected).schema();
            assertThat(new String(ours.fromConnectData("t", back, value), StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(back.type()).isEqualTo(schema.type());
        }
    }

    private static Schema schema(Random r, int depth) {
        int kind = r.nextInt(depth >= 3 ? 13 : 16);
        SchemaBuilder b = switch (kind) {
            case 0 -> SchemaBuilder.int8();
            case 1 -> SchemaBuilder.int16();
            case 2 -> SchemaBuilder.int32();
            case 3 -> SchemaBuilder.int64();
            case 4 -> SchemaBuilder.float32();
            case 5 -> SchemaBuilder.float64();
            case 6 -> SchemaBuilder.bool();
            case 7 -> SchemaBuilder.string();
            case 8 -> SchemaBuilder.bytes();
            case 9 -> Date.builder();
            case 10 -> Time.builder();
            case 11 -> Timestamp.builder();
            case 12 -> Decimal.builder(r.nextInt(5));
            case 13 -> SchemaBuilder.array(schema(r, depth + 1));
            case 14 -> SchemaBuilder.map(schema(r, depth + 1), schema(r, depth + 1));
            default -> {
                SchemaBuilder s = SchemaBuilder.struct().name("s" + depth);
                int fields = 1 + r.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    s.field("f" + i, schema(r, depth + 1));
                }
                yield s;
            }
        };
        if (r.nextInt(3) == 0) {
            b.optional();
        }
        if (r.nextInt(8) == 0) {
            b.doc("doc " + depth);
        }
        if (b.type() != Schema.Type.STRUCT && r.nextInt(6) == 0) {
            b.defaultValue(value(r, b, depth + 1));
        }
        return b.build();
    }

    private static Object value(Random r, Schema s, int depth) {
        if (s.isOptional() && r.nextInt(4) == 0) {
            return null;
        }
        if (s.name() != null) {
            switch (s.name()) {
                case Date.LOGICAL_NAME:
                    return new java.util.Date((r.nextInt(40_000) - 20_000) * 86_400_000L);
                case Time.LOGICAL_NAME:
                    return new java.util.Date(r.nextInt(86_400_000));
                case Timestamp.LOGICAL_NAME:
                    return new java.util.Date(r.nextLong() >> 20);
                case Decimal.LOGICAL_NAME:
                    return new BigDecimal(new BigInteger(r.nextInt(100), r).subtract(BigInteger.TEN.pow(15)),
                            Decimal.scale(s));
                default:
                    break;
            }
        }
        return switch (s.type()) {
            case INT8 -> (byte) r.nextInt();
            case INT16 -> (short) r.nextInt();
            case INT32 -> r.nextInt();
            case INT64 -> r.nextLong();
            case FLOAT32 -> Float.intBitsToFloat(r.nextInt()) % 1e20f;
            case FLOAT64 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            case BOOLEAN -> r.nextBoolean();
            case STRING -> randomString(r);
            case BYTES -> {
                byte[] bytes = new byte[r.nextInt(10)];
                r.nextBytes(bytes);
                yield bytes;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    Object element = value(r, s.valueSchema(), depth + 1);
                    list.add(element == null && !s.valueSchema().isOptional() ? null : element);
                }
                list.removeIf(e -> e == null && !s.valueSchema().isOptional());
                yield list;
            }
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    Object k = value(r, s.keySchema(), depth + 1);
                    if (k == null && !s.keySchema().isOptional()) {
                        continue;
                    }
                    Object v = value(r, s.valueSchema(), depth + 1);
                    if (v == null && !s.valueSchema().isOptional()) {
                        continue;
                    }
                    if (k != null && !(k instanceof byte[]) && !(k instanceof Struct) && !(k instanceof List)
                            && !(k instanceof Map)) {
                        map.put(k, v);
                    }
                }
                yield map;
            }
            case STRUCT -> {
                Struct struct = new Struct(s);
                for (Field f : s.fields()) {
                    Object v = value(r, f.schema(), depth + 1);
                    if (v != null || f.schema().isOptional()) {
                        struct.put(f, v);
                    }
                }
                yield struct;
            }
        };
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            int kind = r.nextInt(4);
            sb.append(kind == 0 ? (char) r.nextInt(32) : kind == 1 ? (char) (0x80 + r.nextInt(0x700))
                    : (char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}
