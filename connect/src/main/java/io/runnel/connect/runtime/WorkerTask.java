package io.runnel.connect.runtime;

import io.runnel.common.utils.Time;
import io.runnel.connect.runtime.errors.RetryWithToleranceOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One running task: the loop that moves records between a connector's task and the log, on its own thread.
 *
 * <h2>Design (the task lifecycle)</h2>
 * A worker task is created by the {@link Worker} with everything it needs (task instance, converters,
 * transformation chain, error operator, clients) and runs {@link #run()} on a thread of its own:
 * <ol>
 *   <li>{@link #initializeAndStart()} initializes and starts the connector's task; it then reports
 *   {@code RUNNING} (or {@code PAUSED} if the connector is paused);</li>
 *   <li>{@link #iteration()} is called until {@link #stop()}: one poll-convert-transform-deliver step, plus
 *   the periodic offset flush or commit. A subclass checks {@link #isPaused()} in it; the base class reports each
 *   change between {@code RUNNING} and {@code PAUSED} once;</li>
 *   <li>{@link #close(boolean)} ends the task: a graceful stop flushes offsets; a failure does not.</li>
 * </ol>
 * Any exception escaping a step (a failure not tolerated by {@code errors.tolerance}, a bug in the task, a client
 * error) ends the loop and reports {@code FAILED} with the stack trace; the worker and other tasks are not
 * affected. A task stopped normally reports {@code UNASSIGNED}. If a task does not stop within {@code
 * task.shutdown.graceful.timeout.ms}, the worker {@link #cancel() cancels} it: its thread is interrupted and
 * whatever it reports later is ignored, so a stuck task cannot hold up a restart.
 *
 * <p>The steps are separate methods so that the {@code ConnectorTestDriver} can run them one by one on the test's
 * thread, with the same code paths as production and no thread of its own.
 *
 * <p>{@link #stop()}, {@link #cancel()}, {@link #transitionTo} and {@link #awaitStop} may be called from any thread;
 * the steps run on the task's thread.
 */
public abstract class WorkerTask implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WorkerTask.class);

    /** The task's id. */
    protected final ConnectorTaskId id;
    /** Where state changes go. */
    protected final StatusListener listener;
    /** The clock of every timeout and interval. */
    protected final Time time;
    /** The task's error policy. */
    protected final RetryWithToleranceOperator operator;
    /** The connector's plugin class loader (the context loader while the task runs). */
    protected final ClassLoader loader;

    private final CountDownLatch shutdownLatch = new CountDownLatch(1);
    private final Object stateLock = new Object();
    private volatile TargetState targetState;
    private volatile boolean stopping;
    private volatile boolean cancelled;
    private volatile Thread thread;
    private boolean reportedPaused;

    /**
     * @param id           the task's id
     * @param initialState the connector's target state when the task is created
     * @param listener     where state changes go
     * @param time         the clock
     * @param operator     the error policy
     * @param loader       the plugin class loader
     */
    protected WorkerTask(ConnectorTaskId id, TargetState initialState, StatusListener listener, Time time,
                         RetryWithToleranceOperator operator, ClassLoader loader) {
        this.id = id;
        this.targetState = initialState;
        this.listener = listener;
        this.time = time;
        this.operator = operator;
        this.loader = loader;
    }

    /** @return the task's id */
    public ConnectorTaskId id() {
        return id;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        String savedName = thread.getName();
        ClassLoader savedLoader = thread.getContextClassLoader();
        thread.setName("task-thread-" + id);
        thread.setContextClassLoader(loader);
        boolean failed = false;
        try {
            if (!stopping) {
                initializeAndStart();
                reportStarted();
                while (!stopping) {
                    checkTargetState();
                    iteration();
                }
            }
        } catch (Throwable t) {
            if (stopping && isInterruption(t)) {
                log.debug("Task {} interrupted while stopping", id, t);
            } else {
                failed = true;
                if (!cancelled) {
                    log.error("Task {} failed; it stays FAILED until it is restarted", id, t);
                    listener.onTaskState(id, Status.State.FAILED, t);
                }
            }
        } finally {
            try {
                close(!failed && !cancelled);
            } catch (Throwable t) {
                log.error("Task {} failed to close cleanly", id, t);
            }
            if (!failed && !cancelled) {
                listener.onTaskState(id, Status.State.UNASSIGNED, null);
            }
            thread.setContextClassLoader(savedLoader);
            thread.setName(savedName);
            shutdownLatch.countDown();
        }
    }

    private static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof io.runnel.common.errors.InterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Initializes and starts the task on the calling thread instead of {@link #run()} (for the connector test
     * driver, which then calls the subclass's single-step methods).
     */
    public final void startOnCallerThread() {
        initializeAndStart();
        reportStarted();
    }

    /**
     * Ends a task started with {@link #startOnCallerThread()}, on the calling thread.
     *
     * @param graceful whether to flush offsets first
     */
    public final void closeOnCallerThread(boolean graceful) {
        stop();
        try {
            close(graceful);
        } finally {
            shutdownLatch.countDown();
        }
    }

    /** Reports the first state after a successful start. */
    protected final void reportStarted() {
        reportedPaused = isPaused();
        listener.onTaskState(id, reportedPaused ? Status.State.PAUSED : Status.State.RUNNING, null);
    }

    /** Reports a change between running and paused, once per change. */
    protected final void checkTargetState() {
        boolean paused = isPaused();
        if (paused != reportedPaused) {
            reportedPaused = paused;
            listener.onTaskState(id, paused ? Status.State.PAUSED : Status.State.RUNNING, null);
            onTargetStateChange(paused);
        }
    }

    /**
     * Called on the task's thread when the connector is paused or resumed; the default does nothing.
     *
     * @param paused whether it is now paused
     */
    protected void onTargetStateChange(boolean paused) {
    }

    /** Initializes and starts the connector's task; on the task's thread. */
    protected abstract void initializeAndStart();

    /**
     * One step of the task's loop; returns promptly after {@link #stop()}.
     *
     * @throws InterruptedException if interrupted (a cancelled task)
     */
    protected abstract void iteration() throws InterruptedException;

    /**
     * Releases everything; flushes offsets first when {@code graceful}.
     *
     * @param graceful whether the task stopped normally (not failed, not cancelled)
     */
    protected abstract void close(boolean graceful);

    /** Makes a blocked step return; called from the stopping thread. The default does nothing. */
    protected void wakeup() {
    }

    /** @return whether the connector is paused */
    protected final boolean isPaused() {
        return targetState == TargetState.PAUSED;
    }

    /** @return whether {@link #stop()} was called */
    protected final boolean isStopping() {
        return stopping;
    }

    /**
     * Waits (on the task's thread) while the connector is paused, at most {@code maxMs}.
     *
     * @param maxMs the longest wait, ms
     * @throws InterruptedException if interrupted
     */
    protected final void awaitUnpause(long maxMs) throws InterruptedException {
        synchronized (stateLock) {
            if (isPaused() && !stopping && maxMs > 0) {
                stateLock.wait(maxMs);
            }
        }
    }

    /**
     * Changes the target state (from the herder's thread).
     *
     * @param state {@link TargetState#STARTED} or {@link TargetState#PAUSED}
     */
    public void transitionTo(TargetState state) {
        synchronized (stateLock) {
            targetState = state;
            stateLock.notifyAll();
        }
    }

    /** Asks the task to stop; returns at once. Idempotent. */
    public void stop() {
        synchronized (stateLock) {
            stopping = true;
            stateLock.notifyAll();
        }
        operator.triggerStop();
        wakeup();
    }

    /**
     * Gives up on a task that did not stop in time: interrupts its thread and ignores what it reports from now on.
     */
    public void cancel() {
        cancelled = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * @param timeoutMs how long to wait, ms
     * @return whether the task's thread finished within the time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitStop(long timeoutMs) throws InterruptedException {
        return shutdownLatch.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** @return whether the task's thread has finished (or never ran and was stopped) */
    public boolean isDone() {
        return shutdownLatch.getCount() == 0;
    }
}
