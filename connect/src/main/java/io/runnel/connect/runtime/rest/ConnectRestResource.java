package io.runnel.connect.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.connect.errors.AlreadyExistsException;
import io.runnel.connect.errors.NotFoundException;
import io.runnel.connect.runtime.ConnectorConfig;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.runtime.Herder;
import io.runnel.connect.runtime.rest.entities.ConnectorInfo;
import io.runnel.connect.runtime.rest.errors.BadRequestException;
import io.runnel.connect.runtime.rest.errors.ConnectRestException;
import io.runnel.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kafka Connect's REST API over a {@link Herder}, independent of the HTTP server: one request (method, decoded path
 * segments, query parameters, body) in, one response (status, JSON) out. Paths and JSON are Kafka Connect's, so its
 * tools and scripts work unchanged; failures are {@code {"error_code": <status>, "message": ...}} with 400 (bad
 * JSON, invalid configuration or parameter, unknown connector class), 404 (unknown connector, task or path), 405
 * (method), 409 (connector exists) or 500 (anything else, logged).
 *
 * <p>Thread-safe (the herder is).
 */
final class ConnectRestResource {

    private static final Logger log = LoggerFactory.getLogger(ConnectRestResource.class);

    /** A response: status and JSON body (null for none). */
    record Reply(int status, String body) {
        static Reply json(int status, JsonNode node) {
            return new Reply(status, RestJson.write(node));
        }

        static Reply empty(int status) {
            return new Reply(status, null);
        }
    }

    private final Herder herder;

    ConnectRestResource(Herder herder) {
        this.herder = herder;
    }

    /**
     * @param method   the HTTP method
     * @param segments the decoded path segments (empty for {@code /})
     * @param query    query parameters (each with its values)
     * @param body     the request body, possibly empty
     * @return the response
     */
    Reply handle(String method, List<String> segments, Map<String, List<String>> query, String body) {
        try {
            return route(method.toUpperCase(Locale.ROOT), segments, query, body);
        } catch (ConnectRestException e) {
            return error(e.statusCode(), e.getMessage());
        } catch (NotFoundException e) {
            return error(404, e.getMessage());
        } catch (AlreadyExistsException e) {
            return error(409, e.getMessage());
        } catch (ConfigException e) {
            return error(400, e.getMessage());
        } catch (RuntimeException e) {
            log.error("REST request {} /{} failed", method, String.join("/", segments), e);
            return error(500, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static Reply error(int status, String message) {
        return Reply.json(status, RestJson.error(status, message));
    }

    private Reply route(String method, List<String> s, Map<String, List<String>> query, String body) {
        int n = s.size();
        if (n == 0) {
            allow(method, "GET");
            return Reply.json(200, RestJson.serverInfo(herder.serverInfo()));
        }
        if (s.get(0).equals("connectors")) {
            if (n == 1) {
                if (method.equals("POST")) {
                    return createConnector(body);
                }
                allow(method, "GET", "POST");
                return listConnectors(query);
            }
            String name = s.get(1);
            if (n == 2) {
                if (method.equals("DELETE")) {
                    herder.deleteConnector(name);
                    return Reply.empty(204);
                }
                allow(method, "GET", "DELETE");
                return Reply.json(200, RestJson.connectorInfo(herder.connectorInfo(name)));
            }
            String action = s.get(2);
            if (n == 3) {
                switch (action) {
                    case "config":
                        if (method.equals("PUT")) {
                            Map<String, String> config = RestJson.stringMap(RestJson.parse(body), "Connector configuration");
                            Herder.Created<ConnectorInfo> created = herder.putConnectorConfig(name, config, true);
                            return Reply.json(created.created() ? 201 : 200, RestJson.connectorInfo(created.result()));
                        }
                        allow(method, "GET", "PUT");
                        return Reply.json(200, RestJson.stringMap(herder.connectorConfig(name)));
                    case "status":
                        allow(method, "GET");
                        return Reply.json(200, RestJson.status(herder.connectorStatus(name)));
                    case "tasks":
                        allow(method, "GET");
                        return Reply.json(200, RestJson.taskInfos(herder.taskConfigs(name)));
                    case "offsets":
                        allow(method, "GET");
                        return Reply.json(200, RestJson.offsets(herder.connectorOffsets(name)));
                    case "restart":
                        allow(method, "POST");
                        return restart(name, query);
                    case "pause":
                        allow(method, "PUT");
                        herder.pauseConnector(name);
                        return Reply.empty(202);
                    case "resume":
                        allow(method, "PUT");
                        herder.resumeConnector(name);
                        return Reply.empty(202);
                    case "stop":
                        allow(method, "PUT");
                        herder.stopConnector(name);
                        return Reply.empty(202);
                    default:
                        break;
                }
            } else if (action.equals("tasks") && n == 5) {
                ConnectorTaskId id = new ConnectorTaskId(name, taskNumber(s.get(3)));
                if (s.get(4).equals("status")) {
                    allow(method, "GET");
                    return Reply.json(200, RestJson.taskState(herder.taskStatus(id)));
                }
                if (s.get(4).equals("restart")) {
                    allow(method, "POST");
                    herder.restartTask(id);
                    return Reply.empty(204);
                }
            }
        } else if (s.get(0).equals("connector-plugins")) {
            if (n == 1) {
                allow(method, "GET");
                boolean connectorsOnly = !"false".equalsIgnoreCase(single(query, "connectorsOnly", "true"));
                return Reply.json(200, RestJson.plugins(herder.connectorPlugins(connectorsOnly)));
            }
            if (n == 4 && s.get(2).equals("config") && s.get(3).equals("validate")) {
                allow(method, "PUT");
                return validate(s.get(1), body);
            }
        }
        throw new ConnectRestException(404, "Unknown path /" + String.join("/", s));
    }

    private static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new ConnectRestException(405, "HTTP method " + method + " is not supported for this path; use "
                + String.join(" or ", allowed));
    }

    private static int taskNumber(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConnectRestException(404, "Task id '" + raw + "' is not a number");
        }
    }

    private static String single(Map<String, List<String>> query, String name, String dflt) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? dflt : values.get(values.size() - 1);
    }

