package io.runnel.samples.connect;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.config.ConfigException;
import io.runnel.samples.clients.TestLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample connectors in a standalone worker in-process, on the embedded log, across restarts. */
class ConnectPipelineIT {

    @TempDir
    Path dir;

    private static List<String> values(List<String> lines) {
        return lines.stream().map(l -> l.substring(l.lastIndexOf('\t') + 1)).toList();
    }

    private static List<String> sequence(long n) {
        return LongStream.range(0, n).mapToObj(i -> "record-" + i).toList();
    }

    @Test
    void shouldMoveTheSequenceThroughTheTopicToTheFileAndResumeAfterARestart() {
        Path work = dir.resolve("connect");
        try (TestLog log = new TestLog(dir.resolve("log"))) {
            List<String> first = ConnectPipeline.run(log.bootstrapServers(), work, 50);
            assertThat(values(first)).containsExactlyInAnyOrderElementsOf(sequence(50));

            // same sequence again: nothing new in the topic or the file
            assertThat(ConnectPipeline.run(log.bootstrapServers(), work, 50)).isEqualTo(first);

            // a longer sequence: only the new records, each once
            List<String> third = ConnectPipeline.run(log.bootstrapServers(), work, 80);
            assertThat(values(third)).containsExactlyInAnyOrderElementsOf(sequence(80));
            List<ConsumerRecord<String, String>> topic = log.readAll(ConnectPipeline.TOPIC);
            assertThat(topic).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sequence(80));
            assertThat(topic).extracting(ConsumerRecord::partition).contains(0, 1, 2);
            // each line names where its record is: topic-partition@offset, key
            Map<String, String> byValue = new HashMap<>();
            topic.forEach(r -> byValue.put(r.value(), r.topic() + "-" + r.partition() + "@" + r.offset() + "\t"
                    + r.key()));
            assertThat(third).allSatisfy(line -> {
                String value = line.substring(line.lastIndexOf('\t') + 1);
                assertThat(line).isEqualTo(byValue.get(value) + "\t" + value);
            });
        }
    }

    @Test
    void shouldRefuseToStartWithAnInvalidConnectorConfiguration() {
        try (TestLog log = new TestLog(dir.resolve("log"))) {
            Map<String, String> source = new HashMap<>(ConnectPipeline.sourceConfig(10));
            source.put("records", "many");
            assertThatThrownBy(() -> io.runnel.connect.runtime.standalone.ConnectStandalone.start(
                    ConnectPipeline.workerConfig(log.bootstrapServers(), dir), List.of(source)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("records");
        }
    }
}
