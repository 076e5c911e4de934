package io.runnel.server;

import io.runnel.clients.RunnelClient;
import io.runnel.common.Node;
import io.runnel.common.config.ConfigException;
import io.runnel.common.utils.Time;
import io.runnel.coordinator.group.GroupCoordinator;
import io.runnel.log.LogManager;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle on the embedded log: a log directory opened in this JVM, with its request handler and group
 * coordinator, that producers, consumers and admin clients reach in-process through
 * {@code bootstrap.servers=file:///path} (or {@link #bootstrapServers()}).
 *
 * <pre>{@code
 * try (EmbeddedLog log = EmbeddedLog.open(Path.of("/tmp/runnel"), Map.of("num.partitions", 3))) {
 *     Map<String, Object> props = Map.of("bootstrap.servers", log.bootstrapServers(), ...);
 *     try (Producer<String, String> producer = new RunnelProducer<>(props)) { ... }
 * }
 * }</pre>
 *
 * <p><b>Sharing.</b> One embedded log exists per directory per JVM, shared by every handle and every client of
 * that directory and reference-counted: each {@code open} and each client takes a reference, each
 * {@link #close()} and each client's close releases one, and the log closes (flushing, checkpointing, releasing
 * the directory lock) with the last. A client may therefore open the log implicitly (its {@code broker.*}
 * settings become the broker settings) or find it already open.
 *
 * <p><b>Settings.</b> Broker settings use Kafka's names ({@link BrokerConfig}). The first opener's settings win;
 * a later opener that gives a setting with a different value fails with a {@link ConfigException} naming the
 * conflict (settings it does not give are not compared).
 *
 * <p><b>Time.</b> {@link #open(Path, Map, Time)} with a {@code MockTime} runs every time-based mechanism of the
 * log, the coordinator and the request timers on the mock clock (a {@code MockScheduler} fires them when the clock
 * is advanced), and clients of the directory adopt that clock: a test drives producers, consumers and the group
 * protocol deterministically by advancing it.
 *
 * <p>A second process opening the same directory fails at once: the log directory is locked
 * ({@link io.runnel.common.errors.RunnelStorageException} naming the holder).
 *
 * <p>Thread-safe.
 */
public final class EmbeddedLog implements AutoCloseable {

    private final EmbeddedBroker broker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedLog(EmbeddedBroker broker) {
        this.broker = broker;
    }

    /**
     * Opens (or joins) the embedded log in a directory with default broker settings and the system clock.
     *
     * @param directory the log directory; created if missing
     * @return a handle; close it when done
     * @throws io.runnel.common.errors.RunnelStorageException if another process holds the directory
     */
    public static EmbeddedLog open(Path directory) {
        return open(directory, Map.of());
    }

    /**
     * Opens (or joins) the embedded log in a directory.
     *
     * @param directory      the log directory; created if missing
     * @param brokerSettings broker settings ({@link BrokerConfig}; Kafka names, strings or typed values)
     * @return a handle; close it when done
     * @throws ConfigException if a setting is invalid, unsupported, or conflicts with the already open log's
     * @throws io.runnel.common.errors.RunnelStorageException if another process holds the directory
     */
    public static EmbeddedLog open(Path directory, Map<String, ?> brokerSettings) {
        return new EmbeddedLog(EmbeddedBroker.acquire(directory, brokerSettings, null, "EmbeddedLog.open"));
    }

    /**
     * Opens (or joins) the embedded log with an injected clock: pass a {@code MockTime} in tests.
     *
     * @param directory      the log directory; created if missing
     * @param brokerSettings broker settings
     * @param time           the clock; with a {@code MockTime}, background work and timers run when it is advanced
     * @return a handle; close it when done
     * @throws ConfigException       as {@link #open(Path, Map)}
     * @throws IllegalStateException if the log is already open in this JVM with another clock
     */
    public static EmbeddedLog open(Path directory, Map<String, ?> brokerSettings, Time time) {
        return new EmbeddedLog(EmbeddedBroker.acquire(directory, brokerSettings, time, "EmbeddedLog.open"));
    }

    /**
     * Takes a reference for a client (used by the clients' transport factory).
     *
     * @param directory      the log directory
     * @param brokerSettings the client's {@code broker.*} settings, prefix removed
     * @param opener         who opens, for messages ("producer producer-1")
     * @return a handle owned by the client
     */
    public static EmbeddedLog openForClient(Path directory, Map<String, ?> brokerSettings, String opener) {
        return new EmbeddedLog(EmbeddedBroker.acquire(directory, brokerSettings, null, opener));
    }

    /**
     * @param directory a log directory
     * @return whether an embedded log is open on it in this JVM
     */
    public static boolean isOpen(Path directory) {
        return EmbeddedBroker.isOpen(directory);
    }

    /**
     * Creates an in-process transport for a client. The transport holds its own reference to the log (released
     * when the transport is closed), so it stays usable after this handle is closed.
     *
     * @param clientId the client's id (appears in member ids and group descriptions)
     * @return the transport
     * @throws IllegalStateException if this handle is closed
     */
    public RunnelClient newClient(String clientId) {
        ensureOpen();
        EmbeddedLog own = new EmbeddedLog(EmbeddedBroker.acquire(broker.dir, Map.of(), null, clientId));
        return new InProcessClient(own, broker.handler, clientId);
    }

    /** @return {@code file://<directory>}: the {@code bootstrap.servers} value that reaches this log */
    public String bootstrapServers() {
        return "file://" + broker.dir;
    }

    /** @return the log directory (its real path) */
    public Path directory() {
        return broker.dir;
    }

    /** @return the clock the log runs on */
    public Time time() {
        return broker.time;
    }

    /** @return the effective broker settings (the first opener's) */
    public BrokerConfig config() {
        return broker.config;
    }

    /** @return the cluster id, stored in {@code meta.properties} */
    public String clusterId() {
        return broker.clusterId;
    }

    /** @return the single node */
    public Node node() {
        return broker.node;
    }

    /** @return the storage engine (for tools and tests; clients go through requests) */
    public LogManager logManager() {
        return broker.logs;
    }

    /** @return the group coordinator */
    public GroupCoordinator groupCoordinator() {
        return broker.coordinator;
    }

    /** @return the request handler (for a future network server, tools and tests) */
    public RequestHandler requestHandler() {
        return broker.handler;
    }

    /** @return whether this handle was closed */
    public boolean isClosed() {
        return closed.get();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This handle on the embedded log in " + broker.dir + " is closed");
        }
    }

    /** Releases this handle's reference; the log closes when no handle or client holds one. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            broker.release();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedLog(" + broker.dir + ")";
    }
}