    private static boolean bool(Map<String, List<String>> query, String name) {
        String value = single(query, name, "false");
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.isEmpty()) {
            return false;
        }
        throw new BadRequestException("Query parameter " + name + " must be true or false, not '" + value + "'");
    }

    private Reply listConnectors(Map<String, List<String>> query) {
        Collection<String> names = herder.connectors();
        List<String> expand = query.getOrDefault("expand", List.of());
        if (expand.isEmpty()) {
            var array = RestJson.array();
            names.forEach(array::add);
            return Reply.json(200, array);
        }
        Set<String> known = Set.of("status", "info");
        for (String e : expand) {
            if (!known.contains(e)) {
                throw new BadRequestException("Unknown expand value '" + e + "': use status or info");
            }
        }
        ObjectNode result = RestJson.object();
        for (String name : names) {
            ObjectNode entry = result.putObject(name);
            try {
                if (expand.contains("status")) {
                    entry.set("status", RestJson.status(herder.connectorStatus(name)));
                }
                if (expand.contains("info")) {
                    entry.set("info", RestJson.connectorInfo(herder.connectorInfo(name)));
                }
            } catch (NotFoundException e) {
                result.remove(name);
            }
        }
        return Reply.json(200, result);
    }

    private Reply createConnector(String body) {
        JsonNode request = RestJson.parse(body);
        if (!request.isObject()) {
            throw new BadRequestException("Request body must be a JSON object {\"name\": ..., \"config\": {...}}");
        }
        JsonNode nameNode = request.get("name");
        Map<String, String> config = request.has("config")
                ? RestJson.stringMap(request.get("config"), "config") : new LinkedHashMap<>();
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText()
                : config.get(ConnectorConfig.NAME_CONFIG);
        if (name == null || name.isBlank()) {
            throw new BadRequestException("Connector name is missing: give \"name\" in the request body");
        }
        if (!request.has("config")) {
            throw new BadRequestException("Connector configuration is missing: give \"config\" in the request body");
        }
        if (request.has("initial_state")) {
            throw new BadRequestException("initial_state is not supported by Runnel yet; create the connector, then "
                    + "pause or stop it");
        }
        Herder.Created<ConnectorInfo> created = herder.putConnectorConfig(name, config, false);
        return Reply.json(201, RestJson.connectorInfo(created.result()));
    }

    private Reply restart(String name, Map<String, List<String>> query) {
        boolean includeTasks = bool(query, "includeTasks");
        boolean onlyFailed = bool(query, "onlyFailed");
        var planned = herder.restartConnector(name, includeTasks, onlyFailed);
        if (!includeTasks && !onlyFailed) {
            return Reply.empty(204);
        }
        return Reply.json(202, RestJson.status(planned));
    }

    private Reply validate(String type, String body) {
        Map<String, String> config = RestJson.stringMap(RestJson.parse(body), "Connector configuration");
        String connectorClass = config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (connectorClass == null) {
            config.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, type);
        } else if (!sameClass(connectorClass, type)) {
            throw new BadRequestException("Included connector type " + connectorClass + " does not match request "
                    + "type " + type);
        }
        return Reply.json(200, RestJson.configInfos(herder.validateConnectorConfig(config)));
    }

    private static boolean sameClass(String a, String b) {
        String sa = a.substring(a.lastIndexOf('.') + 1);
        String sb = b.substring(b.lastIndexOf('.') + 1);
        return a.equals(b) || sa.equals(sb) || sa.equals(sb + "Connector") || sb.equals(sa + "Connector");
    }
}
