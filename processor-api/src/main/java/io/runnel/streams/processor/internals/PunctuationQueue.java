package io.runnel.streams.processor.internals;

import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.Punctuator;

import java.util.PriorityQueue;

/**
 * The punctuations of one task for one kind of time, ordered by next due time (Kafka's {@code PunctuationQueue}).
 *
 * <p>A schedule that is due fires once and is rescheduled on its grid: the next time is its start plus a whole
 * number of intervals, the first one after the time that triggered it, so a jump of several intervals fires once
 * (Kafka's behaviour for both stream time and wall-clock time). Schedules due at the same time fire in the order
 * they were created. Used by the task's thread only.
 */
final class PunctuationQueue {

    /** Runs one due punctuation. */
    @FunctionalInterface
    interface Runner {
        /**
         * @param node      the node that scheduled it
         * @param timestamp the time that triggered it
         * @param punctuator the callback
         */
        void punctuate(ProcessorNode<?, ?, ?, ?> node, long timestamp, Punctuator punctuator);
    }

    private final PriorityQueue<Schedule> queue = new PriorityQueue<>();
    private long sequence;

    final class Schedule implements Comparable<Schedule>, Cancellable {
        final ProcessorNode<?, ?, ?, ?> node;
        final long interval;
        final Punctuator punctuator;
        final long seq;
        long nextTime;
        boolean cancelled;

        Schedule(ProcessorNode<?, ?, ?, ?> node, long start, long interval, Punctuator punctuator) {
            this.node = node;
            this.interval = interval;
            this.punctuator = punctuator;
            this.nextTime = start;
            this.seq = sequence++;
        }

        @Override
        public int compareTo(Schedule o) {
            int c = Long.compare(nextTime, o.nextTime);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
            queue.remove(this);
        }
    }

    /**
     * @param node       the scheduling node
     * @param start      the first due time in ms (the grid's origin)
     * @param interval   the period in ms, positive
     * @param punctuator the callback
     * @return the handle
     */
    Cancellable schedule(ProcessorNode<?, ?, ?, ?> node, long start, long interval, Punctuator punctuator) {
        Schedule s = new Schedule(node, start, interval, punctuator);
        queue.add(s);
        return s;
    }

    /**
     * Fires every schedule due at {@code now}, each at most once.
     *
     * @param now    the current time (stream time or wall-clock time) in ms
     * @param runner runs a punctuation
     * @return true if any fired
     */
    boolean maybePunctuate(long now, Runner runner) {
        boolean fired = false;
        PriorityQueue<Schedule> rescheduled = new PriorityQueue<>();
        while (!queue.isEmpty() && queue.peek().nextTime <= now) {
            Schedule s = queue.poll();
            long intervalsMissed = (now - s.nextTime) / s.interval;
            s.nextTime = s.nextTime + (intervalsMissed + 1) * s.interval;
            rescheduled.add(s);
            fired = true;
            runner.punctuate(s.node, now, s.punctuator);
        }
        for (Schedule s : rescheduled) {
            if (!s.cancelled) {
                queue.add(s);
            }
        }
        return fired;
    }

    /** @return the next due time, or {@link Long#MAX_VALUE} if nothing is scheduled */
    long nextDueTime() {
        Schedule s = queue.peek();
        return s == null ? Long.MAX_VALUE : s.nextTime;
    }

    /** @return the number of active schedules */
    int size() {
        return queue.size();
    }

    /** Cancels everything. */
    void clear() {
        queue.clear();
    }
}
