package io.runnel.connect.runtime.standalone;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigException;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The standalone worker end to end: properties files, file source, topic, file sink, restart. */
class ConnectStandaloneIT {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private Path workerFile() throws IOException {
        return write("worker.properties",
                "bootstrap.servers=" + dir.resolve("log").toUri(),
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable=false",
                "offset.storage.file.filename=" + dir.resolve("connect.offsets"),
                "offset.flush.interval.ms=200",
                "listeners=http://127.0.0.1:0");
    }

    private Path sourceFile(Path input) throws IOException {
        return write("source.properties",
                "name=csv-source",
                "connector.class=FileStreamSource",
                "file=" + input,
                "topic=lines",
                "transforms=hoist,origin",
                "transforms.hoist.type=org.apache.kafka.connect.transforms.HoistField$Value",
                "transforms.hoist.field=line",
                "transforms.origin.type=InsertField$Value",
                "transforms.origin.static.field=origin",
                "transforms.origin.static.value=csv");
    }

    private Path sinkFile(Path output) throws IOException {
        return write("sink.properties",
                "name=file-sink",
                "connector.class=FileStreamSink",
                "file=" + output,
                "topics=lines",
                "transforms=extract",
                "transforms.extract.type=ExtractField$Value",
                "transforms.extract.field=line");
    }

    private List<String> topic(String topic) {
        Map<String, Object> props = Map.of("bootstrap.servers", dir.resolve("log").toUri().toString(),
                "enable.auto.commit", "false");
        try (RunnelConsumer<String, String> consumer = new RunnelConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            List<String> values = new ArrayList<>();
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }

    @Test
    void shouldCopyAFileThroughATopicToAFileWithTransformsAndContinueAfterARestart() throws Exception {
        List<String> first = IntStream.range(0, 500).mapToObj(i -> "row-" + i + ",value " + i).toList();
        Path input = write("in.csv", first.toArray(String[]::new));
        Path output = dir.resolve("out.txt");
        Path worker = workerFile();
        List<Path> connectors = List.of(sourceFile(input), sinkFile(output));

        try (ConnectStandalone connect = ConnectStandalone.start(worker, connectors)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Files.exists(output) ? Files.readAllLines(output) : List.of()).isEqualTo(first));
            ConnectorStateInfo status = connect.herder().connectorStatus("csv-source");
            assertThat(status.connector().state()).isEqualTo("RUNNING");
            assertThat(status.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly("RUNNING");
        }
        assertThat(topic("lines")).hasSize(500).first().isEqualTo("{\"line\":\"row-0,value 0\",\"origin\":\"csv\"}");

        List<String> second = IntStream.range(500, 700).mapToObj(i -> "row-" + i + ",value " + i).toList();
        Files.write(input, second, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        try (ConnectStandalone connect = ConnectStandalone.start(worker, connectors)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Files.readAllLines(output)).hasSize(700));
            assertThat(Files.readAllLines(output)).isEqualTo(all);
            // The way to tell a file source has ingested everything: its committed position is the file's size.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(connect.herder().connectorOffsets("csv-source").offsets()).singleElement()
                            .satisfies(o -> assertThat(o.offset()).isEqualTo(Map.of("position", Files.size(input)))));
        }
        List<String> topic = topic("lines");
        assertThat(topic).hasSize(700).doesNotHaveDuplicates();
        assertThat(topic.stream().map(v -> v.substring(9, v.indexOf("\","))).collect(Collectors.toList()))
                .isEqualTo(all);
    }

    @Test
    void shouldRejectBadFilesWithOneMessageNamingEveryFileAndSetting() throws Exception {
        Path worker = write("bad-worker.properties",
                "bootstrap.servers=" + dir.resolve("log").toUri(),
                "value.converter=NoSuchConverterAtAll",
                "offset.flush.interval.ms=soon",
                "listeners=http://127.0.0.1:0");
        Path source = write("source.properties", "name=src", "connector.class=FileStreamSource", "tasks.max=0");
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> ConnectStandalone.start(worker, List.of(source, missing)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p ->
                                assertThat(p).startsWith(missing + ": file not found")))
                .hasMessageContaining(missing.toString());

        Path good = workerFile();
        assertThatThrownBy(() -> ConnectStandalone.start(good, List.of(source)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith(source + ": tasks.max:"))
                        .anySatisfy(p -> assertThat(p).startsWith(source + ": topic:")));

        assertThatThrownBy(() -> ConnectStandalone.start(worker, List.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith(worker + ": ").contains("key.converter"))
                        .anySatisfy(p -> assertThat(p).startsWith(worker + ": ").contains("offset.flush.interval.ms"))
                        .anySatisfy(p -> assertThat(p).contains("offset.storage.file.filename")));
    }
}
