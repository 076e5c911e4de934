package io.runnel.connect.runtime.rest.entities;

import java.util.List;

/**
 * A connector's and its tasks' states ({@code GET /connectors/{name}/status}; Kafka's JSON {@code {"name",
 * "connector": {"state", "worker_id", "trace"?}, "tasks": [{"id", "state", "worker_id", "trace"?}], "type"}}).
 * Immutable.
 *
 * @param name      the connector's name
 * @param connector the connector's state
 * @param tasks     the tasks' states, by id
 * @param type      source or sink
 */
public record ConnectorStateInfo(String name, ConnectorState connector, List<TaskState> tasks,
                                 ConnectorType type) {

    /** Copies the list. */
    public ConnectorStateInfo {
        tasks = List.copyOf(tasks);
    }

    /**
     * @param state    {@code RUNNING}, {@code PAUSED}, {@code STOPPED}, {@code FAILED}, {@code UNASSIGNED} or
     *                 {@code RESTARTING}
     * @param workerId the worker running it
     * @param trace    the failure's stack trace, or null
     */
    public record ConnectorState(String state, String workerId, String trace) {
    }

    /**
     * @param id       the task number
     * @param state    as for connectors (never {@code STOPPED})
     * @param workerId the worker running it
     * @param trace    the failure's stack trace, or null
     */
    public record TaskState(int id, String state, String workerId, String trace) {
    }
}
