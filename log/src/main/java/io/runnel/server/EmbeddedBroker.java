package io.runnel.server;

import io.runnel.common.Node;
import io.runnel.common.Uuid;
import io.runnel.common.config.ConfigException;
import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.utils.MockTime;
import io.runnel.common.utils.Time;
import io.runnel.coordinator.group.GroupCoordinator;
import io.runnel.log.DefaultScheduler;
import io.runnel.log.LogManager;
import io.runnel.log.LogManagerConfig;
import io.runnel.log.MockScheduler;
import io.runnel.log.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/*
 * Design notes for maintainers.
 *
 * One EmbeddedBroker per log directory per JVM, shared by every EmbeddedLog handle and every in-process client
 * of that directory and reference-counted: acquire() opens it on the first reference (or checks the new opener's
 * settings against the open one), release() closes it with the last. The registry is keyed by the directory's
 * real path and guarded by the class monitor; opening and closing happen under it, so two threads opening the
 * same directory at once get the same broker.
 *
 * Settings: the first opener's settings win. A later opener that gives a setting with a different value gets a
 * ConfigException naming each conflict; settings it does not give are not compared. A later opener asking for a
 * different clock (EmbeddedLog.open with a Time) is refused the same way; clients never ask for one, they adopt
 * the broker's.
 *
 * Threads: the LogManager's background work runs on "runnel-log-scheduler", request timers (fetch expiry, group
 * timeouts) on "runnel-request-timer", so a long compaction pass never delays a heartbeat expiry. With a MockTime
 * one MockScheduler serves both and everything time-based is driven by advancing the mock clock.
 */
