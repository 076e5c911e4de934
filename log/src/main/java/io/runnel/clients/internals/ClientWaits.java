package io.runnel.clients.internals;

import io.runnel.common.RunnelException;
import io.runnel.common.errors.InterruptException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.utils.Time;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Waiting for responses and for time to pass on the injected clock: with a {@code MockTime} a wait ends when the
 * test advances the clock (or the response arrives), never by sleeping the real clock.
 */
public final class ClientWaits {

    private ClientWaits() {
    }

    /**
     * Waits for a response future until a deadline on {@code time}.
     *
     * @param <T>        the response type
     * @param future     the future
     * @param time       the clock
     * @param deadlineMs the deadline in ms
     * @param what       what is awaited, for the timeout message
     * @return the response
     * @throws TimeoutException   if the deadline passes first
     * @throws InterruptException if the thread is interrupted
     * @throws RunnelException    if the transport failed
     */
    public static <T> T await(CompletableFuture<T> future, Time time, long deadlineMs, String what) {
        if (!waitFor(future, time, new Object(), deadlineMs, () -> false)) {
            throw new TimeoutException("Timed out waiting for " + what);
        }
        return result(future);
    }

    /**
     * Waits on {@code lock} until the future is done, {@code stop} holds or the deadline passes. The future's
     * completion notifies the lock; whoever makes {@code stop} true must {@code notifyAll()} on it too.
     *
     * @param future     the future
     * @param time       the clock
     * @param lock       the monitor to wait on
     * @param deadlineMs the deadline in ms
     * @param stop       an extra reason to stop waiting (a wakeup)
     * @return whether the future is done
     * @throws InterruptException if the thread is interrupted
     */
    public static boolean waitFor(CompletableFuture<?> future, Time time, Object lock, long deadlineMs,
                                  BooleanSupplier stop) {
        if (future.isDone()) {
            return true;
        }
        future.whenComplete((v, e) -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
        try {
            time.waitObject(lock, () -> future.isDone() || stop.getAsBoolean(), deadlineMs);
        } catch (TimeoutException e) {
            return future.isDone();
        } catch (InterruptedException e) {
            throw new InterruptException("Interrupted while waiting for a response", e);
        }
        return future.isDone();
    }

    /**
     * @param <T>    the response type
     * @param future a completed future
     * @return its value
     * @throws RunnelException the transport's failure
     */
    public static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RunnelException re) {
                throw re;
            }
            throw new RunnelException("Request failed: " + cause, cause);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    /**
     * Waits {@code ms} on {@code time} (a mock clock ends the wait when advanced past it).
     *
     * @param time the clock
     * @param ms   how long
     * @throws InterruptException if interrupted
     */
    public static void sleep(Time time, long ms) {
        if (ms <= 0) {
            return;
        }
        Object lock = new Object();
        try {
            time.waitObject(lock, () -> false, time.milliseconds() + ms);
        } catch (TimeoutException e) {
            // waited long enough
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }
}
