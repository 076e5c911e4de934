package io.runnel.connect.runtime;

/**
 * Receives state changes of connectors and tasks from the threads that run them (the worker reports, the herder
 * records). Implementations must be thread-safe and must not block: they are called from task and connector
 * threads, possibly while the herder waits for those threads.
 */
public interface StatusListener {

    /**
     * @param connector the connector's name
     * @param state     its new state
     * @param error     the failure for {@link Status.State#FAILED}, else null
     */
    void onConnectorState(String connector, Status.State state, Throwable error);

    /**
     * @param task  the task
     * @param state its new state
     * @param error the failure for {@link Status.State#FAILED}, else null
     */
    void onTaskState(ConnectorTaskId task, Status.State state, Throwable error);
}
