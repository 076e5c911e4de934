package io.runnel.connect.converters;

import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.header.ConnectHeaders;
import io.runnel.connect.storage.Converter;
import io.runnel.connect.storage.SimpleHeaderConverter;
import io.runnel.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simple converters against Apache Kafka Connect's (the oracle). */
class ConvertersOracleTest {

    /** Kafka's number converters live in connect-runtime; their bytes are kafka-clients' serializers'. */
    private static <T> void assertSameBytes(Converter ours, org.apache.kafka.common.serialization.Serializer<T> kafka,
                                            T value, Schema.Type type) {
        ours.configure(Map.of(), false);
        byte[] expected = kafka.serialize("t", value);
        assertThat(ours.fromConnectData("t", null, value)).isEqualTo(expected);
        SchemaAndValue back = ours.toConnectData("t", expected);
        assertThat(back.value()).isEqualTo(value);
        assertThat(back.schema().type()).isEqualTo(type);
        assertThat(back.schema().isOptional()).isTrue();
    }

    @Test
    void shouldWriteNumbersAndBooleansAsKafkaDoes() {
        assertSameBytes(new ShortConverter(), new org.apache.kafka.common.serialization.ShortSerializer(), (short) -2,
                Schema.Type.INT16);
        assertSameBytes(new IntegerConverter(), new org.apache.kafka.common.serialization.IntegerSerializer(), 1 << 30,
                Schema.Type.INT32);
        assertSameBytes(new LongConverter(), new org.apache.kafka.common.serialization.LongSerializer(), -5L,
                Schema.Type.INT64);
        assertSameBytes(new FloatConverter(), new org.apache.kafka.common.serialization.FloatSerializer(), 1.5f,
                Schema.Type.FLOAT32);
        assertSameBytes(new DoubleConverter(), new org.apache.kafka.common.serialization.DoubleSerializer(), Math.PI,
                Schema.Type.FLOAT64);
        assertSameBytes(new BooleanConverter(), new org.apache.kafka.common.serialization.BooleanSerializer(), true,
                Schema.Type.BOOLEAN);
        StringConverter ours = new StringConverter();
        org.apache.kafka.connect.storage.StringConverter theirs = new org.apache.kafka.connect.storage.StringConverter();
        ours.configure(Map.of(), false);
        theirs.configure(Map.of(), false);
        assertThat(ours.fromConnectData("t", null, 42)).isEqualTo(theirs.fromConnectData("t", null, 42));
        assertThat(ours.toConnectData("t", new byte[] {'h', 'i'}).value()).isEqualTo("hi");
    }

    @Test
    void shouldRejectValuesOfTheWrongType() {
        LongConverter longs = new LongConverter();
        longs.configure(Map.of(), true);
        assertThatThrownBy(() -> longs.fromConnectData("t", null, "1")).isInstanceOf(DataException.class)
                .hasMessageContaining("long");
        assertThatThrownBy(() -> longs.toConnectData("t", new byte[3])).isInstanceOf(DataException.class);
        ByteArrayConverter bytes = new ByteArrayConverter();
        assertThatThrownBy(() -> bytes.fromConnectData("t", Schema.STRING_SCHEMA, "x"))
                .isInstanceOf(DataException.class).hasMessageContaining("STRING");
        assertThat(bytes.fromConnectData("t", null, ByteBuffer.wrap(new byte[] {7}))).containsExactly(7);
        assertThat(longs.toConnectData("t", null)).isEqualTo(new SchemaAndValue(Schema.OPTIONAL_INT64_SCHEMA, null));
    }

    @Test
    void shouldEncodeStringsWithTheConfiguredCharset() {
        StringConverter latin = new StringConverter();
        latin.configure(Map.of("converter.encoding", "ISO-8859-1"), false);

        assertThat(latin.fromConnectData("t", null, "é")).containsExactly((byte) 0xE9);
        assertThatThrownBy(() -> new StringConverter().configure(Map.of("converter.encoding", "klingon"), false))
                .hasMessageContaining("converter.encoding");
    }

    @Test
    void shouldRoundTripHeadersAsKafkasSimpleHeaderConverterDoes() {
        SimpleHeaderConverter ours = new SimpleHeaderConverter();
        org.apache.kafka.connect.storage.SimpleHeaderConverter theirs =
                new org.apache.kafka.connect.storage.SimpleHeaderConverter();
        io.runnel.connect.header.Headers headers = new ConnectHeaders().addInt("i", 300).addString("s", "text").addBoolean("b", true)
                .addList("l", List.of(1, 2), io.runnel.connect.data.SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .addTimestamp("ts", new java.util.Date(1_700_000_000_123L));
        headers.forEach(h -> {
            byte[] bytes = ours.fromConnectHeader("t", h.key(), h.schema(), h.value());
            assertThat(bytes).isEqualTo(theirs.fromConnectHeader("t", h.key(),
                    io.runnel.connect.KafkaBridge.toKafka(h.schema()),
                    io.runnel.connect.KafkaBridge.toKafka(h.schema(), h.value())));
            assertThat(String.valueOf(ours.toConnectHeader("t", h.key(), bytes).value()))
                    .isEqualTo(String.valueOf(theirs.toConnectHeader("t", h.key(), bytes).value()));
        });
    }
}
