package io.runnel.connect.runtime;

/**
 * The state a user asked a connector to be in, as Kafka Connect's {@code TargetState}: {@link #STARTED} (the
 * default), {@link #PAUSED} (connector and tasks stay, tasks stop processing) or {@link #STOPPED} (KIP-875: the
 * connector is stopped and its tasks are shut down, its configuration and offsets kept).
 */
public enum TargetState {
    /** Running. */
    STARTED,
    /** Tasks idle: sources do not poll, sinks keep their group membership but fetch nothing. */
    PAUSED,
    /** Connector stopped, no tasks. */
    STOPPED
}
