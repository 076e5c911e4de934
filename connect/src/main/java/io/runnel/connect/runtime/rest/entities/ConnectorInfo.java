package io.runnel.connect.runtime.rest.entities;

import io.runnel.connect.runtime.ConnectorTaskId;

import java.util.List;
import java.util.Map;

/**
 * A connector's configuration and tasks ({@code GET /connectors/{name}}; Kafka's JSON {@code {"name", "config",
 * "tasks": [{"connector", "task"}], "type"}}). Immutable.
 *
 * @param name   the connector's name
 * @param config its configuration
 * @param tasks  its tasks
 * @param type   source or sink
 */
public record ConnectorInfo(String name, Map<String, String> config, List<ConnectorTaskId> tasks,
                            ConnectorType type) {

    /** Copies the collections. */
    public ConnectorInfo {
        config = Map.copyOf(config);
        tasks = List.copyOf(tasks);
    }
}
