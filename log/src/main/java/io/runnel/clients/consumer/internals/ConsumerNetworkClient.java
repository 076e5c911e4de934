package io.runnel.clients.consumer.internals;

import io.runnel.clients.RunnelClient;
import io.runnel.clients.internals.ClientWaits;
import io.runnel.common.errors.InterruptException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.utils.Time;
import io.runnel.common.utils.Timer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The consumer's view of the transport (Kafka's {@code ConsumerNetworkClient}): sends requests and waits for
 * responses on the injected clock, and turns a {@link #wakeup()} from another thread into a
 * {@link WakeupException} in the blocked call (or the next blocking call). Thread-safe.
 */
public final class ConsumerNetworkClient {

    private final RunnelClient client;
    private final Time time;
    private final Object lock = new Object();
    private final AtomicBoolean wakeup = new AtomicBoolean();

    /**
     * @param client the transport
     * @param time   the clock
     */
    public ConsumerNetworkClient(RunnelClient client, Time time) {
        this.client = client;
        this.time = time;
    }

    /** @return the clock */
    public Time time() {
        return time;
    }

    /** @return the transport */
    public RunnelClient client() {
        return client;
    }

    /**
     * @param <R>     the response type
     * @param request the request
     * @return the response future
     */
    public <R extends AbstractResponse> CompletableFuture<R> send(AbstractRequest<R> request) {
        return client.send(request);
    }

    /**
     * Waits until the future completes or the timer expires.
     *
     * @param future the future
     * @param timer  the time budget (updated)
     * @return whether the future completed
     * @throws WakeupException    if {@link #wakeup()} was called
     * @throws InterruptException if the thread is interrupted
     */
    public boolean waitFor(CompletableFuture<?> future, Timer timer) {
        maybeTriggerWakeup();
        boolean done = ClientWaits.waitFor(future, time, lock, timer.deadlineMs(), wakeup::get);
        timer.update();
        maybeTriggerWakeup();
        return done;
    }

    /**
     * Sends a request and waits for its response.
     *
     * @param <R>     the response type
     * @param request the request
     * @param timer   the time budget
     * @param what    what is awaited, for the timeout message
     * @return the response
     * @throws TimeoutException if the timer expires first
     */
    public <R extends AbstractResponse> R sendAndWait(AbstractRequest<R> request, Timer timer, String what) {
        CompletableFuture<R> f = send(request);
        if (!waitFor(f, timer)) {
            throw new TimeoutException("Timed out waiting for " + what + " after " + timer.elapsedMs() + " ms");
        }
        return ClientWaits.result(f);
    }

    /**
     * Waits {@code ms} (bounded by the timer) unless woken up.
     *
     * @param ms    how long
     * @param timer the time budget
     */
    public void sleep(long ms, Timer timer) {
        long deadline = Math.min(timer.deadlineMs(), time.milliseconds() + ms);
        maybeTriggerWakeup();
        try {
            time.waitObject(lock, wakeup::get, deadline);
        } catch (TimeoutException e) {
            // slept enough
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
        timer.update();
        maybeTriggerWakeup();
    }

    /** Makes the current (or next) blocking call throw {@link WakeupException}. Any thread. */
    public void wakeup() {
        wakeup.set(true);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /**
     * @throws WakeupException if a wakeup is pending (clearing it)
     */
    public void maybeTriggerWakeup() {
        if (wakeup.compareAndSet(true, false)) {
            throw new WakeupException("The consumer was woken up by wakeup()");
        }
    }

    /** Drops a pending wakeup without throwing (used by close). */
    public void clearWakeup() {
        wakeup.set(false);
    }

    /** Closes the transport. */
    public void close() {
        client.close();
    }
}
