package io.runnel.log;

import io.runnel.common.utils.MockTime;
import io.runnel.common.utils.Time;

import java.util.PriorityQueue;

/**
 * A {@link Scheduler} for tests: tasks run on the thread that advances the clock, when a {@link MockTime} moves
 * past their time (or when {@link #tick()} is called), in time order. Part of the test kit; deterministic, no
 * threads. Thread-safe.
 */
public final class MockScheduler implements Scheduler {

    private static final class Scheduled implements Task, Comparable<Scheduled> {
        final String name;
        final Runnable task;
        final long periodMs;
        final long seq;
        long nextMs;
        volatile boolean cancelled;

        Scheduled(String name, Runnable task, long nextMs, long periodMs, long seq) {
            this.name = name;
            this.task = task;
            this.nextMs = nextMs;
            this.periodMs = periodMs;
            this.seq = seq;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(nextMs, o.nextMs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Time time;
    private final PriorityQueue<Scheduled> tasks = new PriorityQueue<>();
    private long seq;
    private boolean shutdown;
    private final ThreadLocal<Boolean> ticking = ThreadLocal.withInitial(() -> false);

    /**
     * @param time the clock; if it is a {@link MockTime}, every advance runs the due tasks
     */
    public MockScheduler(Time time) {
        this.time = time;
        if (time instanceof MockTime mock) {
            mock.addListener(this::tick);
        }
    }

    @Override
    public void startup() {
    }

    @Override
    public synchronized Task schedule(String name, Runnable task, long delayMs, long periodMs) {
        if (shutdown) {
            throw new IllegalStateException("MockScheduler is shut down; cannot schedule " + name);
        }
        Scheduled s = new Scheduled(name, task, time.milliseconds() + delayMs, periodMs, seq++);
        tasks.add(s);
        return s;
    }

    /** Runs every task whose time has come (tasks scheduled by them run too if already due). */
    public void tick() {
        if (ticking.get()) {
            return;
        }
        ticking.set(true);
        try {
            while (true) {
                Scheduled next;
                synchronized (this) {
                    next = tasks.peek();
                    if (next == null || shutdown || next.nextMs > time.milliseconds()) {
                        return;
                    }
                    tasks.poll();
                }
                if (next.cancelled) {
                    continue;
                }
                next.task.run();
                synchronized (this) {
                    if (next.periodMs > 0 && !next.cancelled && !shutdown) {
                        next.nextMs += next.periodMs;
                        tasks.add(next);
                    }
                }
            }
        } finally {
            ticking.set(false);
        }
    }

    /** @return the number of scheduled (not yet run or periodic) tasks */
    public synchronized int size() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        tasks.clear();
    }
}
