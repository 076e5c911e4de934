package io.runnel.log;

/**
 * Runs the log's background work (retention, compaction, flushes, checkpoints, delayed file deletion), so
 * tests can inject {@link MockScheduler} and drive it with a {@code MockTime}. Kafka's
 * {@code org.apache.kafka.server.util.Scheduler}.
 *
 * <p>Implementations are thread-safe. A task that throws is logged and, if periodic, runs again at its next time.
 */
public interface Scheduler {

    /** A scheduled task's handle. */
    interface Task {
        /** Stops future runs (a run in progress finishes). */
        void cancel();
    }

    /** Starts the scheduler (idempotent). */
    void startup();

    /**
     * @param name     a name for logs and thread names
     * @param task     the work
     * @param delayMs  ms until the first run
     * @param periodMs ms between runs, or {@code <= 0} to run once
     * @return a handle to cancel it
     * @throws IllegalStateException if the scheduler is shut down
     */
    Task schedule(String name, Runnable task, long delayMs, long periodMs);

    /** Stops running tasks; waits for running ones to finish. Idempotent. */
    void shutdown();
}
