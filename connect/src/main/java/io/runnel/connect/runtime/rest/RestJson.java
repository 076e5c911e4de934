package io.runnel.connect.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.runtime.rest.entities.ConfigInfos;
import io.runnel.connect.runtime.rest.entities.ConnectorInfo;
import io.runnel.connect.runtime.rest.entities.ConnectorOffsets;
import io.runnel.connect.runtime.rest.entities.ConnectorStateInfo;
import io.runnel.connect.runtime.rest.entities.PluginInfo;
import io.runnel.connect.runtime.rest.entities.ServerInfo;
import io.runnel.connect.runtime.rest.entities.TaskInfo;
import io.runnel.connect.runtime.rest.errors.BadRequestException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the herder's entities as Kafka Connect's REST JSON (snake_case field names, {@code "class"} for plugin
 * classes, {@code "trace"} only when there is one) and reads request bodies. The only Jackson user in the runtime.
 * Thread-safe.
 */
final class RestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RestJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param body a request body
     * @return its JSON tree
     * @throws BadRequestException if it is empty or not JSON
     */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("Request body is empty: a JSON object is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * @param node a JSON object of settings
     * @param what what it is, for messages
     * @return the settings as strings
     * @throws BadRequestException if it is not an object of scalar values
     */
    static Map<String, String> stringMap(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new BadRequestException(what + " must be a JSON object of string settings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                result.put(e.getKey(), null);
            } else if (v.isValueNode()) {
                result.put(e.getKey(), v.asText());
            } else {
                throw new BadRequestException(what + ": setting '" + e.getKey() + "' must be a string, not "
                        + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return result;
    }

    static ObjectNode error(int status, String message) {
        ObjectNode node = object();
        node.put("error_code", status);
        node.put("message", message);
        return node;
    }

    static ObjectNode serverInfo(ServerInfo info) {
        ObjectNode node = object();
        node.put("version", info.version());
        node.put("commit", info.commit());
        node.put("kafka_cluster_id", info.kafkaClusterId());
        return node;
    }

    static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode node = object();
        new TreeMap<>(map).forEach(node::put);
        return node;
    }

    static ObjectNode taskId(ConnectorTaskId id) {
        ObjectNode node = object();
        node.put("connector", id.connector());
        node.put("task", id.task());
        return node;
    }

    static ObjectNode connectorInfo(ConnectorInfo info) {
        ObjectNode node = object();
        node.put("name", info.name());
        node.set("config", stringMap(info.config()));
        ArrayNode tasks = node.putArray("tasks");
        info.tasks().forEach(t -> tasks.add(taskId(t)));
        node.put("type", info.type().toString());
        return node;
    }

    static ObjectNode status(ConnectorStateInfo info) {
        ObjectNode node = object();
        node.put("name", info.name());
        ObjectNode connector = node.putObject("connector");
        connector.put("state", info.connector().state());
        connector.put("worker_id", info.connector().workerId());
        if (info.connector().trace() != null) {
            connector.put("trace", info.connector().trace());
        }
        ArrayNode tasks = node.putArray("tasks");
        info.tasks().forEach(t -> tasks.add(taskState(t)));
        node.put("type", info.type().toString());
        return node;
    }

    static ObjectNode taskState(ConnectorStateInfo.TaskState t) {
        ObjectNode node = object();
        node.put("id", t.id());
        node.put("state", t.state());
        node.put("worker_id", t.workerId());
        if (t.trace() != null) {
            node.put("trace", t.trace());
        }
        return node;
    }

    static ArrayNode taskInfos(List<TaskInfo> infos) {
        ArrayNode array = array();
        for (TaskInfo info : infos) {
            ObjectNode node = array.addObject();
            node.set("id", taskId(info.id()));
            node.set("config", stringMap(info.config()));
        }
        return array;
    }

    static ObjectNode configInfos(ConfigInfos infos) {
        ObjectNode node = object();
        node.put("name", infos.name());
        node.put("error_count", infos.errorCount());
        ArrayNode groups = node.putArray("groups");
        infos.groups().forEach(groups::add);
        ArrayNode configs = node.putArray("configs");
        for (ConfigInfos.ConfigInfo info : infos.configs()) {
            ObjectNode entry = configs.addObject();
            ConfigInfos.ConfigKeyInfo d = info.definition();
            ObjectNode def = entry.putObject("definition");
            def.put("name", d.name());
            def.put("type", d.type());
            def.put("required", d.required());
            def.put("default_value", d.defaultValue());
            def.put("importance", d.importance());
            def.put("documentation", d.documentation());
            def.put("group", d.group());
            def.put("width", d.width());
            def.put("display_name", d.displayName());
            ArrayNode dependents = def.putArray("dependents");
            d.dependents().forEach(dependents::add);
            def.put("order", d.orderInGroup());
            ConfigInfos.ConfigValueInfo v = info.value();
            ObjectNode value = entry.putObject("value");
            value.put("name", v.name());
            value.put("value", v.value());
            ArrayNode recommended = value.putArray("recommended_values");
            v.recommendedValues().forEach(recommended::add);
            ArrayNode errors = value.putArray("errors");
            v.errors().forEach(errors::add);
            value.put("visible", v.visible());
        }
        return node;
    }

    static ArrayNode plugins(Collection<PluginInfo> plugins) {
        ArrayNode array = array();
        for (PluginInfo p : plugins) {
            ObjectNode node = array.addObject();
            node.put("class", p.className());
            node.put("type", p.type());
            node.put("version", p.version());
        }
        return array;
    }

    static ObjectNode offsets(ConnectorOffsets offsets) {
        ObjectNode node = object();
        ArrayNode array = node.putArray("offsets");
        for (ConnectorOffsets.ConnectorOffset o : offsets.offsets()) {
            ObjectNode entry = array.addObject();
            entry.set("partition", MAPPER.valueToTree(o.partition()));
            entry.set("offset", MAPPER.valueToTree(o.offset()));
        }
        return node;
    }
}
