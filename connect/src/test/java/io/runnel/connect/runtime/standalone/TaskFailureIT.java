package io.runnel.connect.runtime.standalone;

import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.runtime.Herder;
import io.runnel.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failing task is FAILED with its trace, other connectors go on, and a restart recovers it. */
class TaskFailureIT {

    @TempDir
    Path dir;

    private static ConnectorStateInfo.TaskState task(Herder herder, String connector) {
        return herder.taskStatus(new ConnectorTaskId(connector, 0));
    }

    @Test
    void shouldIsolateFailedTasksAndRecoverThemOnRestart() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "one\ntwo\nthree\n");
        Path outDir = dir.resolve("not-yet");
        Path output = outDir.resolve("out.txt");
        String log = dir.resolve("log").toUri().toString();
        Map<String, String> worker = Map.of(
                "bootstrap.servers", log,
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename", dir.resolve("offsets").toString(),
                "offset.flush.interval.ms", "100",
                "task.shutdown.graceful.timeout.ms", "3000",
                "listeners", "http://127.0.0.1:0");
        Map<String, String> source = Map.of("name", "source", "connector.class", "FileStreamSource",
                "file", input.toString(), "topic", "words");
        Map<String, String> sink = Map.of("name", "sink", "connector.class", "FileStreamSink",
                "file", output.toString(), "topics", "words");
        Map<String, String> strict = Map.of("name", "strict", "connector.class", "FileStreamSink",
                "file", dir.resolve("strict.txt").toString(), "topics", "json",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false");

        try (ConnectStandalone connect = ConnectStandalone.start(worker, List.of(source, sink, strict))) {
            Herder herder = connect.herder();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ConnectorStateInfo.TaskState failed = task(herder, "sink");
                assertThat(failed.state()).isEqualTo("FAILED");
                assertThat(failed.trace()).contains("Couldn't find or create file").contains(output.toString());
            });
            assertThat(herder.connectorStatus("sink").connector().state()).isEqualTo("RUNNING");

            try (RunnelProducer<String, String> producer = new RunnelProducer<>(Map.of("bootstrap.servers", log),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("json", "{\"ok\":1}")).get();
                producer.send(new ProducerRecord<>("json", "{not json")).get();
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ConnectorStateInfo.TaskState failed = task(herder, "strict");
                assertThat(failed.state()).isEqualTo("FAILED");
                assertThat(failed.trace()).contains("Tolerance exceeded in error handler");
            });

            // The source goes on regardless.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(herder.connectorOffsets("source").offsets()).singleElement()
                            .satisfies(o -> assertThat(o.offset()).isEqualTo(Map.of("position", 14L))));
            assertThat(task(herder, "source").state()).isEqualTo("RUNNING");

            Files.createDirectories(outDir);
            ConnectorStateInfo planned = herder.restartConnector("sink", true, true);
            assertThat(planned.connector().state()).isEqualTo("RUNNING");
            assertThat(planned.tasks()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("RESTARTING"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(task(herder, "sink").state()).isEqualTo("RUNNING");
                assertThat(Files.exists(output) ? Files.readAllLines(output) : List.of())
                        .containsExactly("one", "two", "three");
            });

            Files.writeString(input, "four\n", java.nio.file.StandardOpenOption.APPEND);
            herder.restartTask(new ConnectorTaskId("sink", 0));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Files.readAllLines(output))
                    .containsExactly("one", "two", "three", "four"));
            assertThat(task(herder, "source").state()).isEqualTo("RUNNING");
        }
    }
}
