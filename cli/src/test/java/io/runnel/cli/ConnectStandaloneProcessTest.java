package io.runnel.cli;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** connect-standalone in a child JVM stopped with SIGTERM: the shutdown hook stops the worker cleanly. */
class ConnectStandaloneProcessTest {

    @TempDir
    Path dir;

    @Test
    void shouldStopTheWorkerCleanlyOnSigterm() throws Exception {
        Path logDir = dir.resolve("log");
        Path input = Files.writeString(dir.resolve("in.txt"), "alpha\nbeta\ngamma\n");
        Path worker = Files.writeString(dir.resolve("worker.properties"), String.join("\n",
                "bootstrap.servers=file://" + logDir,
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename=" + dir.resolve("connect.offsets"),
                "offset.flush.interval.ms=100",
                "listeners=http://127.0.0.1:0", ""));
        Path source = Files.writeString(dir.resolve("source.properties"),
                "name=lines-in\nconnector.class=FileStreamSource\nfile=" + input + "\ntopic=lines\n");

        Process process = ChildJvm.withLogback(false, Runnel.class.getName(), "connect-standalone", worker.toString(),
                source.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String started = out.readLine();
            assertThat(started).startsWith("Connect worker started with 1 connector; REST API at http://127.0.0.1:");
            URI offsets = URI.create(started.substring(started.indexOf("http://"), started.indexOf(" (stop")))
                    .resolve("connectors/lines-in/offsets");
            String position = "\"position\":" + Files.size(input);
            HttpClient http = HttpClient.newHttpClient();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(offsets).build(),
                    HttpResponse.BodyHandlers.ofString()).body().replace(" ", "").contains(position));
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the worker stops within 60 s").isTrue();
            assertThat(process.exitValue()).as("exit code after SIGTERM").isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readAllBytes(dir.resolve("connect.offsets"))).isNotEmpty();
        CliRun consumed = CliRun.on(logDir, "console-consumer", "--topic", "lines", "--from-beginning", "--max-messages", "3");
        assertThat(consumed.exitCode()).as(consumed.toString()).isZero();
        assertThat(consumed.lines()).containsExactly("alpha", "beta", "gamma");
    }
}
