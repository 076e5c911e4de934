package io.runnel.connect.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.connect.runtime.standalone.ConnectStandalone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka Connect's REST API over real HTTP on loopback (port 0), against a standalone worker. */
class ConnectRestApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path dir;
    private static ConnectStandalone connect;
    private static Path input;

    @BeforeAll
    static void start() throws IOException {
        input = dir.resolve("in.txt");
        Files.writeString(input, "a\nb\nc\n");
        connect = ConnectStandalone.start(Map.of(
                "bootstrap.servers", dir.resolve("log").toUri().toString(),
                "key.converter", "StringConverter",
                "value.converter", "StringConverter",
                "offset.storage.file.filename", dir.resolve("offsets").toString(),
                "offset.flush.interval.ms", "100",
                "listeners", "http://127.0.0.1:0"), List.of());
    }

    @AfterAll
    static void stop() {
        connect.close();
    }

    record Reply(int status, JsonNode body) {
    }

    private static Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(connect.restUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), json);
    }

    private static String sourceConfig(String name) throws Exception {
        return JSON.writeValueAsString(Map.of("name", name, "config", Map.of(
                "connector.class", "FileStreamSource", "file", input.toString(), "topic", "rest-" + name)));
    }

    private static void assertError(Reply reply, int status, String messagePart) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asInt()).isEqualTo(status);
        assertThat(reply.body().get("message").asText()).contains(messagePart);
    }

    private static void awaitStates(String name, String connectorState, String... taskStates) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Reply status = call("GET", "connectors/" + name + "/status", null);
            assertThat(status.body().get("connector").get("state").asText()).isEqualTo(connectorState);
            List<String> tasks = new ArrayList<>();
            status.body().get("tasks").forEach(t -> tasks.add(t.get("state").asText()));
            assertThat(tasks).containsExactly(taskStates);
        });
    }

    @Test
    void shouldServeTheRootWithVersionAndClusterId() throws Exception {
        Reply root = call("GET", "/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body().get("version").asText()).isNotBlank();
        assertThat(root.body().get("kafka_cluster_id").asText()).isNotBlank();
        assertThat(connect.restUrl().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldRejectBadRequestsWithKafkasErrorBodies() throws Exception {
        assertError(call("POST", "connectors", "{not json"), 400, "not valid JSON");
        assertError(call("POST", "connectors", "{\"name\":\"x\",\"config\":{\"connector.class\":\"NoSuchConnector\"}}"),
                400, "Failed to find any class that implements SourceConnector or SinkConnector");
        assertError(call("POST", "connectors", "{\"name\":\"x\",\"config\":{\"connector.class\":\"FileStreamSink\","
                + "\"transforms\":\"t\",\"transforms.t.type\":\"NoSuchTransform\"}}"), 400,
                "Connector configuration is invalid and contains the following 2 error(s)");
        assertError(call("POST", "connectors", "{\"config\":{}}"), 400, "name");
        assertError(call("GET", "connectors/nobody", null), 404, "Connector nobody not found");
        assertError(call("GET", "connectors/nobody/status", null), 404, "not found");
        assertError(call("PUT", "connectors/nobody/pause", null), 404, "not found");
        assertError(call("GET", "nowhere", null), 404, "Unknown path");
        assertError(call("DELETE", "connector-plugins", null), 405, "GET");
        assertError(call("GET", "connectors?expand=everything", null), 400, "expand");
        assertThat(call("GET", "connectors/nobody", null).body().fieldNames()).toIterable()
                .containsExactly("error_code", "message");
    }

    @Test
    void shouldValidateConfigurationsFieldByField() throws Exception {
        Reply reply = call("PUT", "connector-plugins/FileStreamSinkConnector/config/validate",
                "{\"connector.class\":\"FileStreamSink\",\"name\":\"v\",\"tasks.max\":\"0\","
                        + "\"transforms\":\"t\",\"transforms.t.type\":\"NoSuchTransform\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("name").asText()).isEqualTo("FileStreamSinkConnector");
        assertThat(reply.body().get("error_count").asInt()).isEqualTo(3);
        Map<String, List<String>> errors = new java.util.HashMap<>();
        reply.body().get("configs").forEach(c -> {
            List<String> messages = new ArrayList<>();
            c.get("value").get("errors").forEach(e -> messages.add(e.asText()));
            errors.put(c.get("definition").get("name").asText(), messages);
        });
        assertThat(errors.get("tasks.max")).singleElement().asString().contains("at least 1");
        assertThat(errors.get("topics")).singleElement().asString().contains("Must configure one of topics");
        assertThat(errors.get("transforms.t.type")).singleElement().asString().contains("NoSuchTransform");
        assertThat(errors.get("file")).isEmpty();
        assertThat(reply.body().get("configs").get(0).get("definition").fieldNames()).toIterable()
                .contains("name", "type", "required", "default_value", "importance", "documentation", "group",
                        "width", "display_name", "dependents", "order");

        Reply valid = call("PUT", "connector-plugins/FileStreamSource/config/validate",
                "{\"name\":\"ok\",\"topic\":\"t\"}");
        assertThat(valid.body().get("error_count").asInt()).isZero();
        assertError(call("PUT", "connector-plugins/FileStreamSource/config/validate",
                "{\"connector.class\":\"FileStreamSink\"}"), 400, "does not match");
        assertError(call("PUT", "connector-plugins/NoSuch/config/validate", "{}"), 400, "Failed to find");
    }

    @Test
    void shouldListPlugins() throws Exception {
        Reply connectors = call("GET", "connector-plugins", null);
        List<String> types = new ArrayList<>();
        connectors.body().forEach(p -> types.add(p.get("type").asText()));
        assertThat(types).containsOnly("source", "sink");
        assertThat(connectors.body().toString()).contains("io.runnel.connect.file.FileStreamSourceConnector");
        Reply all = call("GET", "connector-plugins?connectorsOnly=false", null);
        assertThat(all.body().toString()).contains("\"transformation\"", "\"converter\"", "\"predicate\"",
                "io.runnel.connect.transforms.RegexRouter");
    }

    @Test
    void shouldManageAConnectorsLifecycle() throws Exception {
        Reply created = call("POST", "connectors", sourceConfig("life"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("name").asText()).isEqualTo("life");
        assertThat(created.body().get("type").asText()).isEqualTo("source");
        assertThat(created.body().get("tasks").get(0).get("connector").asText()).isEqualTo("life");
        assertError(call("POST", "connectors", sourceConfig("life")), 409, "already exists");

        awaitStates("life", "RUNNING", "RUNNING");
        assertThat(call("GET", "connectors", null).body().toString()).contains("\"life\"");
        Reply expanded = call("GET", "connectors?expand=status&expand=info", null);
        assertThat(expanded.body().get("life").get("status").get("connector").get("state").asText())
                .isEqualTo("RUNNING");
        assertThat(expanded.body().get("life").get("info").get("config").get("topic").asText()).isEqualTo("rest-life");
        assertThat(call("GET", "connectors/life/config", null).body().get("file").asText())
                .isEqualTo(input.toString());
        assertThat(call("GET", "connectors/life/tasks", null).body().get(0).get("id").get("task").asInt()).isZero();
        assertThat(call("GET", "connectors/life/tasks/0/status", null).body().get("state").asText())
                .isEqualTo("RUNNING");
        assertError(call("GET", "connectors/life/tasks/7/status", null), 404, "not found");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode offsets = call("GET", "connectors/life/offsets", null).body().get("offsets");
            assertThat(offsets).hasSize(1);
            assertThat(offsets.get(0).get("partition").get("filename").asText()).isEqualTo(input.toString());
            assertThat(offsets.get(0).get("offset").get("position").asLong()).isEqualTo(6);
        });

        assertThat(call("PUT", "connectors/life/pause", null).status()).isEqualTo(202);
        awaitStates("life", "PAUSED", "PAUSED");
        assertThat(call("PUT", "connectors/life/resume", null).status()).isEqualTo(202);
        awaitStates("life", "RUNNING", "RUNNING");
        assertThat(call("PUT", "connectors/life/stop", null).status()).isEqualTo(202);
        awaitStates("life", "STOPPED");
        assertThat(call("GET", "connectors/life/tasks", null).body()).isEmpty();
        assertThat(call("PUT", "connectors/life/resume", null).status()).isEqualTo(202);
        awaitStates("life", "RUNNING", "RUNNING");

        assertThat(call("POST", "connectors/life/restart", null).status()).isEqualTo(204);
        Reply restart = call("POST", "connectors/life/restart?includeTasks=true&onlyFailed=false", null);
        assertThat(restart.status()).isEqualTo(202);
        assertThat(restart.body().get("connector").get("state").asText()).isEqualTo("RESTARTING");
        assertThat(restart.body().get("tasks").get(0).get("state").asText()).isEqualTo("RESTARTING");
        Reply onlyFailed = call("POST", "connectors/life/restart?includeTasks=true&onlyFailed=true", null);
        assertThat(onlyFailed.status()).isEqualTo(202);
        assertThat(onlyFailed.body().get("connector").get("state").asText()).isEqualTo("RUNNING");
        assertThat(call("POST", "connectors/life/tasks/0/restart", null).status()).isEqualTo(204);
        awaitStates("life", "RUNNING", "RUNNING");
        assertError(call("POST", "connectors/life/restart?includeTasks=maybe", null), 400, "includeTasks");

        Reply updated = call("PUT", "connectors/life/config", JSON.writeValueAsString(Map.of(
                "connector.class", "FileStreamSource", "file", input.toString(), "topic", "rest-life-2")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(call("GET", "connectors/life/config", null).body().get("topic").asText()).isEqualTo("rest-life-2");
        assertError(call("PUT", "connectors/life/config", "{\"name\":\"other\",\"connector.class\":\"FileStreamSource\","
                + "\"topic\":\"x\"}"), 400, "doesn't match");

        assertThat(call("DELETE", "connectors/life", null).status()).isEqualTo(204);
        assertError(call("GET", "connectors/life", null), 404, "not found");
    }

    @Test
    void shouldCreateWithPutAndDecodeNamesInPaths() throws Exception {
        String path = "connectors/" + URI.create("x").resolve("a%20b").toString() + "/config";
        Reply created = call("PUT", path, JSON.writeValueAsString(Map.of("connector.class", "FileStreamSource",
                "file", input.toString(), "topic", "spaced")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("name").asText()).isEqualTo("a b");
        assertThat(call("GET", "connectors/a%20b/status", null).body().get("name").asText()).isEqualTo("a b");
        assertThat(call("DELETE", "connectors/a%20b", null).status()).isEqualTo(204);
    }
}
