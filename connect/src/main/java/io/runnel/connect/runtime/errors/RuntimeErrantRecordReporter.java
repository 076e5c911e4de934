package io.runnel.connect.runtime.errors;

import io.runnel.connect.sink.ErrantRecordReporter;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The {@link ErrantRecordReporter} a sink task gets from its context (KIP-610): reports go through the task's
 * {@link RetryWithToleranceOperator} in stage {@link Stage#TASK_PUT}, so tolerance, logging and the dead-letter
 * queue apply as for the worker's own failures. The worker supplies how to find the consumed bytes of a {@link
 * SinkRecord} (it keeps them for the records of the batch being put).
 *
 * <p>Thread-safe as long as the operator's reporters are.
 */
public class RuntimeErrantRecordReporter implements ErrantRecordReporter {

    private final RetryWithToleranceOperator operator;
    private final Function<SinkRecord, RawRecord> originals;
    private final Class<? extends SinkTask> taskClass;

    /**
     * @param operator  the task's error operator
     * @param originals finds the consumed record a sink record came from (by original topic, partition, offset)
     * @param taskClass the task's class, for the {@code __connect.errors.class.name} header
     */
    public RuntimeErrantRecordReporter(RetryWithToleranceOperator operator, Function<SinkRecord, RawRecord> originals,
                                       Class<? extends SinkTask> taskClass) {
        this.operator = operator;
        this.originals = originals;
        this.taskClass = taskClass;
    }

    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        RawRecord original = originals.apply(record);
        if (original == null) {
            original = new RawRecord(record.originalTopic(), record.originalKafkaPartition() == null ? -1
                    : record.originalKafkaPartition(), record.originalKafkaOffset(), record.timestamp(), null, null,
                    List.of());
        }
        List<Future<Void>> futures = operator.executeFailed(ProcessingContext.forConsumed(original), Stage.TASK_PUT,
                taskClass, error);
        return new AllOf(futures);
    }

    /** Completes when every reporter's future has. */
    private record AllOf(List<Future<Void>> futures) implements Future<Void> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return futures.stream().allMatch(Future::isDone);
        }

        @Override
        public Void get() throws InterruptedException, ExecutionException {
            for (Future<Void> f : futures) {
                f.get();
            }
            return null;
        }

        @Override
        public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
                TimeoutException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            for (Future<Void> f : futures) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return null;
        }
    }
}
