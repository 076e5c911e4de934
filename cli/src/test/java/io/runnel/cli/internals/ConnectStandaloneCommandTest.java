package io.runnel.cli.internals;

import io.runnel.cli.Runnel;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectStandaloneCommandTest {

    @TempDir
    Path dir;

    /** Writes a worker and a file-source connector configuration; returns {worker, connector}. */
    static Path[] configuration(Path dir, Path logDir, Path input) throws Exception {
        Path worker = Files.writeString(dir.resolve("worker.properties"), String.join("\n",
                "bootstrap.servers=file://" + logDir,
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename=" + dir.resolve("connect.offsets"),
                "offset.flush.interval.ms=100",
                "listeners=http://127.0.0.1:0", ""));
        Path source = Files.writeString(dir.resolve("source.properties"), String.join("\n",
                "name=lines-in",
                "connector.class=FileStreamSource",
                "file=" + input,
                "topic=lines", ""));
        return new Path[]{worker, source};
    }

    @Test
    void shouldRunConnectorsUntilTheWorkerIsClosed() throws Exception {
        Path logDir = dir.resolve("log");
        Path input = Files.writeString(dir.resolve("in.txt"), "alpha\nbeta\ngamma\n");
        Path[] files = configuration(dir, logDir, input);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new Runnel(new ByteArrayInputStream(new byte[0]), Map.of()).commandLine();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        ConnectStandaloneCommand command = (ConnectStandaloneCommand)
                commandLine.getSubcommands().get("connect-standalone").getCommandSpec().userObject();
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() ->
                commandLine.execute("connect-standalone", files[0].toString(), files[1].toString()));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> command.running() != null || exitCode.isDone());
            assertThat(exitCode).as(err.toString()).isNotDone();
            assertThat(out.toString()).startsWith("Connect worker started with 1 connector; REST API at http://127.0.0.1:")
                    .endsWith(" (stop with Ctrl-C)\n");

            HttpResponse<String> connectors = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    command.running().restUrl().resolve("connectors")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(connectors.body()).isEqualTo("[\"lines-in\"]");

            List<String> values = new ArrayList<>();
            try (RunnelConsumer<String, String> consumer = new RunnelConsumer<>(Map.of("bootstrap.servers",
                    "file://" + logDir), new StringDeserializer(), new StringDeserializer())) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                    if (consumer.assignment().isEmpty() && consumer.listTopics().containsKey("lines")) {
                        consumer.assign(List.of(new TopicPartition("lines", 0)));
                        consumer.seekToBeginning(consumer.assignment());
                    }
                    if (!consumer.assignment().isEmpty()) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                            values.add(r.value());
                        }
                    }
                    return values.size() >= 3;
                });
            }
            assertThat(values).containsExactly("alpha", "beta", "gamma");
        } finally {
            ConnectStandaloneCommandTest.stop(command);
        }
        assertThat(exitCode.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(command.running()).isNull();
        assertThat(dir.resolve("connect.offsets")).exists();
    }

    private static void stop(ConnectStandaloneCommand command) {
        if (command.running() != null) {
            command.running().close();
        }
    }

    @Test
    void shouldReportConfigurationMistakesInOneLineBeforeStarting() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new Runnel(new ByteArrayInputStream(new byte[0]), Map.of()).commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true));
        int missing = commandLine.execute("connect-standalone", dir.resolve("nope.properties").toString());
        assertThat(missing).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: ").contains("nope.properties: file not found").endsWith("\n");
        assertThat(err.toString().strip()).doesNotContain("\n");

        Path input = Files.writeString(dir.resolve("in.txt"), "x\n");
        Path[] files = configuration(dir, dir.resolve("log"), input);
        Files.writeString(files[1], "name=broken\nconnector.class=NoSuchConnector\n");
        StringWriter err2 = new StringWriter();
        commandLine.setErr(new PrintWriter(err2, true));
        assertThat(commandLine.execute("connect-standalone", files[0].toString(), files[1].toString())).isEqualTo(1);
        assertThat(err2.toString()).startsWith("Error: ").contains("NoSuchConnector");
        assertThat(err2.toString().strip()).doesNotContain("\n");

        StringWriter err3 = new StringWriter();
        commandLine.setErr(new PrintWriter(err3, true));
        assertThat(commandLine.execute("connect-standalone")).isEqualTo(2);
        assertThat(err3.toString()).isEqualTo("Error: Missing required parameter: '<worker.properties>' "
                + "(see 'runnel connect-standalone --help')\n");
    }
}
