package io.runnel.connect.runtime.standalone;

import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.runtime.StuckSourceConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Shutdown bounded by task.shutdown.graceful.timeout.ms, awaitStop, and start-up failures with clear messages. */
class ShutdownIT {

    @TempDir
    Path dir;

    private Map<String, String> worker() {
        Map<String, String> props = new HashMap<>(Map.of(
                "bootstrap.servers", dir.resolve("log").toUri().toString(),
                "key.converter", "StringConverter",
                "value.converter", "StringConverter",
                "offset.storage.file.filename", dir.resolve("offsets").toString(),
                "task.shutdown.graceful.timeout.ms", "300",
                "listeners", "http://127.0.0.1:0"));
        return props;
    }

    @Test
    void shouldCancelATaskThatIgnoresStopAndStillShutDown() throws Exception {
        int interruptedBefore = StuckSourceConnector.INTERRUPTED.get();
        ConnectStandalone connect = ConnectStandalone.start(worker(),
                List.of(Map.of("name", "stuck", "connector.class", "StuckSource")));
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                connect.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> StuckSourceConnector.POLLS.get() > 0);

        int polls = StuckSourceConnector.POLLS.get();
        connect.herder().restartTask(new ConnectorTaskId("stuck", 0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(StuckSourceConnector.INTERRUPTED.get()).isGreaterThan(interruptedBefore);
            assertThat(StuckSourceConnector.POLLS.get()).isGreaterThan(polls);
        });
        assertThat(connect.herder().taskStatus(new ConnectorTaskId("stuck", 0)).state()).isEqualTo("RUNNING");

        assertThat(stopped).isNotDone();
        assertTimeoutPreemptively(Duration.ofSeconds(30), connect::close);
        stopped.get();
        assertThat(stopped).isDone();
    }

    @Test
    void shouldFailToStartWithAClearMessageWhenTheLogIsNotReachable() {
        Map<String, String> props = worker();
        props.put("bootstrap.servers", "localhost:9092");
        assertThatThrownBy(() -> ConnectStandalone.start(props, List.of()))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("bootstrap.servers").hasMessageContaining("localhost:9092");
    }

    @Test
    void shouldFailToStartWhenTheRestPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> props = worker();
            props.put("listeners", "http://127.0.0.1:" + taken.getLocalPort());
            assertThatThrownBy(() -> ConnectStandalone.start(props, List.of()))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("REST server")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }
}
