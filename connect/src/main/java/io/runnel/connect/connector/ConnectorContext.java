package io.runnel.connect.connector;

/**
 * What the runtime offers a running {@link Connector}. Implementations are thread-safe: a connector may call
 * them from its own background threads.
 */
public interface ConnectorContext {

    /**
     * Asks the runtime to call {@link Connector#taskConfigs(int)} again and restart the tasks with the new
     * configurations (for example after the connector discovered new tables to copy).
     */
    void requestTaskReconfiguration();

    /**
     * Reports an unrecoverable error from a background thread of the connector: the runtime marks the connector
     * FAILED and stops it.
     *
     * @param e the error
     */
    void raiseError(Exception e);
}