final class EmbeddedBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final Map<Path, EmbeddedBroker> OPEN = new HashMap<>();

    static final String META_PROPERTIES = "meta.properties";

    final Path dir;
    final BrokerConfig config;
    final Map<String, Object> given;
    final Time time;
    final LogManager logs;
    final GroupCoordinator coordinator;
    final RequestHandler handler;
    final Node node;
    final String clusterId;
    private final Scheduler logScheduler;
    private final Scheduler requestScheduler;
    private int references;

    private EmbeddedBroker(Path dir, Map<String, ?> settings, Time time) {
        this.dir = dir;
        this.time = time;
        this.given = new HashMap<>(settings);
        Map<String, Object> props = new HashMap<>(settings);
        props.put(LogManagerConfig.LOG_DIR_CONFIG, dir.toString());
        props.remove(LogManagerConfig.LOG_DIRS_CONFIG);
        this.config = new BrokerConfig(props);
        if (time instanceof MockTime) {
            MockScheduler mock = new MockScheduler(time);
            this.logScheduler = mock;
            this.requestScheduler = mock;
        } else {
            this.logScheduler = new DefaultScheduler(1, "runnel-log-scheduler");
            this.requestScheduler = new DefaultScheduler(1, "runnel-request-timer");
        }
        logScheduler.startup();
        requestScheduler.startup();
        LogManager opened = null;
        GroupCoordinator coord = null;
        try {
            opened = LogManager.open(config.logManagerConfig(), time, logScheduler);
            this.clusterId = readOrCreateMeta(dir, config.nodeId());
            this.node = new Node(config.nodeId(), "file://" + dir, -1);
            ProducerIdManager pids = new ProducerIdManager(dir);
            coord = new GroupCoordinator(opened, config.groupCoordinatorConfig(), time, requestScheduler);
            coord.startup();
            this.logs = opened;
            this.coordinator = coord;
            this.handler = new RequestHandler(config, opened, coord, pids, requestScheduler, time, node, clusterId);
        } catch (RuntimeException e) {
            if (coord != null) {
                coord.close();
            }
            if (opened != null) {
                opened.close();
            }
            requestScheduler.shutdown();
            logScheduler.shutdown();
            throw e;
        }
        log.info("Opened the embedded log in {} (cluster id {})", dir, clusterId);
    }

    static EmbeddedBroker acquire(Path directory, Map<String, ?> settings, Time time, String opener) {
        Objects.requireNonNull(directory, "directory");
        Path key = canonical(directory, settings);
        synchronized (EmbeddedBroker.class) {
            EmbeddedBroker b = OPEN.get(key);
            if (b == null) {
                b = new EmbeddedBroker(key, settings, time == null ? Time.SYSTEM : time);
                OPEN.put(key, b);
            } else {
                b.checkCompatible(settings, time, opener);
            }
            b.references++;
            return b;
        }
    }

    static boolean isOpen(Path directory) {
        synchronized (EmbeddedBroker.class) {
            try {
                return OPEN.containsKey(directory.toRealPath());
            } catch (IOException e) {
                return false;
            }
        }
    }

    void release() {
        synchronized (EmbeddedBroker.class) {
            if (--references > 0) {
                return;
            }
            OPEN.remove(dir);
            shutdown();
        }
    }

    private void shutdown() {
        RuntimeException failure = null;
        try {
            coordinator.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        requestScheduler.shutdown();
        try {
            logs.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        logScheduler.shutdown();
        log.info("Closed the embedded log in {}", dir);
        if (failure != null) {
            throw failure;
        }
    }

    private void checkCompatible(Map<String, ?> settings, Time requestedTime, String opener) {
        if (requestedTime != null && requestedTime != time) {
            throw new IllegalStateException("The embedded log in " + dir + " is already open in this JVM with another "
                    + "clock (" + time.getClass().getSimpleName() + "); " + opener + " asked for "
                    + requestedTime.getClass().getSimpleName() + ". Open it with the same Time, or close it first.");
        }
        if (settings.isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>(settings);
        props.put(LogManagerConfig.LOG_DIR_CONFIG, dir.toString());
        props.remove(LogManagerConfig.LOG_DIRS_CONFIG);
        BrokerConfig wanted = new BrokerConfig(props);
        List<String> conflicts = new ArrayList<>();
        for (String k : settings.keySet()) {
            if (k.equals(LogManagerConfig.LOG_DIR_CONFIG) || k.equals(LogManagerConfig.LOG_DIRS_CONFIG)) {
                continue;
            }
            Object mine = config.values().containsKey(k) ? config.values().get(k) : given.get(k);
            Object theirs = wanted.values().containsKey(k) ? wanted.values().get(k) : settings.get(k);
            if (!Objects.equals(String.valueOf(mine), String.valueOf(theirs))) {
                conflicts.add(k + "=" + theirs + " (open with " + k + "=" + mine + ")");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConfigException("The embedded log in " + dir + " is already open in this JVM and the first "
                    + "opener's broker settings win; " + opener + " gives conflicting settings: "
                    + String.join(", ", conflicts) + ". Give the same values, or none.");
        }
    }

    private static Path canonical(Path directory, Map<String, ?> settings) {
        Object logDir = settings.get(LogManagerConfig.LOG_DIR_CONFIG);
        try {
            Files.createDirectories(directory);
            Path real = directory.toRealPath();
            if (logDir != null && !Path.of(String.valueOf(logDir)).toAbsolutePath().normalize()
                    .equals(directory.toAbsolutePath().normalize()) && !Path.of(String.valueOf(logDir)).equals(real)) {
                throw new ConfigException("log.dir=" + logDir + " conflicts with the embedded log's directory " + directory
                        + ": give the directory once (in bootstrap.servers or EmbeddedLog.open)");
            }
            return real;
        } catch (IOException e) {
            throw new RunnelStorageException("Could not create the embedded log directory " + directory + ": " + e, e);
        }
    }

    private static String readOrCreateMeta(Path dir, int nodeId) {
        Path file = dir.resolve(META_PROPERTIES);
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                String stored = p.getProperty("node.id");
                if (stored != null && Integer.parseInt(stored.trim()) != nodeId) {
                    throw new ConfigException("node.id=" + nodeId + " does not match the node id " + stored
                            + " stored in " + file + ": use node.id=" + stored);
                }
                String id = p.getProperty("cluster.id");
                if (id != null && !id.isBlank()) {
                    return id.trim();
                }
            }
            String id = Uuid.randomUuid().toString();
            p.setProperty("version", "1");
            p.setProperty("cluster.id", id);
            p.setProperty("node.id", Integer.toString(nodeId));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "Written by Runnel's embedded log (Kafka's meta.properties layout)");
            }
            return id;
        } catch (IOException | NumberFormatException e) {
            throw new RunnelStorageException("Could not read or write " + file + ": " + e, e);
        }
    }
}
