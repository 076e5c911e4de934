package io.runnel.connect.test;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.common.header.Header;
import io.runnel.connect.data.Schema;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file connectors tested with the connector test driver (as a connector author would test theirs), and the
 * dead-letter queue on both sides.
 */
class ConnectorTestDriverTest {

    @TempDir
    Path dir;

    private static final Map<String, String> STRINGS = Map.of(
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter");

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header last = null;
        for (Header h : record.headers()) {
            if (h.key().equals(key)) {
                last = h;
            }
        }
        return last == null || last.value() == null ? null : new String(last.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAFileSourceStepByStepAndStoreItsOffsetOnCommit() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "alpha\nbeta\ngamma\n");
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder().worker(STRINGS)
                .connector(Map.of("connector.class", "FileStreamSource", "file", input.toString(), "topic", "lines",
                        "transforms", "route", "transforms.route.type", "RegexRouter",
                        "transforms.route.regex", "lines", "transforms.route.replacement", "routed-lines"))
                .build()) {
            List<SourceRecord> polled = driver.pollSource();
            assertThat(polled).extracting(SourceRecord::value).containsExactly("alpha", "beta", "gamma");
            assertThat(polled).extracting(SourceRecord::topic).containsOnly("lines");
            assertThat(driver.readTopic("routed-lines")).extracting(SourceRecord::value)
                    .containsExactly("alpha", "beta", "gamma");
            assertThat(driver.readTopic("lines")).isEmpty();
            Map<String, String> partition = Map.of("filename", input.toString());
            assertThat(driver.sourceOffset(partition)).as("not committed yet").isNull();

            driver.commit();
            assertThat(driver.sourceOffset(partition)).isEqualTo(Map.of("position", 17L));
            assertThat(driver.sourceProgress().written()).isEqualTo(3);
            assertThat(driver.sourceProgress().pending()).isZero();

            Files.writeString(input, "delta\n", StandardOpenOption.APPEND);
            assertThat(driver.pollSource()).extracting(SourceRecord::value).containsExactly("delta");
            assertThat(driver.readTopicRaw("routed-lines")).hasSize(4)
                    .allSatisfy(r -> assertThat(r.key()).isNull());
        }
    }

    @Test
    void shouldWriteTopicRecordsToAFileSinkAndCommitTheirOffsets() throws Exception {
        Path output = dir.resolve("out.txt");
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(Map.of("value.converter.schemas.enable", "true"))
                .connector(Map.of("connector.class", "FileStreamSink", "file", output.toString(), "topics", "in"))
                .build()) {
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "one");
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "two");
            List<SinkRecord> put = driver.runSink();
            assertThat(put).extracting(SinkRecord::value).containsExactly("one", "two");
            assertThat(put).extracting(SinkRecord::kafkaOffset).containsExactly(0L, 1L);
            assertThat(driver.committedSinkOffsets()).isEmpty();

            driver.commit();
            assertThat(Files.readAllLines(output)).containsExactly("one", "two");
            assertThat(driver.committedSinkOffsets()).isEqualTo(Map.of(new TopicPartition("in", 0), 2L));

            driver.produce("in", null, null, Schema.STRING_SCHEMA, "three");
            assertThat(driver.runSink()).extracting(SinkRecord::value).containsExactly("three");
            assertThat(driver.putRecords()).hasSize(3);
        }
        assertThat(Files.readAllLines(output)).containsExactly("one", "two", "three");
    }

    @Test
    void shouldSendSinkRecordsThatFailConversionToTheDeadLetterQueueWithContextHeaders() throws Exception {
        Path output = dir.resolve("out.txt");
        Map<String, String> connector = new HashMap<>(Map.of("connector.class", "FileStreamSink",
                "file", output.toString(), "topics", "json-in", "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", "dlq", "errors.deadletterqueue.context.headers.enable", "true",
                "errors.log.enable", "true"));
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(Map.of("key.converter.schemas.enable", "false", "value.converter.schemas.enable", "false"))
                .connector(connector).build()) {
            driver.produce("json-in", null, "\"first\"".getBytes(StandardCharsets.UTF_8));
            driver.produce("json-in", "\"k\"".getBytes(StandardCharsets.UTF_8), "{broken".getBytes(StandardCharsets.UTF_8));
            driver.produce("json-in", null, "\"third\"".getBytes(StandardCharsets.UTF_8));

            assertThat(driver.runSink()).extracting(SinkRecord::value).containsExactly("first", "third");
            driver.commit();
            assertThat(driver.committedSinkOffsets()).containsEntry(new TopicPartition("json-in", 0), 3L);

            List<ConsumerRecord<byte[], byte[]>> dead = driver.deadLetterQueue();
            assertThat(dead).hasSize(1);
            ConsumerRecord<byte[], byte[]> record = dead.get(0);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
            assertThat(header(record, "__connect.errors.topic")).isEqualTo("json-in");
            assertThat(header(record, "__connect.errors.partition")).isEqualTo("0");
            assertThat(header(record, "__connect.errors.offset")).isEqualTo("1");
            assertThat(header(record, "__connect.errors.connector.name")).isEqualTo("test-connector");
            assertThat(header(record, "__connect.errors.task.id")).isEqualTo("0");
            assertThat(header(record, "__connect.errors.stage")).isEqualTo("VALUE_CONVERTER");
            assertThat(header(record, "__connect.errors.class.name")).isEqualTo("io.runnel.connect.json.JsonConverter");
            assertThat(header(record, "__connect.errors.exception.class.name"))
                    .isEqualTo("io.runnel.connect.errors.DataException");
            assertThat(header(record, "__connect.errors.exception.stacktrace")).contains("DataException");
        }
    }

    @Test
    void shouldSendSourceRecordsThatFailTransformationToTheDeadLetterQueueAndStillAdvanceTheOffset()
            throws Exception {
        Path input = dir.resolve("numbers.txt");
        Files.writeString(input, "1\nx\n3\n");
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(Map.of("value.converter.schemas.enable", "false"))
                .connector(Map.of("connector.class", "FileStreamSource", "file", input.toString(), "topic", "numbers",
                        "transforms", "toInt", "transforms.toInt.type", "Cast$Value", "transforms.toInt.spec", "int32",
                        "errors.tolerance", "all", "errors.deadletterqueue.topic.name", "source-dlq",
                        "errors.deadletterqueue.context.headers.enable", "true"))
                .build()) {
            assertThat(driver.pollSource()).hasSize(3);
            assertThat(driver.readTopic("numbers")).extracting(SourceRecord::value).containsExactly(1L, 3L);
            assertThat(driver.sourceProgress().dropped()).isEqualTo(1);

            List<ConsumerRecord<byte[], byte[]>> dead = driver.deadLetterQueue();
            assertThat(dead).hasSize(1);
            ConsumerRecord<byte[], byte[]> record = dead.get(0);
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"x\"}");
            assertThat(header(record, "__connect.errors.topic")).isEqualTo("numbers");
            assertThat(header(record, "__connect.errors.stage")).isEqualTo("TRANSFORMATION");
            assertThat(header(record, "__connect.errors.class.name")).isEqualTo("io.runnel.connect.transforms.Cast$Value");
            assertThat(header(record, "__connect.errors.exception.class.name")).isNotBlank();

            driver.commit();
            assertThat(driver.sourceOffset(Map.of("filename", input.toString()))).isEqualTo(Map.of("position", 6L));
        }
    }

    @Test
    void shouldThrowFromTheStepWhenAFailureIsNotTolerated() throws Exception {
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(Map.of("value.converter.schemas.enable", "false"))
                .connector(Map.of("connector.class", "FileStreamSink", "file", dir.resolve("o.txt").toString(),
                        "topics", "strict"))
                .build()) {
            driver.produce("strict", null, "[1,".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(driver::runSink).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("Tolerance exceeded in error handler");
            assertThat(driver.deadLetterQueue()).isEmpty();
        }
    }

    @Test
    void shouldRejectAnInvalidConnectorConfigurationListingEveryError() {
        assertThatThrownBy(() -> ConnectorTestDriver.builder()
                .connector(Map.of("connector.class", "FileStreamSink", "tasks.max", "0")).build())
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("tasks.max")
                .hasMessageContaining("topics");
        assertThatThrownBy(() -> ConnectorTestDriver.builder().connector(Map.of("file", "x")).build())
                .isInstanceOf(ConnectException.class).hasMessageContaining("connector.class");
    }
}
