package io.runnel.cli.internals;

import io.runnel.cli.CliException;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.header.Header;
import io.runnel.common.header.internals.RecordHeader;
import io.runnel.common.header.internals.RecordHeaders;
import io.runnel.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordFormatterTest {

    private static ConsumerRecord<byte[], byte[]> record(TimestampType type, byte[] key, byte[] value, Header... headers) {
        return new ConsumerRecord<>("t", 3, 42L, 1700000000000L, type, key == null ? -1 : key.length,
                value == null ? -1 : value.length, key, value, new RecordHeaders(headers), Optional.empty());
    }

    private static String format(Map<String, String> settings, ConsumerRecord<byte[], byte[]> record) {
        StringWriter text = new StringWriter();
        try (RecordFormatter formatter = new RecordFormatter(settings); PrintWriter out = new PrintWriter(text)) {
            formatter.write(record, out);
        }
        return text.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintEveryFieldInKafkasOrder() {
        ConsumerRecord<byte[], byte[]> r = record(TimestampType.LOG_APPEND_TIME, utf8("k"), utf8("v"),
                new RecordHeader("h1", utf8("x")), new RecordHeader("h2", null));
        Map<String, String> all = Map.of("print.timestamp", "true", "print.partition", "true", "print.offset", "true",
                "print.headers", "true", "print.key", "true");
        assertThat(format(all, r)).isEqualTo("LogAppendTime:1700000000000\tPartition:3\tOffset:42\th1:x,h2:null\tk\tv\n");
    }

    @Test
    void shouldEndTheLineAfterTheLastPrintedFieldWhenTheValueIsNotPrinted() {
        ConsumerRecord<byte[], byte[]> r = record(TimestampType.CREATE_TIME, null, utf8("v"));
        assertThat(format(Map.of("print.key", "true", "print.value", "false"), r)).isEqualTo("null\n");
        assertThat(format(Map.of("print.timestamp", "true", "print.value", "false"), r)).isEqualTo("CreateTime:1700000000000\n");
        assertThat(format(Map.of("print.value", "false"), r)).isEmpty();
    }

    @Test
    void shouldPrintNoTimestampAndNoHeadersMarkers() {
        ConsumerRecord<byte[], byte[]> r = record(TimestampType.NO_TIMESTAMP_TYPE, null, null);
        assertThat(format(Map.of("print.timestamp", "true", "print.headers", "true", "null.literal", "-"), r))
                .isEqualTo("NO_TIMESTAMP\tNO_HEADERS\t-\n");
    }

    @Test
    void shouldRenderThroughDeserializersConfiguredWithPrefixedSettings() {
        ConsumerRecord<byte[], byte[]> r = record(TimestampType.CREATE_TIME, ByteBuffer.allocate(4).putInt(7).array(),
                ByteBuffer.allocate(8).putLong(99L).array());
        Map<String, String> settings = Map.of("print.key", "true",
                "key.deserializer", "org.apache.kafka.common.serialization.IntegerDeserializer",
                "value.deserializer", "io.runnel.common.serialization.LongDeserializer");
        assertThat(format(settings, r)).isEqualTo("7\t99\n");
    }

    @Test
    void shouldRejectAClassThatIsNotADeserializer() {
        assertThatThrownBy(() -> new RecordFormatter(Map.of("value.deserializer", "java.lang.Object")))
                .isInstanceOf(CliException.class)
                .hasMessage("The value.deserializer java.lang.Object is not a io.runnel.common.serialization.Deserializer");
    }
}
