package io.runnel.connect.runtime;

import io.runnel.connect.runtime.rest.entities.ConfigInfos;
import io.runnel.connect.runtime.rest.entities.ConnectorInfo;
import io.runnel.connect.runtime.rest.entities.ConnectorOffsets;
import io.runnel.connect.runtime.rest.entities.ConnectorStateInfo;
import io.runnel.connect.runtime.rest.entities.PluginInfo;
import io.runnel.connect.runtime.rest.entities.ServerInfo;
import io.runnel.connect.runtime.rest.entities.TaskInfo;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Manages the connectors of a Connect cluster: their configurations, target states and tasks, as Kafka Connect's
 * {@code Herder}. The REST API is a thin layer over it, and in-process users (the demo, tests) call it directly.
 * The standalone herder ({@code io.runnel.connect.runtime.standalone.StandaloneHerder}) keeps everything in memory
 * and runs every connector on its one worker; a distributed herder (a group of workers sharing configuration,
 * offset and status topics) implements the same interface later.
 *
 * <p>Unlike Kafka's callback-based interface, every method is synchronous: it returns once the change is applied
 * (connector started, tasks started or stopped). Failures are exceptions: {@link
 * io.runnel.connect.errors.NotFoundException} for an unknown connector or task (HTTP 404), {@link
 * io.runnel.connect.errors.AlreadyExistsException} for creating an existing connector (409), {@link
 * io.runnel.connect.runtime.rest.errors.BadRequestException} for an invalid configuration or argument (400).
 *
 * <p>Implementations are thread-safe.
 */
public interface Herder {

    /** @return the worker's version and the log's cluster id ({@code GET /}) */
    ServerInfo serverInfo();

    /** @return the names of every connector, sorted */
    Collection<String> connectors();

    /**
     * @param name a connector
     * @return its configuration and tasks
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    ConnectorInfo connectorInfo(String name);

    /**
     * @param name a connector
     * @return its configuration, as given
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    Map<String, String> connectorConfig(String name);

    /**
     * Creates a connector, or replaces the configuration of an existing one (restarting it and its tasks). The
     * configuration is validated first, as by {@link #validateConnectorConfig}; its {@code name}, when present,
     * must equal {@code name}.
     *
     * @param name         the connector's name
     * @param config       its configuration
     * @param allowReplace whether an existing connector may be reconfigured
     * @return whether it was created (true) or updated, and its info
     * @throws io.runnel.connect.runtime.rest.errors.BadRequestException if the configuration is invalid (the message
     *         lists every error)
     * @throws io.runnel.connect.errors.AlreadyExistsException if it exists and {@code allowReplace} is false
     */
    Created<ConnectorInfo> putConnectorConfig(String name, Map<String, String> config, boolean allowReplace);

    /**
     * Stops a connector and its tasks and forgets its configuration (its source offsets stay stored).
     *
     * @param name a connector
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    void deleteConnector(String name);

    /**
     * @param name a connector
     * @return its state and its tasks' states
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    ConnectorStateInfo connectorStatus(String name);

    /**
     * @param id a task
     * @return its state
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector or task
     */
    ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id);

    /**
     * @param name a connector
     * @return its tasks' configurations (empty while it is stopped or failed)
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    List<TaskInfo> taskConfigs(String name);

    /**
     * Restarts a connector and/or its tasks (KIP-745): the connector unless {@code onlyFailed} and it is not
     * FAILED; with {@code includeTasks}, each task unless {@code onlyFailed} and it is not FAILED.
     *
     * @param name         a connector
     * @param includeTasks whether to restart tasks too
     * @param onlyFailed   whether to restart only what is FAILED
     * @return the states as planned: what is restarted shows {@code RESTARTING}
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    ConnectorStateInfo restartConnector(String name, boolean includeTasks, boolean onlyFailed);

    /**
     * Restarts one task with its current configuration.
     *
     * @param id a task
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector or task
     */
    void restartTask(ConnectorTaskId id);

    /**
     * Pauses a connector: its tasks stop processing (sources stop polling; sinks stop fetching but keep their
     * partitions) until {@link #resumeConnector}.
     *
     * @param name a connector
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    void pauseConnector(String name);

    /**
     * Resumes a paused or stopped connector.
     *
     * @param name a connector
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    void resumeConnector(String name);

    /**
     * Stops a connector (KIP-875): the connector and its tasks are shut down, the configuration and offsets kept;
     * {@link #resumeConnector} starts it again.
     *
     * @param name a connector
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    void stopConnector(String name);

    /**
     * @param name a connector
     * @return its committed offsets: source offsets (as flushed every {@code offset.flush.interval.ms}), or the
     *         sink's consumer group offsets
     * @throws io.runnel.connect.errors.NotFoundException if there is no such connector
     */
    ConnectorOffsets connectorOffsets(String name);

    /**
     * Validates a connector configuration setting by setting, without creating anything.
     *
     * @param config the configuration; {@code connector.class} is required
     * @return every setting with its errors
     * @throws io.runnel.connect.runtime.rest.errors.BadRequestException if {@code connector.class} is missing or names
     *         no installed connector
     */
    ConfigInfos validateConnectorConfig(Map<String, String> config);

    /**
     * @param connectorsOnly whether to list only connectors (else converters, transformations and predicates too)
     * @return the installed plugins
     */
    List<PluginInfo> connectorPlugins(boolean connectorsOnly);

    /**
     * The result of {@link #putConnectorConfig}.
     *
     * @param <T>     the result type
     * @param created whether the connector was created (else updated)
     * @param result  the result
     */
    record Created<T>(boolean created, T result) {
    }
}
