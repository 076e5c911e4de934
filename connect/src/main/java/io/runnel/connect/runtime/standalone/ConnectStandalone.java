package io.runnel.connect.runtime.standalone;

import io.runnel.common.config.ConfigException;
import io.runnel.common.utils.Time;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.AbstractHerder;
import io.runnel.connect.runtime.ConnectorConfig;
import io.runnel.connect.runtime.Herder;
import io.runnel.connect.runtime.StandaloneConfig;
import io.runnel.connect.runtime.Worker;
import io.runnel.connect.runtime.WorkerConfig;
import io.runnel.connect.runtime.isolation.Plugins;
import io.runnel.connect.runtime.rest.RestServer;
import io.runnel.connect.runtime.rest.entities.ConfigInfos;
import io.runnel.connect.runtime.rest.errors.BadRequestException;
import io.runnel.connect.runtime.storage.FileOffsetBackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone Connect worker in this process: the worker, the {@link StandaloneHerder} and the REST API, started
 * from a worker configuration and connector configurations, as Kafka Connect's {@code connect-standalone.sh}
 * ({@code runnel connect-standalone worker.properties connector1.properties ...} calls {@link #start(Path, List)}).
 *
 * <pre>{@code
 * try (ConnectStandalone connect = ConnectStandalone.start(Map.of(
 *         "bootstrap.servers", "file:///var/lib/runnel",
 *         "key.converter", "org.apache.kafka.connect.storage.StringConverter",
 *         "value.converter", "org.apache.kafka.connect.json.JsonConverter",
 *         "offset.storage.file.filename", "/var/lib/runnel/connect.offsets",
 *         "listeners", "http://127.0.0.1:0"),
 *     List.of(Map.of("name", "csv-in", "connector.class", "FileStreamSource", "file", "in.csv", "topic", "lines")))) {
 *     connect.herder().connectorStatus("csv-in");   // or GET connect.restUrl() + "connectors/csv-in/status"
 * }
 * }</pre>
 *
 * <p><b>Configuration is checked before anything starts</b>: the worker settings and every connector
 * configuration (framework settings, transformations, the connector's own {@code validate}), and the connector
 * names (present, unique). All problems come back in one {@link ConfigException}, each prefixed with the file (or
 * "worker configuration" / "connector configuration #n") it is in.
 *
 * <p><b>Offsets</b> of source connectors are kept in {@code offset.storage.file.filename}, flushed every {@code
 * offset.flush.interval.ms} and on {@link #close()}: a new start with the same file continues where the last one
 * stopped. <b>Lifecycle</b>: {@link #close()} stops the REST API, then every connector and task within {@code
 * task.shutdown.graceful.timeout.ms} (flushing sink offsets and source offsets), then the offsets file; {@link
 * #awaitStop()} returns once that is done, whichever thread called {@code close()} (a shutdown hook, another
 * component). Thread-safe; {@code close()} is idempotent.
 */
public final class ConnectStandalone implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectStandalone.class);

    private final RestServer rest;
    private final StandaloneHerder herder;
    private final FileOffsetBackingStore offsetStore;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private ConnectStandalone(RestServer rest, StandaloneHerder herder, FileOffsetBackingStore offsetStore) {
        this.rest = rest;
        this.herder = herder;
        this.offsetStore = offsetStore;
    }

    /**
     * Reads a worker properties file and connector properties files and starts the worker, herder and REST API.
     *
     * @param workerProperties    the worker's settings ({@code bootstrap.servers}, converters, {@code
     *                            offset.storage.file.filename}, {@code listeners}...)
     * @param connectorProperties one file per connector ({@code name}, {@code connector.class}, ...)
     * @return the running worker; close it to stop
     * @throws ConfigException naming each file and every bad setting (missing files included) before anything starts
     * @throws IOException     if a file exists but cannot be read
     * @throws ConnectException if the worker cannot start (REST port in use, log directory locked...)
     */
    public static ConnectStandalone start(Path workerProperties, List<Path> connectorProperties) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> worker = load(workerProperties, problems);
        List<Map<String, String>> connectors = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path file : connectorProperties) {
            Map<String, String> props = load(file, problems);
            if (props != null) {
                connectors.add(props);
                labels.add(file.toString());
            }
        }
        if (!problems.isEmpty() || worker == null) {
            throw new ConfigException(problems);
        }
        return start(worker, workerProperties.toString(), connectors, labels);
    }

    /**
     * Starts the worker, herder and REST API from settings in memory (the demo, tests).
     *
     * @param workerProps      the worker's settings
     * @param connectorConfigs one configuration per connector
     * @return the running worker; close it to stop
     * @throws ConfigException naming every bad setting, before anything starts
     * @throws ConnectException if the worker cannot start
     */
    public static ConnectStandalone start(Map<String, String> workerProps, List<Map<String, String>> connectorConfigs) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < connectorConfigs.size(); i++) {
            String name = connectorConfigs.get(i).get(ConnectorConfig.NAME_CONFIG);
            labels.add("connector configuration #" + (i + 1) + (name == null ? "" : " (" + name + ")"));
        }
        return start(workerProps, "worker configuration", connectorConfigs, labels);
    }

    private static Map<String, String> load(Path file, List<String> problems) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            problems.add(file + ": file not found");
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(file + ": not a valid properties file: " + e.getMessage());
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            result.put(key, props.getProperty(key).trim());
        }
        return result;
    }

    private static ConnectStandalone start(Map<String, String> workerProps, String workerLabel,
                                           List<Map<String, String>> connectorConfigs, List<String> labels) {
        List<String> problems = new ArrayList<>();
        StandaloneConfig config = null;
        try {
            config = new StandaloneConfig(workerProps);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(workerLabel + ": " + p));
        }
        Plugins plugins = new Plugins(config == null ? List.of() : config.pluginPath());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < connectorConfigs.size(); i++) {
            checkConnector(plugins, connectorConfigs.get(i), labels.get(i), names, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return launch(config, plugins, connectorConfigs, labels);
    }

    private static void checkConnector(Plugins plugins, Map<String, String> props, String label, Set<String> names,
                                       List<String> problems) {
        String name = props.get(ConnectorConfig.NAME_CONFIG);
        if (name == null || name.isBlank()) {
            problems.add(label + ": name: Missing required configuration \"name\": give the connector a unique name");
        } else if (!names.add(name)) {
            problems.add(label + ": name: connector name '" + name + "' is used by more than one connector");
        }
        try {
            ConfigInfos infos = AbstractHerder.validate(plugins, props);
            for (ConfigInfos.ConfigInfo info : infos.configs()) {
                for (String error : info.value().errors()) {
                    problems.add(label + ": " + info.definition().name() + ": " + error);
                }
            }
        } catch (BadRequestException e) {
            problems.add(label + ": " + ConnectorConfig.CONNECTOR_CLASS_CONFIG + ": " + e.getMessage());
        }
    }

    private static ConnectStandalone launch(StandaloneConfig config, Plugins plugins,
                                            List<Map<String, String>> connectorConfigs, List<String> labels) {
        FileOffsetBackingStore store = new FileOffsetBackingStore(config.offsetStorageFile());
        RestServer rest = null;
        StandaloneHerder herder = null;
        try {
            store.start();
            rest = new RestServer(config.listeners(), config.getString(WorkerConfig.REST_ADVERTISED_HOST_NAME_CONFIG));
            rest.start();
            URI url = rest.url();
            Worker worker = new Worker(url.getHost() + ":" + url.getPort(), Time.SYSTEM, plugins, config, store);
            herder = new StandaloneHerder(worker);
            try {
                // Checks that the log is reachable now, and keeps an embedded log open for the worker's lifetime.
                worker.admin().describeCluster().clusterId().get();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                throw new ConnectException("Cannot reach the log at bootstrap.servers="
                        + config.getList(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + cause, cause);
            }
            rest.herder(herder);
            for (int i = 0; i < connectorConfigs.size(); i++) {
                Map<String, String> props = connectorConfigs.get(i);
                try {
                    herder.putConnectorConfig(props.get(ConnectorConfig.NAME_CONFIG), props, false);
                } catch (BadRequestException e) {
                    throw new ConfigException(labels.get(i) + ": " + e.getMessage());
                }
            }
            log.info("Runnel Connect standalone worker started: REST API at {}, {} connector(s)", url,
                    connectorConfigs.size());
            return new ConnectStandalone(rest, herder, store);
        } catch (RuntimeException e) {
            if (rest != null) {
                rest.close();
            }
            if (herder != null) {
                herder.close();
            }
            store.stop();
            throw e;
        }
    }

    /** @return the herder: create, inspect, pause, restart connectors in process */
    public Herder herder() {
        return herder;
    }

    /** @return the REST API's bound address, for example {@code http://127.0.0.1:41234/} */
    public URI restUrl() {
        return rest.url();
    }

    /**
     * Waits until the worker has stopped ({@link #close()} called and finished, from any thread).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the REST API, every connector and task (gracefully), flushes offsets; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        log.info("Stopping the Runnel Connect standalone worker");
        try {
            rest.close();
            herder.close();
            offsetStore.stop();
        } finally {
            stopped.countDown();
            log.info("Runnel Connect standalone worker stopped");
        }
    }
}
