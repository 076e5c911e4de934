package io.runnel.connect.runtime;

import io.runnel.connect.connector.Connector;
import io.runnel.connect.connector.ConnectorContext;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.storage.OffsetStorageReaderImpl;
import io.runnel.connect.sink.SinkConnectorContext;
import io.runnel.connect.source.SourceConnector;
import io.runnel.connect.source.SourceConnectorContext;
import io.runnel.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running connector instance, with a thread of its own ({@code connector-thread-<name>}) on which every call
 * into the connector runs: {@code initialize}, {@code start}, {@code taskConfigs}, {@code stop}. The caller (the
 * herder) waits for each call at most the given time, so a connector that hangs in {@code start} cannot hang the
 * herder; its thread is abandoned (interrupted) when it does not stop in time.
 *
 * <p>Failures of {@code start} and errors raised by the connector through {@link ConnectorContext#raiseError}
 * report {@code FAILED} with the trace. Thread-safe.
 */
final class WorkerConnector {

    private static final Logger log = LoggerFactory.getLogger(WorkerConnector.class);

    private final String name;
    private final Connector connector;
    private final ClassLoader loader;
    private final StatusListener listener;
    private final OffsetStorageReaderImpl offsetReader;
    private final Runnable onReconfigurationRequest;
    private final ExecutorService thread;
    private volatile boolean failed;
    private volatile boolean running;

    WorkerConnector(String name, Connector connector, ClassLoader loader, StatusListener listener,
                    OffsetStorageReaderImpl offsetReader, Runnable onReconfigurationRequest) {
        this.name = name;
        this.connector = connector;
        this.loader = loader;
        this.listener = listener;
        this.offsetReader = offsetReader;
        this.onReconfigurationRequest = onReconfigurationRequest;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "connector-thread-" + name);
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
    }

    /** @return whether it is a source connector */
    boolean isSource() {
        return connector instanceof SourceConnector;
    }

    /** @return the connector instance */
    Connector connector() {
        return connector;
    }

    /** @return whether the connector failed (in start or by raising an error) */
    boolean failed() {
        return failed;
    }

    /** @return whether the connector is started */
    boolean running() {
        return running;
    }

    /**
     * Initializes and starts the connector; reports RUNNING, PAUSED or STOPPED for the target state, or FAILED.
     *
     * @param config    the connector's configuration
     * @param target    its target state
     * @param timeoutMs how long to wait, ms
     * @return whether it started
     */
    boolean start(Map<String, String> config, TargetState target, long timeoutMs) {
        if (target == TargetState.STOPPED) {
            listener.onConnectorState(name, Status.State.STOPPED, null);
            return false;
        }
        try {
            call(() -> {
                connector.initialize(context());
                connector.start(config);
                return null;
            }, timeoutMs, "start");
            running = true;
            if (!failed) {
                listener.onConnectorState(name, target == TargetState.PAUSED ? Status.State.PAUSED
                        : Status.State.RUNNING, null);
            }
            return !failed;
        } catch (ConnectException e) {
            fail(e.getCause() != null ? e.getCause() : e);
            return false;
        }
    }

    /**
     * @param maxTasks  {@code tasks.max}
     * @param timeoutMs how long to wait, ms
     * @return the task configurations
     * @throws ConnectException if the connector failed to give them
     */
    List<Map<String, String>> taskConfigs(int maxTasks, long timeoutMs) {
        List<Map<String, String>> configs = call(() -> connector.taskConfigs(maxTasks), timeoutMs, "taskConfigs");
        if (configs == null) {
            throw new ConnectException("Connector " + name + " returned null from taskConfigs(" + maxTasks + ")");
        }
        if (configs.size() > maxTasks) {
            throw new ConnectException("Connector " + name + " returned " + configs.size() + " task configurations, "
                    + "more than tasks.max=" + maxTasks);
        }
        return configs.stream().map(Map::copyOf).toList();
    }

    /**
     * Stops the connector (if started) and its thread.
     *
     * @param timeoutMs how long to wait, ms
     */
    void stop(long timeoutMs) {
        try {
            if (running) {
                running = false;
                call(() -> {
                    connector.stop();
                    return null;
                }, timeoutMs, "stop");
            }
        } catch (ConnectException e) {
            log.warn("Connector {} failed to stop cleanly", name, e.getCause() != null ? e.getCause() : e);
        } finally {
            thread.shutdownNow();
            if (offsetReader != null) {
                offsetReader.close();
            }
        }
    }

    private <T> T call(Callable<T> action, long timeoutMs, String what) {
        try {
            return thread.submit(action).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Connector " + name + " failed in " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            thread.shutdownNow();
            throw new ConnectException("Connector " + name + " did not complete " + what + " within " + timeoutMs
                    + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for connector " + name + " to " + what, e);
        }
    }

    private void fail(Throwable error) {
        failed = true;
        log.error("Connector {} failed; it stays FAILED until it is restarted", name, error);
        listener.onConnectorState(name, Status.State.FAILED, error);
    }

    private ConnectorContext context() {
        if (isSource()) {
            return new SourceContext();
        }
        return new SinkContext();
    }

    private class SinkContext implements SinkConnectorContext {
        @Override
        public void requestTaskReconfiguration() {
            onReconfigurationRequest.run();
        }

        @Override
        public void raiseError(Exception e) {
            fail(e);
        }
    }

    private final class SourceContext extends SinkContext implements SourceConnectorContext {
        @Override
        public OffsetStorageReader offsetStorageReader() {
            return offsetReader;
        }
    }

    @Override
    public String toString() {
        return "WorkerConnector{" + name + ", " + connector.getClass().getName() + ", loader=" + loader + "}";
    }
}
