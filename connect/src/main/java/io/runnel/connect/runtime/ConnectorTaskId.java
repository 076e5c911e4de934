package io.runnel.connect.runtime;

import java.util.Objects;

/**
 * Identifies one task of a connector, as Kafka Connect's {@code ConnectorTaskId}; {@link #toString()} gives
 * {@code <connector>-<task>}. Immutable.
 *
 * @param connector the connector's name
 * @param task      the task's number, from 0
 */
public record ConnectorTaskId(String connector, int task) implements Comparable<ConnectorTaskId> {

    /** @throws NullPointerException if {@code connector} is null */
    public ConnectorTaskId {
        Objects.requireNonNull(connector, "connector");
    }

    @Override
    public int compareTo(ConnectorTaskId o) {
        int c = connector.compareTo(o.connector);
        return c != 0 ? c : Integer.compare(task, o.task);
    }

    @Override
    public String toString() {
        return connector + "-" + task;
    }
}
