package io.runnel.samples.connect;

import io.runnel.common.TopicPartition;
import io.runnel.connect.data.Schema;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.test.ConnectorTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample connectors through the connector test driver: the real worker code, one step at a time. */
class SequenceConnectorsTest {

    private static final Map<String, String> STRING_CONVERTERS = Map.of(
            "key.converter", "io.runnel.connect.storage.StringConverter",
            "value.converter", "io.runnel.connect.storage.StringConverter");

    @TempDir
    Path dir;

    @Test
    void sourceShouldEmitTheSequenceInBatchesWithResumableOffsets() {
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(STRING_CONVERTERS)
                .connector(Map.of("connector.class", "SequenceSource", "topic", "seq", "records", "25",
                        "batch.size", "10"))
                .build()) {
            List<SourceRecord> first = driver.pollSource();
            assertThat(first).hasSize(10);
            assertThat(first.get(0).sourcePartition()).isEqualTo(Map.of("sequence", "seq"));
            assertThat(first.get(9).sourceOffset()).isEqualTo(Map.of("next", 10L));

            List<SourceRecord> rest = driver.pollSourceUntilIdle(10);
            assertThat(rest).hasSize(15);
            driver.commit();

            assertThat(driver.readTopic("seq")).extracting(r -> r.key() + "=" + r.value())
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 25).mapToObj(n -> n + "=record-" + n)
                            .toList());
            assertThat(((Number) driver.sourceOffset(Map.of("sequence", "seq")).get("next")).longValue())
                    .isEqualTo(25L);
        }
    }

    @Test
    void sourceShouldRefuseAMissingTopicSetting() {
        assertThatThrownBy(() -> ConnectorTestDriver.builder()
                .connector(Map.of("connector.class", "SequenceSource", "records", "5"))
                .build())
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("topic");
    }

    @Test
    void sourceShouldRefuseANegativeRecordCount() {
        assertThatThrownBy(() -> ConnectorTestDriver.builder()
                .connector(Map.of("connector.class", "SequenceSource", "topic", "seq", "records", "-1"))
                .build())
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("records");
    }

    @Test
    void sinkShouldWriteOneLinePerRecordWithItsTopicPartitionAndOffset() throws Exception {
        Path out = dir.resolve("out.txt");
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(STRING_CONVERTERS)
                .connector(Map.of("connector.class", "RecordFileSink", "topics", "in", "file", out.toString()))
                .build()) {
            for (int i = 0; i < 3; i++) {
                driver.produce("in", Schema.STRING_SCHEMA, "k" + i, Schema.STRING_SCHEMA, "v" + i);
            }
            List<SinkRecord> put = driver.runSink();
            driver.commit();

            assertThat(put).hasSize(3);
            assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                    .containsExactly("in-0@0\tk0\tv0", "in-0@1\tk1\tv1", "in-0@2\tk2\tv2");
            assertThat(driver.committedSinkOffsets()).containsEntry(new TopicPartition("in", 0), 3L);
        }
    }

    @Test
    void sinkShouldFailTheTaskWhenItsFileCannotBeOpened() {
        Path notADirectory = dir.resolve("file");
        assertThatThrownBy(() -> {
            Files.writeString(notADirectory, "x");
            try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                    .connector(Map.of("connector.class", "RecordFileSink", "topics", "in",
                            "file", notADirectory.resolve("out.txt").toString()))
                    .build()) {
                driver.runSink();
            }
        }).hasStackTraceContaining("Could not open").isInstanceOf(ConnectException.class);
    }
}
