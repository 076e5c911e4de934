package io.runnel.connect.runtime;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.common.serialization.ByteArraySerializer;
import io.runnel.common.utils.Time;
import io.runnel.connect.connector.Connector;
import io.runnel.connect.connector.Task;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.errors.DeadLetterQueueReporter;
import io.runnel.connect.runtime.errors.ErrorHandlingConfig;
import io.runnel.connect.runtime.errors.ErrorReporter;
import io.runnel.connect.runtime.errors.LogReporter;
import io.runnel.connect.runtime.errors.RetryWithToleranceOperator;
import io.runnel.connect.runtime.errors.WorkerDeadLetterQueueProducer;
import io.runnel.connect.runtime.isolation.PluginDesc;
import io.runnel.connect.runtime.isolation.PluginType;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.runtime.storage.OffsetBackingStore;
import io.runnel.connect.runtime.storage.OffsetStorageReaderImpl;
import io.runnel.connect.runtime.storage.OffsetStorageWriter;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Connect worker: creates connector instances and tasks with their converters, transformations, error
 * handling and clients, and runs each on a thread of its own, as Kafka Connect's {@code Worker}.
 *
 * <h2>Design</h2>
 * The worker knows nothing of configuration storage or of which connectors should run: a {@code Herder} decides
 * and calls {@link #startConnector}, {@link #connectorTaskConfigs}, {@link #startTask}, {@link #setTargetState}
 * and the stop methods. The worker owns what runs: connector instances ({@link WorkerConnector}, each on its
 * {@code connector-thread-<name>}) and tasks ({@link WorkerSourceTask}, {@link WorkerSinkTask}, each on its
 * {@code task-thread-<connector>-<n>}). Everything a task needs is built before its thread starts, under the
 * connector plugin's class loader: a failure there (bad converter settings, an unknown transformation) reports the
 * task FAILED without starting a thread.
 *
 * <p>Clients: each source task has its own producer ({@code connector-producer-<task>}), each sink task its own
 * consumer in the group {@code connect-<connector>} ({@code connector-consumer-<task>}), each task with a
 * dead-letter queue its own producer and admin client for it. All use the worker's {@code bootstrap.servers}
 * plus the worker's {@code producer.*}, {@code consumer.*} and {@code admin.*} settings, as in Kafka Connect. A
 * source producer uses {@code acks=all}; a sink consumer commits only what the worker commits ({@code
 * enable.auto.commit=false}) and starts from the earliest offset when its group has none.
 *
 * <p>Stopping tasks shares one deadline, {@code task.shutdown.graceful.timeout.ms}, across all tasks stopped
 * together; a task still running after it is cancelled (see {@link WorkerTask#cancel()}).
 *
 * <p>Thread-safe.
 */
public final class Worker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    /** The task setting the herder adds to every task configuration: the task's class name (Kafka's). */
    public static final String TASK_CLASS_CONFIG = "task.class";

    private final String workerId;
    private final Time time;
    private final Plugins plugins;
    private final WorkerConfig config;
    private final OffsetBackingStore offsetStore;
    private final ExecutorService executor;
    private final Map<String, WorkerConnector> connectors = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, WorkerTask> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger threadIds = new AtomicInteger();
    private volatile Admin admin;

    /**
     * @param workerId    this worker's id ({@code host:port} of its REST listener)
     * @param time        the clock of every interval and timeout
     * @param plugins     the plugins
     * @param config      the worker's configuration
     * @param offsetStore where source offsets are stored; started by the caller
     */
    public Worker(String workerId, Time time, Plugins plugins, WorkerConfig config, OffsetBackingStore offsetStore) {
        this.workerId = workerId;
        this.time = time;
        this.plugins = plugins;
        this.config = config;
        this.offsetStore = offsetStore;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "connect-worker-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return this worker's id */
    public String workerId() {
        return workerId;
    }

    /** @return the plugins */
    public Plugins plugins() {
        return plugins;
    }

    /** @return the worker's configuration */
    public WorkerConfig config() {
        return config;
    }

    /** @return the clock */
    public Time time() {
        return time;
    }

    /** @return the source offsets store */
    public OffsetBackingStore offsetStore() {
        return offsetStore;
    }

    // ---- connectors -------------------------------------------------------------------------------------------

    /**
     * Creates and starts a connector instance on its own thread (waiting at most {@code
     * task.shutdown.graceful.timeout.ms} for {@code start}).
     *
     * @param name           the connector's name
     * @param connectorProps its configuration (validated)
     * @param target         its target state; STOPPED only reports the state
     * @param listener       where its state changes go
     * @param onReconfigure  called (from the connector's thread) when it asks for task reconfiguration
     * @return whether it is running (false: stopped, or failed and reported FAILED)
     */
    public boolean startConnector(String name, Map<String, String> connectorProps, TargetState target,
                                  StatusListener listener, Runnable onReconfigure) {
        if (connectors.containsKey(name)) {
            throw new ConnectException("Connector " + name + " is already running on this worker");
        }
        if (target == TargetState.STOPPED) {
            listener.onConnectorState(name, Status.State.STOPPED, null);
            return false;
        }
        PluginDesc<?> desc;
        Connector connector;
        try {
            desc = plugins.pluginDesc(connectorProps.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG), PluginType.SOURCE,
                    PluginType.SINK);
            connector = plugins.newPlugin(desc, Connector.class);
        } catch (RuntimeException e) {
            log.error("Could not create connector {}", name, e);
            listener.onConnectorState(name, Status.State.FAILED, e);
            return false;
        }
        OffsetStorageReaderImpl reader = desc.type() == PluginType.SOURCE
                ? new OffsetStorageReaderImpl(offsetStore, name) : null;
        WorkerConnector wc = new WorkerConnector(name, connector, desc.loader(), listener, reader, onReconfigure);
        connectors.put(name, wc);
        log.info("Starting connector {} ({})", name, desc.className());
        return wc.start(connectorProps, target, config.taskShutdownGracefulTimeoutMs());
    }

    /**
     * Asks a running connector for its task configurations and adds {@value #TASK_CLASS_CONFIG} to each.
     *
     * @param name     the connector
     * @param tasksMax {@code tasks.max}
     * @return one configuration per task
     * @throws ConnectException if the connector is not running or failed to answer
     */
    public List<Map<String, String>> connectorTaskConfigs(String name, int tasksMax) {
        WorkerConnector wc = connectors.get(name);
        if (wc == null || !wc.running()) {
            throw new ConnectException("Connector " + name + " is not running on this worker");
        }
        List<Map<String, String>> result = new ArrayList<>();
        String taskClass = wc.connector().taskClass().getName();
        for (Map<String, String> c : wc.taskConfigs(tasksMax, config.taskShutdownGracefulTimeoutMs())) {
            Map<String, String> withClass = new HashMap<>(c);
            withClass.put(TASK_CLASS_CONFIG, taskClass);
            result.add(Map.copyOf(withClass));
        }
        return result;
    }

    /**
     * Stops a connector instance (not its tasks) and forgets it. Does nothing if it is not running here.
     *
     * @param name the connector
     */
    public void stopConnector(String name) {
        WorkerConnector wc = connectors.remove(name);
        if (wc != null) {
            log.info("Stopping connector {}", name);
            wc.stop(config.taskShutdownGracefulTimeoutMs());
        }
    }

    /**
     * @param name a connector
     * @return whether an instance of it exists on this worker (running, or failed and not yet stopped)
     */
    public boolean hasConnector(String name) {
        return connectors.containsKey(name);
    }

    /**
     * @param name a connector
     * @return whether it is a source connector, or null when it is not on this worker
     */
    public Boolean isSourceConnector(String name) {
        WorkerConnector wc = connectors.get(name);
        return wc == null ? null : wc.isSource();
    }

    // ---- tasks ------------------------------------------------------------------------------------------------

    /**
     * Builds a task and starts it on its own thread. A failure while building (unknown class, bad converter
     * settings...) reports the task FAILED and returns false.
     *
     * @param id             the task
     * @param connectorProps the connector's configuration
     * @param taskProps      the task's configuration (with {@value #TASK_CLASS_CONFIG})
     * @param target         the connector's target state (STARTED or PAUSED)
     * @param listener       where the task's state changes go
     * @return whether the task's thread was started
     */
    public boolean startTask(ConnectorTaskId id, Map<String, String> connectorProps, Map<String, String> taskProps,
                             TargetState target, StatusListener listener) {
        if (tasks.containsKey(id)) {
            throw new ConnectException("Task " + id + " is already running on this worker");
        }
        WorkerTask task;
        try {
            task = buildTask(id, connectorProps, taskProps, target, listener);
        } catch (RuntimeException e) {
            log.error("Could not create task {}", id, e);
            listener.onTaskState(id, Status.State.FAILED, e);
            return false;
        }
        tasks.put(id, task);
        executor.execute(task);
        return true;
    }

    /**
     * Builds a task without starting a thread (the test driver runs its steps itself).
     *
     * @param id             the task
     * @param connectorProps the connector's configuration
     * @param taskProps      the task's configuration (with {@value #TASK_CLASS_CONFIG})
     * @param target         the connector's target state
     * @param listener       where the task's state changes go
     * @return the task, ready to run
     * @throws RuntimeException when something cannot be created or configured
     */
    public WorkerTask buildTask(ConnectorTaskId id, Map<String, String> connectorProps,
                                Map<String, String> taskProps, TargetState target, StatusListener listener) {
        PluginDesc<?> desc = plugins.pluginDesc(connectorProps.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG),
                PluginType.SOURCE, PluginType.SINK);
        ClassLoader loader = desc.loader();
        return Plugins.withClassLoader(loader, () -> {
            boolean source = desc.type() == PluginType.SOURCE;
            ConnectorConfig cc = source ? new SourceConnectorConfig(plugins, connectorProps)
                    : new SinkConnectorConfig(plugins, connectorProps);
            String taskClassName = taskProps.get(TASK_CLASS_CONFIG);
            if (taskClassName == null) {
                throw new ConnectException("Task configuration of " + id + " has no " + TASK_CLASS_CONFIG);
            }
            Class<? extends Task> taskClass;
            try {
                taskClass = Class.forName(taskClassName, true, loader).asSubclass(Task.class);
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new ConnectException("Task class " + taskClassName + " of " + id + " cannot be loaded from "
                        + desc.location() + ": " + e, e);
            }
            List<AutoCloseable> created = new ArrayList<>();
            try {
                Task task = plugins.newTask(taskClass);
                ErrorHandlingConfig errors = cc.errorHandlingConfig();
                WorkerDeadLetterQueueProducer dlq = null;
                List<ErrorReporter> reporters = new ArrayList<>();
                reporters.add(new LogReporter(id, errors));
                if (errors.dlqEnabled()) {
                    dlq = new WorkerDeadLetterQueueProducer(errors.dlqTopic(), errors.dlqReplicationFactor(),
                            newProducer("connector-dlq-producer-" + id), newAdmin("connector-dlq-adminclient-" + id));
                    created.add(dlq);
                    reporters.add(new DeadLetterQueueReporter(id, errors, dlq));
                }
                RetryWithToleranceOperator operator = new RetryWithToleranceOperator(errors, time, reporters);
                ConnectorConverters converters = ConnectorConverters.create(plugins, config, cc);
                created.add(converters);
                if (source) {
                    if (!(task instanceof SourceTask sourceTask)) {
                        throw new ConnectException("Task class " + taskClassName + " of source connector "
                                + id.connector() + " is not a SourceTask");
                    }
                    TransformationChain<SourceRecord> chain = new TransformationChain<>(cc.<SourceRecord>transformationStages(),
                            operator);
                    created.add(chain);
                    Producer<byte[], byte[]> producer = newProducer("connector-producer-" + id);
                    created.add(producer);
                    WorkerSourceTask.Parts parts = new WorkerSourceTask.Parts(sourceTask, Map.copyOf(taskProps),
                            converters, chain, producer, new OffsetStorageReaderImpl(offsetStore, id.connector()),
                            new OffsetStorageWriter(offsetStore, id.connector()), dlq, config.offsetFlushIntervalMs(),
                            config.offsetFlushTimeoutMs(), config.taskShutdownGracefulTimeoutMs());
                    return new WorkerSourceTask(id, target, listener, time, operator, loader, parts);
                }
                if (!(task instanceof SinkTask sinkTask)) {
                    throw new ConnectException("Task class " + taskClassName + " of sink connector " + id.connector()
                            + " is not a SinkTask");
                }
                SinkConnectorConfig sc = (SinkConnectorConfig) cc;
                TransformationChain<SinkRecord> chain = new TransformationChain<>(cc.<SinkRecord>transformationStages(),
                        operator);
                created.add(chain);
                Consumer<byte[], byte[]> consumer = newConsumer(id);
                created.add(consumer);
                WorkerSinkTask.Parts parts = new WorkerSinkTask.Parts(sinkTask, Map.copyOf(taskProps), converters,
                        chain, consumer, sc.topics(), sc.topicsRegex(), dlq, config.offsetFlushIntervalMs());
                return new WorkerSinkTask(id, target, listener, time, operator, loader, parts);
            } catch (RuntimeException e) {
                for (AutoCloseable c : created) {
                    try {
                        c.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        });
    }

    /**
     * Stops tasks and waits for them, sharing one {@code task.shutdown.graceful.timeout.ms} deadline; tasks still
     * running then are cancelled.
     *
     * @param ids the tasks (unknown ones are ignored)
     */
    public void stopAndAwaitTasks(Collection<ConnectorTaskId> ids) {
        List<WorkerTask> stopping = new ArrayList<>();
        for (ConnectorTaskId id : ids) {
            WorkerTask task = tasks.get(id);
            if (task != null) {
                log.info("Stopping task {}", id);
                task.stop();
                stopping.add(task);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.taskShutdownGracefulTimeoutMs());
        for (WorkerTask task : stopping) {
            long remainingMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            boolean done;
            try {
                done = task.awaitStop(remainingMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                log.error("Graceful stop of task {} failed: it did not stop within task.shutdown.graceful.timeout.ms"
                        + "={} ms; cancelling it", task.id(), config.taskShutdownGracefulTimeoutMs());
                task.cancel();
            }
            tasks.remove(task.id());
        }
    }

    /**
     * @param connector a connector
     * @return the ids of its tasks running on this worker, sorted
     */
    public Set<ConnectorTaskId> taskIds(String connector) {
        Set<ConnectorTaskId> ids = new TreeSet<>();
        for (ConnectorTaskId id : tasks.keySet()) {
            if (id.connector().equals(connector)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * @param id a task
     * @return the running task, or null
     */
    public WorkerTask task(ConnectorTaskId id) {
        return tasks.get(id);
    }

    /**
     * Pauses or resumes a connector's running tasks.
     *
     * @param connector the connector
     * @param state     STARTED or PAUSED
     */
    public void setTargetState(String connector, TargetState state) {
        for (WorkerTask task : tasks.values()) {
            if (task.id().connector().equals(connector)) {
                task.transitionTo(state);
            }
        }
    }

    // ---- clients ----------------------------------------------------------------------------------------------

    private Map<String, Object> clientProps(String prefix, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", String.join(",", config.getList(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG)));
        props.put("client.id", clientId);
        props.putAll(config.originalsWithPrefix(prefix));
        return props;
    }

    /**
     * @param clientId the client id
     * @return a new producer of bytes with the worker's settings ({@code acks=all} unless {@code producer.acks})
     */
    public Producer<byte[], byte[]> newProducer(String clientId) {
        Map<String, Object> props = clientProps("producer.", clientId);
        props.putIfAbsent("acks", "all");
        return new RunnelProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Consumer<byte[], byte[]> newConsumer(ConnectorTaskId id) {
        Map<String, Object> props = clientProps("consumer.", "connector-consumer-" + id);
        props.put("group.id", WorkerSinkTask.consumerGroup(id.connector()));
        props.put("enable.auto.commit", "false");
        props.putIfAbsent("auto.offset.reset", "earliest");
        return new RunnelConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * @param clientId the client id
     * @return a new admin client with the worker's settings
     */
    public Admin newAdmin(String clientId) {
        return Admin.create(clientProps("admin.", clientId));
    }

    /** @return the worker's shared admin client (created on first use, closed with the worker) */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = newAdmin("connect-worker-adminclient");
        }
        return admin;
    }

    /** Stops every task and connector, then the threads and the shared admin client. */
    @Override
    public void close() {
        List<ConnectorTaskId> ids = new ArrayList<>(tasks.keySet());
        stopAndAwaitTasks(ids);
        for (String name : new ArrayList<>(connectors.keySet())) {
            stopConnector(name);
        }
        executor.shutdownNow();
        synchronized (this) {
            if (admin != null) {
                admin.close();
                admin = null;
            }
        }
    }
}
