package io.runnel.connect.runtime.standalone;

import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import io.runnel.connect.errors.AlreadyExistsException;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.NotFoundException;
import io.runnel.connect.runtime.AbstractHerder;
import io.runnel.connect.runtime.ConnectorConfig;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.runtime.Status;
import io.runnel.connect.runtime.StatusListener;
import io.runnel.connect.runtime.TargetState;
import io.runnel.connect.runtime.Worker;
import io.runnel.connect.runtime.WorkerSinkTask;
import io.runnel.connect.runtime.isolation.PluginDesc;
import io.runnel.connect.runtime.isolation.PluginType;
import io.runnel.connect.runtime.rest.entities.ConfigInfos;
import io.runnel.connect.runtime.rest.entities.ConnectorInfo;
import io.runnel.connect.runtime.rest.entities.ConnectorOffsets;
import io.runnel.connect.runtime.rest.entities.ConnectorStateInfo;
import io.runnel.connect.runtime.rest.entities.ConnectorType;
import io.runnel.connect.runtime.rest.entities.ServerInfo;
import io.runnel.connect.runtime.rest.entities.TaskInfo;
import io.runnel.connect.runtime.rest.errors.BadRequestException;
import io.runnel.connect.runtime.storage.OffsetUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The standalone herder: one worker, configurations in memory (given again at each start, from the properties
 * files of {@code runnel connect-standalone}), as Kafka Connect's {@code StandaloneHerder}.
 *
 * <h2>Design</h2>
 * Every change (create, reconfigure, delete, pause, resume, stop, restart) runs under the herder's lock, calls the
 * {@link Worker} and returns once the connector and its tasks are started or stopped, so callers see the outcome
 * synchronously. States flow the other way: connector and task threads report to the herder's {@link
 * StatusListener}, which only writes a concurrent map and never takes the lock (a task reporting while the herder
 * waits for it to stop cannot deadlock). A connector's request for task reconfiguration comes from its own thread
 * and is handed to a single background thread that takes the lock, for the same reason.
 *
 * <p>A connector whose {@code start} fails is FAILED and has no tasks; a task that fails is FAILED while the
 * connector and the other tasks go on. {@link #restartConnector} and {@link #restartTask} recover them.
 *
 * <p>Thread-safe.
 */
public final class StandaloneHerder extends AbstractHerder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneHerder.class);

    private final Worker worker;
    private final Map<String, ConnectorState> connectors = new TreeMap<>();
    private final Map<String, Status> connectorStatuses = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, Status> taskStatuses = new ConcurrentHashMap<>();
    private final ExecutorService requests;
    private final Listener listener = new Listener();
    private boolean closed;

    private static final class ConnectorState {
        final Map<String, String> config;
        final boolean source;
        TargetState target;
        List<Map<String, String>> taskConfigs = List.of();

        ConnectorState(Map<String, String> config, boolean source, TargetState target) {
            this.config = Map.copyOf(config);
            this.source = source;
            this.target = target;
        }

        int tasksMax() {
            String value = config.get(ConnectorConfig.TASKS_MAX_CONFIG);
            return value == null ? 1 : Integer.parseInt(value.trim());
        }
    }

    /** @param worker the worker that runs everything; owned (closed) by this herder */
    public StandaloneHerder(Worker worker) {
        super(worker.plugins());
        this.worker = worker;
        this.requests = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "standalone-herder-requests");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the worker */
    public Worker worker() {
        return worker;
    }

    @Override
    public ServerInfo serverInfo() {
        String clusterId;
        try {
            clusterId = worker.admin().describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ConnectException("Could not read the log's cluster id: " + e, e);
        }
        return new ServerInfo(version(), "unknown", clusterId);
    }

    static String version() {
        try (InputStream in = StandaloneHerder.class.getResourceAsStream("/io/runnel/connect/runtime/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public synchronized List<String> connectors() {
        return new ArrayList<>(connectors.keySet());
    }

    private ConnectorState state(String name) {
        ConnectorState state = connectors.get(name);
        if (state == null) {
            throw new NotFoundException("Connector " + name + " not found");
        }
        return state;
    }

    @Override
    public synchronized ConnectorInfo connectorInfo(String name) {
        ConnectorState state = state(name);
        List<ConnectorTaskId> ids = new ArrayList<>();
        for (int i = 0; i < state.taskConfigs.size(); i++) {
            ids.add(new ConnectorTaskId(name, i));
        }
        return new ConnectorInfo(name, state.config, ids, type(state));
    }

    private static ConnectorType type(ConnectorState state) {
        return state.source ? ConnectorType.SOURCE : ConnectorType.SINK;
    }

    @Override
    public synchronized Map<String, String> connectorConfig(String name) {
        return state(name).config;
    }

    @Override
    public synchronized Created<ConnectorInfo> putConnectorConfig(String name, Map<String, String> config,
                                                                 boolean allowReplace) {
        checkOpen();
        if (name == null || name.isBlank()) {
            throw new BadRequestException("Connector name must not be empty");
        }
        if (name.contains("/")) {
            throw new BadRequestException("Connector name '" + name + "' must not contain '/': it could not be "
                    + "addressed in the REST API");
        }
        String given = config.get(ConnectorConfig.NAME_CONFIG);
        if (given != null && !given.equals(name)) {
            throw new BadRequestException("Connector name configuration (" + given + ") doesn't match connector name "
                    + "in the URL (" + name + ")");
        }
        Map<String, String> withName = new LinkedHashMap<>(config);
        withName.put(ConnectorConfig.NAME_CONFIG, name);
        ConnectorState existing = connectors.get(name);
        if (existing != null && !allowReplace) {
            throw new AlreadyExistsException("Connector " + name + " already exists");
        }
        ConfigInfos validation = validateConnectorConfig(withName);
        if (validation.errorCount() > 0) {
            throw new BadRequestException(invalidConfigMessage(validation));
        }
        PluginDesc<?> desc = plugins.pluginDesc(withName.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG).trim(),
                PluginType.SOURCE, PluginType.SINK);
        TargetState target = TargetState.STARTED;
        if (existing != null) {
            target = existing.target;
            stopConnectorAndTasks(name, existing);
        }
        ConnectorState state = new ConnectorState(withName, desc.type() == PluginType.SOURCE, target);
        connectors.put(name, state);
        log.info("{} connector {}", existing == null ? "Creating" : "Reconfiguring", name);
        startConnectorAndTasks(name, state);
        return new Created<>(existing == null, connectorInfo(name));
    }

    private void checkOpen() {
        if (closed) {
            throw new ConnectException("The herder is shutting down");
        }
    }

    private void startConnectorAndTasks(String name, ConnectorState state) {
        connectorStatuses.put(name, new Status(Status.State.UNASSIGNED, null, worker.workerId()));
        if (state.target == TargetState.STOPPED) {
            state.taskConfigs = List.of();
            listener.onConnectorState(name, Status.State.STOPPED, null);
            return;
        }
        boolean running = worker.startConnector(name, state.config, state.target, listener,
                () -> requests.execute(() -> reconfigureTasks(name)));
        if (!running) {
            state.taskConfigs = List.of();
            return;
        }
        try {
            state.taskConfigs = worker.connectorTaskConfigs(name, state.tasksMax());
        } catch (ConnectException e) {
            log.error("Connector {} failed to produce task configurations", name, e);
            listener.onConnectorState(name, Status.State.FAILED, e.getCause() != null ? e.getCause() : e);
            state.taskConfigs = List.of();
            return;
        }
        startTasks(name, state);
    }

    private void startTasks(String name, ConnectorState state) {
        for (int i = 0; i < state.taskConfigs.size(); i++) {
            startTask(new ConnectorTaskId(name, i), state);
        }
    }

    private void startTask(ConnectorTaskId id, ConnectorState state) {
        taskStatuses.put(id, new Status(Status.State.UNASSIGNED, null, worker.workerId()));
        worker.startTask(id, state.config, state.taskConfigs.get(id.task()), state.target, listener);
    }

    private void stopConnectorAndTasks(String name, ConnectorState state) {
        worker.stopAndAwaitTasks(worker.taskIds(name));
        worker.stopConnector(name);
        taskStatuses.keySet().removeIf(id -> id.connector().equals(name)
                && id.task() >= state.taskConfigs.size());
    }

    private synchronized void reconfigureTasks(String name) {
        ConnectorState state = connectors.get(name);
        if (state == null || closed || state.target == TargetState.STOPPED) {
            return;
        }
        try {
            List<Map<String, String>> configs = worker.connectorTaskConfigs(name, state.tasksMax());
            if (configs.equals(state.taskConfigs)) {
                return;
            }
            log.info("Connector {} asked for task reconfiguration: restarting its tasks with {} configuration(s)",
                    name, configs.size());
            worker.stopAndAwaitTasks(worker.taskIds(name));
            taskStatuses.keySet().removeIf(id -> id.connector().equals(name));
            state.taskConfigs = configs;
            startTasks(name, state);
        } catch (ConnectException e) {
            log.error("Task reconfiguration of connector {} failed", name, e);
        }
    }

    @Override
    public synchronized void deleteConnector(String name) {
        ConnectorState state = state(name);
        stopConnectorAndTasks(name, state);
        connectors.remove(name);
        connectorStatuses.remove(name);
        taskStatuses.keySet().removeIf(id -> id.connector().equals(name));
        log.info("Deleted connector {}", name);
    }

    @Override
    public synchronized ConnectorStateInfo connectorStatus(String name) {
        ConnectorState state = state(name);
        Status cs = connectorStatuses.getOrDefault(name, new Status(Status.State.UNASSIGNED, null, worker.workerId()));
        List<ConnectorStateInfo.TaskState> tasks = new ArrayList<>();
        for (int i = 0; i < state.taskConfigs.size(); i++) {
            tasks.add(taskState(new ConnectorTaskId(name, i)));
        }
        return new ConnectorStateInfo(name, new ConnectorStateInfo.ConnectorState(cs.state().name(), cs.workerId(),
                cs.trace()), tasks, type(state));
    }

    private ConnectorStateInfo.TaskState taskState(ConnectorTaskId id) {
        Status ts = taskStatuses.getOrDefault(id, new Status(Status.State.UNASSIGNED, null, worker.workerId()));
        return new ConnectorStateInfo.TaskState(id.task(), ts.state().name(), ts.workerId(), ts.trace());
    }

    @Override
    public synchronized ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        ConnectorState state = state(id.connector());
        if (id.task() < 0 || id.task() >= state.taskConfigs.size()) {
            throw new NotFoundException("Task " + id + " not found");
        }
        return taskState(id);
    }

    @Override
    public synchronized List<TaskInfo> taskConfigs(String name) {
        ConnectorState state = state(name);
        List<TaskInfo> result = new ArrayList<>();
        for (int i = 0; i < state.taskConfigs.size(); i++) {
            result.add(new TaskInfo(new ConnectorTaskId(name, i), state.taskConfigs.get(i)));
        }
        return result;
    }

    @Override
    public synchronized ConnectorStateInfo restartConnector(String name, boolean includeTasks, boolean onlyFailed) {
        checkOpen();
        ConnectorState state = state(name);
        ConnectorStateInfo before = connectorStatus(name);
        boolean restartConnector = !onlyFailed || before.connector().state().equals(Status.State.FAILED.name());
        Set<Integer> restartTasks = new HashSet<>();
        if (includeTasks) {
            for (ConnectorStateInfo.TaskState t : before.tasks()) {
                if (!onlyFailed || t.state().equals(Status.State.FAILED.name())) {
                    restartTasks.add(t.id());
                }
            }
        }
        String restarting = Status.State.RESTARTING.name();
        List<ConnectorStateInfo.TaskState> plannedTasks = new ArrayList<>();
        for (ConnectorStateInfo.TaskState t : before.tasks()) {
            plannedTasks.add(restartTasks.contains(t.id())
                    ? new ConnectorStateInfo.TaskState(t.id(), restarting, t.workerId(), null) : t);
        }
        ConnectorStateInfo planned = new ConnectorStateInfo(name, restartConnector
                ? new ConnectorStateInfo.ConnectorState(restarting, before.connector().workerId(), null)
                : before.connector(), plannedTasks, before.type());
        if (state.target == TargetState.STOPPED) {
            log.info("Connector {} is stopped; nothing to restart (resume it instead)", name);
            return before;
        }
        if (restartConnector) {
            log.info("Restarting connector {}", name);
            List<ConnectorTaskId> toStop = new ArrayList<>();
            for (Integer task : restartTasks) {
                toStop.add(new ConnectorTaskId(name, task));
            }
            worker.stopAndAwaitTasks(toStop);
            worker.stopConnector(name);
            connectorStatuses.put(name, new Status(Status.State.RESTARTING, null, worker.workerId()));
            boolean running = worker.startConnector(name, state.config, state.target, listener,
                    () -> requests.execute(() -> reconfigureTasks(name)));
            if (running) {
                List<Map<String, String>> configs;
                try {
                    configs = worker.connectorTaskConfigs(name, state.tasksMax());
                } catch (ConnectException e) {
                    listener.onConnectorState(name, Status.State.FAILED, e.getCause() != null ? e.getCause() : e);
                    return planned;
                }
                if (!configs.equals(state.taskConfigs)) {
                    worker.stopAndAwaitTasks(worker.taskIds(name));
                    taskStatuses.keySet().removeIf(id -> id.connector().equals(name));
                    state.taskConfigs = configs;
                    startTasks(name, state);
                    return planned;
                }
                for (int i = 0; i < state.taskConfigs.size(); i++) {
                    ConnectorTaskId id = new ConnectorTaskId(name, i);
                    if (restartTasks.contains(i) || worker.task(id) == null) {
                        startTask(id, state);
                    }
                }
            }
            return planned;
        }
        for (Integer task : restartTasks) {
            restartTask(new ConnectorTaskId(name, task));
        }
        return planned;
    }

    @Override
    public synchronized void restartTask(ConnectorTaskId id) {
        checkOpen();
        ConnectorState state = state(id.connector());
        if (id.task() < 0 || id.task() >= state.taskConfigs.size()) {
            throw new NotFoundException("Task " + id + " not found");
        }
        log.info("Restarting task {}", id);
        worker.stopAndAwaitTasks(List.of(id));
        taskStatuses.put(id, new Status(Status.State.RESTARTING, null, worker.workerId()));
        startTask(id, state);
    }

    @Override
    public synchronized void pauseConnector(String name) {
        ConnectorState state = state(name);
        if (state.target == TargetState.STOPPED) {
            throw new BadRequestException("Connector " + name + " is stopped; resume it before pausing it");
        }
        state.target = TargetState.PAUSED;
        worker.setTargetState(name, TargetState.PAUSED);
        connectorStatuses.computeIfPresent(name, (k, s) -> s.state() == Status.State.RUNNING
                ? new Status(Status.State.PAUSED, null, s.workerId()) : s);
        log.info("Paused connector {}", name);
    }

    @Override
    public synchronized void resumeConnector(String name) {
        checkOpen();
        ConnectorState state = state(name);
        TargetState previous = state.target;
        state.target = TargetState.STARTED;
        if (previous == TargetState.STOPPED) {
            startConnectorAndTasks(name, state);
        } else {
            worker.setTargetState(name, TargetState.STARTED);
            connectorStatuses.computeIfPresent(name, (k, s) -> s.state() == Status.State.PAUSED
                    ? new Status(Status.State.RUNNING, null, s.workerId()) : s);
        }
        log.info("Resumed connector {}", name);
    }

    @Override
    public synchronized void stopConnector(String name) {
        ConnectorState state = state(name);
        state.target = TargetState.STOPPED;
        stopConnectorAndTasks(name, state);
        state.taskConfigs = List.of();
        taskStatuses.keySet().removeIf(id -> id.connector().equals(name));
        listener.onConnectorState(name, Status.State.STOPPED, null);
        log.info("Stopped connector {}", name);
    }

    @Override
    public ConnectorOffsets connectorOffsets(String name) {
        boolean source;
        synchronized (this) {
            source = state(name).source;
        }
        List<ConnectorOffsets.ConnectorOffset> result = new ArrayList<>();
        try {
            if (source) {
                Map<ByteBuffer, ByteBuffer> all = worker.offsetStore().getAll().get(30, TimeUnit.SECONDS);
                for (Map.Entry<ByteBuffer, ByteBuffer> e : all.entrySet()) {
                    Map.Entry<String, Map<String, Object>> key = OffsetUtils.readKey(e.getKey());
                    if (key != null && key.getKey().equals(name) && e.getValue() != null) {
                        result.add(new ConnectorOffsets.ConnectorOffset(key.getValue(),
                                OffsetUtils.readValue(e.getValue())));
                    }
                }
                result.sort(Comparator.comparing(o -> String.valueOf(o.partition())));
            } else {
                Map<TopicPartition, OffsetAndMetadata> offsets = worker.admin()
                        .listConsumerGroupOffsets(WorkerSinkTask.consumerGroup(name)).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                new TreeMap<>(toStringKeys(offsets)).values().forEach(result::add);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof io.runnel.common.errors.GroupIdNotFoundException) {
                return new ConnectorOffsets(List.of());
            }
            throw new ConnectException("Could not read the offsets of connector " + name + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the offsets of connector " + name, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ConnectException("Timed out reading the offsets of connector " + name, e);
        }
        return new ConnectorOffsets(result);
    }

    private static Map<String, ConnectorOffsets.ConnectorOffset> toStringKeys(
            Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<String, ConnectorOffsets.ConnectorOffset> result = new HashMap<>();
        offsets.forEach((tp, om) -> {
            if (om == null) {
                return;
            }
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("kafka_topic", tp.topic());
            partition.put("kafka_partition", tp.partition());
            result.put(tp.topic() + String.format("%010d", tp.partition()), new ConnectorOffsets.ConnectorOffset(
                    partition, Map.of("kafka_offset", om.offset())));
        });
        return result;
    }

    /** Stops every connector and task (sharing one graceful deadline), then the worker. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        requests.shutdownNow();
        log.info("Stopping the standalone herder: {} connector(s)", connectors.size());
        worker.close();
    }

    /** Records states; never blocks and never takes the herder's lock. */
    private final class Listener implements StatusListener {
        @Override
        public void onConnectorState(String connector, Status.State state, Throwable error) {
            connectorStatuses.put(connector, Status.of(state, error, worker.workerId()));
        }

        @Override
        public void onTaskState(ConnectorTaskId task, Status.State state, Throwable error) {
            taskStatuses.put(task, Status.of(state, error, worker.workerId()));
        }
    }
}
