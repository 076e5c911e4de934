package io.runnel.connect.runtime.errors;

import io.runnel.common.utils.Time;
import io.runnel.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one pipeline step for one record with the connector's error policy, as Kafka Connect's {@code
 * RetryWithToleranceOperator} (KIP-298).
 *
 * <h2>Design</h2>
 * Every step the worker runs on a record — converting the key, value and headers, each transformation, and
 * (with narrower rules) polling, putting and producing — goes through {@link #execute}. The policy has three
 * parts, applied in order:
 * <ol>
 *   <li><b>Retry.</b> A {@link io.runnel.connect.errors.RetriableException} (Connect's) or {@link
 *   io.runnel.common.errors.RetriableException} (the clients') is retried while {@code errors.retry.timeout} has
 *   not passed since the first attempt (0: never; -1: forever), waiting 300 ms, 600 ms, 1.2 s... between
 *   attempts, each wait capped by {@code errors.retry.delay.max.ms} and by the deadline. Waits go through the
 *   injected {@link Time}, so tests drive them with {@code MockTime}; {@link #triggerStop()} cuts them short
 *   (waits are taken in slices of at most 100 ms). Kafka adds random jitter once the cap is reached; Runnel
 *   waits exactly the cap, to stay deterministic.</li>
 *   <li><b>Tolerate.</b> In the record-level stages (converters, transformations) any exception is a record
 *   failure; in the task and client stages only retriable ones are, and anything else is a bug or an outage
 *   that fails the task ({@code "Unhandled exception in error handler"}). A record failure with {@code
 *   errors.tolerance=none} fails the task ({@code "Tolerance exceeded in error handler"}); with {@code all} the
 *   step returns null and the worker skips the record.</li>
 *   <li><b>Report.</b> Every record failure goes to every {@link ErrorReporter} (log, dead-letter queue) before
 *   the step returns or throws, so even the failure that stops a task is on record.</li>
 * </ol>
 * The same operator serves sink tasks (context built from the consumed bytes) and source tasks (context built
 * from the {@code SourceRecord}), so conversion and transformation failures on the source side are retried,
 * tolerated and reported — dead-letter queue included — exactly like the sink side's.
 *
 * <p>Used by one task thread; the counters may be read from any thread.
 */
public class RetryWithToleranceOperator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetryWithToleranceOperator.class);

    /** The first wait between attempts, in ms (Kafka's). */
    public static final long RETRIES_DELAY_MIN_MS = 300;
    private static final long SLICE_MS = 100;
    private static final Set<Stage> RECORD_STAGES = EnumSet.of(Stage.TRANSFORMATION, Stage.KEY_CONVERTER,
            Stage.VALUE_CONVERTER, Stage.HEADER_CONVERTER);

    private final ErrorHandlingConfig config;
    private final Time time;
    private final List<ErrorReporter> reporters;
    private final AtomicLong recordFailures = new AtomicLong();
    private final AtomicLong recordsSkipped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile boolean stopping;

    /**
     * @param config    the error-handling settings
     * @param time      the clock backoff waits on
     * @param reporters where failures are reported, in order
     */
    public RetryWithToleranceOperator(ErrorHandlingConfig config, Time time, List<ErrorReporter> reporters) {
        this.config = config;
        this.time = time;
        this.reporters = List.copyOf(reporters);
    }

    /** A step that may fail. */
    @FunctionalInterface
    public interface Operation<V> extends Callable<V> {
    }

    /**
     * Runs a step with retries and tolerance.
     *
     * @param <V>            the step's result type
     * @param context        the record's context; marked failed when the step fails
     * @param operation      the step
     * @param stage          which stage it is
     * @param executingClass the class doing it (converter, transformation, task)
     * @return the step's result, or null when it failed and the failure is tolerated (skip the record), or when
     *         the context had already failed
     * @throws ConnectException when the failure is not tolerated ({@code errors.tolerance=none}) or not a record
     *         failure in this stage; the cause is the step's exception
     */
    public <V> V execute(ProcessingContext context, Operation<V> operation, Stage stage, Class<?> executingClass) {
        context.currentContext(stage, executingClass);
        if (context.failed()) {
            log.debug("Record already failed; skipping {} in stage {}", executingClass.getName(), stage);
            return null;
        }
        Exception failure;
        int attempt = 0;
        long start = time.milliseconds();
        while (true) {
            attempt++;
            try {
                V result = operation.call();
                context.attempt(attempt);
                return result;
            } catch (io.runnel.connect.errors.RetriableException | io.runnel.common.errors.RetriableException e) {
                if (!stopping && canRetry(start)) {
                    retries.incrementAndGet();
                    log.trace("Retriable failure in stage {} ({}), attempt {}: {}", stage, executingClass.getName(),
                            attempt, e.toString());
                    backoff(attempt, start);
                    continue;
                }
                failure = e;
            } catch (Exception e) {
                failure = e;
            }
            context.attempt(attempt);
            break;
        }
        return handleFailure(context, failure, stage);
    }

    /**
     * Records a failure that happened outside {@link #execute} (for example a sink task reporting an errant
     * record through {@code ErrantRecordReporter}), applying tolerance and reporting it.
     *
     * @param context        the record's context
     * @param stage          the stage
     * @param executingClass the class that failed
     * @param error          the failure
     * @return the reporters' futures (complete when the reports are durable)
     * @throws ConnectException when the failure is not tolerated
     */
    public List<Future<Void>> executeFailed(ProcessingContext context, Stage stage, Class<?> executingClass,
                                            Throwable error) {
        context.currentContext(stage, executingClass);
        context.error(error);
        recordFailures.incrementAndGet();
        List<Future<Void>> futures = report(context);
        if (config.tolerance() != ToleranceType.ALL) {
            throw new ConnectException("Tolerance exceeded in error handler", error);
        }
        recordsSkipped.incrementAndGet();
        return futures;
    }

    private <V> V handleFailure(ProcessingContext context, Exception failure, Stage stage) {
        context.error(failure);
        boolean retriable = failure instanceof io.runnel.connect.errors.RetriableException
                || failure instanceof io.runnel.common.errors.RetriableException;
        if (!RECORD_STAGES.contains(stage) && !retriable) {
            throw new ConnectException("Unhandled exception in error handler", failure);
        }
        recordFailures.incrementAndGet();
        report(context);
        if (config.tolerance() != ToleranceType.ALL) {
            throw new ConnectException("Tolerance exceeded in error handler", failure);
        }
        recordsSkipped.incrementAndGet();
        return null;
    }

    private List<Future<Void>> report(ProcessingContext context) {
        List<Future<Void>> futures = new ArrayList<>(reporters.size());
        for (ErrorReporter reporter : reporters) {
            try {
                futures.add(reporter.report(context));
            } catch (RuntimeException e) {
                log.error("Error reporter {} failed to report {}", reporter.getClass().getName(), context, e);
                throw new ConnectException("Could not report a failed record with " + reporter.getClass().getName()
                        + ": " + e.getMessage(), e);
            }
        }
        return futures;
    }

    private boolean canRetry(long start) {
        long timeout = config.retryTimeoutMs();
        return timeout < 0 || time.milliseconds() - start < timeout;
    }

    private void backoff(int attempt, long start) {
        long delay = attempt - 1 >= 30 ? Long.MAX_VALUE : RETRIES_DELAY_MIN_MS << (attempt - 1);
        delay = Math.min(delay, config.retryDelayMaxMs());
        if (config.retryTimeoutMs() >= 0) {
            long remainingToDeadline = start + config.retryTimeoutMs() - time.milliseconds();
            delay = Math.max(0, Math.min(delay, remainingToDeadline));
        }
        long remaining = delay;
        while (remaining > 0 && !stopping) {
            long slice = Math.min(remaining, SLICE_MS);
            time.sleep(slice);
            remaining -= slice;
        }
    }

    /** Stops retrying: a wait in progress ends within 100 ms and the current failure is handled as final. */
    public void triggerStop() {
        stopping = true;
    }

    /** @return the error-handling settings */
    public ErrorHandlingConfig config() {
        return config;
    }

    /** @return record failures seen (tolerated or not) */
    public long recordFailures() {
        return recordFailures.get();
    }

    /** @return records skipped because their failure was tolerated */
    public long recordsSkipped() {
        return recordsSkipped.get();
    }

    /** @return retry attempts made */
    public long retries() {
        return retries.get();
    }

    /** Closes the reporters. */
    @Override
    public void close() {
        for (ErrorReporter reporter : reporters) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                log.warn("Failed to close error reporter {}", reporter.getClass().getName(), e);
            }
        }
    }
}
