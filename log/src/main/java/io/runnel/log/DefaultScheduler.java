package io.runnel.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} on a {@link ScheduledThreadPoolExecutor} with daemon threads named
 * {@code <prefix>-<n>} (Kafka's {@code KafkaScheduler}). Uses the system clock. Thread-safe.
 */
public final class DefaultScheduler implements Scheduler {

    private static final Logger log = LoggerFactory.getLogger(DefaultScheduler.class);

    private final int threads;
    private final String threadNamePrefix;
    private ScheduledThreadPoolExecutor executor;

    /**
     * @param threads          the number of threads
     * @param threadNamePrefix thread name prefix, such as {@code runnel-log-scheduler}
     */
    public DefaultScheduler(int threads, String threadNamePrefix) {
        this.threads = threads;
        this.threadNamePrefix = threadNamePrefix;
    }

    @Override
    public synchronized void startup() {
        if (executor != null) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, threadNamePrefix + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public synchronized Task schedule(String name, Runnable task, long delayMs, long periodMs) {
        if (executor == null || executor.isShutdown()) {
            throw new IllegalStateException("Scheduler " + threadNamePrefix + " is not running; cannot schedule " + name);
        }
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (Throwable t) {
                log.error("Background task '{}' failed", name, t);
            }
        };
        ScheduledFuture<?> f = periodMs > 0
                ? executor.scheduleAtFixedRate(guarded, delayMs, periodMs, TimeUnit.MILLISECONDS)
                : executor.schedule(guarded, delayMs, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void shutdown() {
        ScheduledThreadPoolExecutor e;
        synchronized (this) {
            e = executor;
        }
        if (e == null) {
            return;
        }
        e.shutdown();
        try {
            if (!e.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Scheduler {} did not finish its running tasks within 30 s", threadNamePrefix);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
