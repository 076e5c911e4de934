package io.runnel.connect.runtime.rest.entities;

import io.runnel.connect.runtime.ConnectorTaskId;

import java.util.Map;

/**
 * A task's configuration ({@code GET /connectors/{name}/tasks}; Kafka's JSON {@code {"id": {"connector",
 * "task"}, "config"}}). Immutable.
 *
 * @param id     the task
 * @param config its configuration
 */
public record TaskInfo(ConnectorTaskId id, Map<String, String> config) {

    /** Copies the map. */
    public TaskInfo {
        config = Map.copyOf(config);
    }
}
