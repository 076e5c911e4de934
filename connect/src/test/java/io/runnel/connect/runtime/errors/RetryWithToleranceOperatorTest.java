package io.runnel.connect.runtime.errors;

import io.runnel.common.header.internals.RecordHeader;
import io.runnel.common.utils.MockTime;
import io.runnel.connect.data.Schema;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.errors.RetriableException;
import io.runnel.connect.runtime.ConnectorTaskId;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.sink.SinkTask;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryWithToleranceOperatorTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("my-sink", 3);
    private final MockTime time = new MockTime(0, 1_000_000L, 0L);
    private final List<DeadLetterQueueRecord> dlq = new ArrayList<>();
    private final DeadLetterQueueProducer producer = r -> {
        dlq.add(r);
        return CompletableFuture.completedFuture(null);
    };

    private static ErrorHandlingConfig config(ToleranceType tolerance, long retryTimeoutMs, long maxDelayMs,
                                              String dlqTopic, boolean contextHeaders) {
        return new ErrorHandlingConfig(retryTimeoutMs, maxDelayMs, tolerance, true, true, dlqTopic, (short) 1,
                contextHeaders);
    }

    private static RawRecord consumed(long offset) {
        return new RawRecord("orders", 2, offset, 1234L, "k".getBytes(StandardCharsets.UTF_8),
                "not json".getBytes(StandardCharsets.UTF_8), List.of(new RecordHeader("h", new byte[] {1})));
    }

    private RetryWithToleranceOperator operator(ErrorHandlingConfig config) {
        List<ErrorReporter> reporters = new ArrayList<>();
        reporters.add(new LogReporter(TASK, config));
        if (config.dlqEnabled()) {
            reporters.add(new DeadLetterQueueReporter(TASK, config, producer));
        }
        return new RetryWithToleranceOperator(config, time, reporters);
    }

    @Test
    void shouldFailTheTaskAtTheFirstFailureWithToleranceNone() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.NONE, 0, 60_000, "dlq", false));
        ProcessingContext ctx = ProcessingContext.forConsumed(consumed(10));

        assertThatThrownBy(() -> op.execute(ctx, () -> {
            throw new DataException("bad bytes");
        }, Stage.VALUE_CONVERTER, StringConverter.class))
                .isInstanceOf(ConnectException.class).hasMessage("Tolerance exceeded in error handler")
                .hasCauseInstanceOf(DataException.class);
        assertThat(ctx.failed()).isTrue();
        assertThat(op.recordFailures()).isEqualTo(1);
        assertThat(op.recordsSkipped()).isZero();
        assertThat(dlq).as("the failure that stops the task is still reported").hasSize(1);
    }

    @Test
    void shouldSkipAndReportEveryFailureWithToleranceAll() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 0, 60_000, "dlq", true));
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            ProcessingContext ctx = ProcessingContext.forConsumed(consumed(i));
            results.add(op.execute(ctx, () -> {
                if (n == 1) {
                    return "ok";
                }
                throw new DataException("bad " + n);
            }, Stage.VALUE_CONVERTER, StringConverter.class));
        }

        assertThat(results).containsExactly(null, "ok", null);
        assertThat(op.recordFailures()).isEqualTo(2);
        assertThat(op.recordsSkipped()).isEqualTo(2);
        assertThat(dlq).extracting(r -> header(r, DeadLetterQueueReporter.ERROR_HEADER_ORIG_OFFSET))
                .containsExactly("0", "2");
    }

    @Test
    void shouldRetryRetriableFailuresWithExponentialBackoffOnTheInjectedClock() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.NONE, 10_000, 2_000, "", false));
        List<Long> attemptTimes = new ArrayList<>();
        long start = time.milliseconds();

        String result = op.execute(ProcessingContext.forConsumed(consumed(1)), () -> {
            attemptTimes.add(time.milliseconds() - start);
            if (attemptTimes.size() < 5) {
                throw new RetriableException("not yet");
            }
            return "done";
        }, Stage.TRANSFORMATION, Object.class);

        assertThat(result).isEqualTo("done");
        // Waits of 300, 600, 1200, then 2400 capped at errors.retry.delay.max.ms=2000.
        assertThat(attemptTimes).containsExactly(0L, 300L, 900L, 2100L, 4100L);
        assertThat(op.retries()).isEqualTo(4);
    }

    @Test
    void shouldGiveUpRetryingAtTheRetryTimeoutAndApplyTolerance() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 1_000, 60_000, "dlq", true));
        AtomicInteger attempts = new AtomicInteger();
        ProcessingContext ctx = ProcessingContext.forConsumed(consumed(5));
        long start = time.milliseconds();

        Object result = op.execute(ctx, () -> {
            attempts.incrementAndGet();
            throw new io.runnel.common.errors.RetriableException("still down");
        }, Stage.KAFKA_PRODUCE, Object.class);

        assertThat(result).isNull();
        assertThat(time.milliseconds() - start).isEqualTo(1_000);
        // Attempts at 0, 300, 900 and at the deadline (1000).
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(ctx.attempt()).isEqualTo(4);
        assertThat(dlq).singleElement().satisfies(r -> assertThat(header(r,
                DeadLetterQueueReporter.ERROR_HEADER_STAGE)).isEqualTo("KAFKA_PRODUCE"));
    }

    @Test
    void shouldNotRetryWhenTheRetryTimeoutIsZero() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 0, 60_000, "", false));
        AtomicInteger attempts = new AtomicInteger();

        op.execute(ProcessingContext.forConsumed(consumed(1)), () -> {
            attempts.incrementAndGet();
            throw new RetriableException("flaky");
        }, Stage.TRANSFORMATION, Object.class);

        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void shouldFailOnNonRetriableExceptionsOutsideRecordStagesEvenWithToleranceAll() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 0, 60_000, "", false));

        assertThatThrownBy(() -> op.execute(ProcessingContext.forConsumed(consumed(1)), () -> {
            throw new IllegalStateException("bug in put");
        }, Stage.TASK_PUT, SinkTask.class))
                .isInstanceOf(ConnectException.class).hasMessage("Unhandled exception in error handler");
        assertThat(op.recordFailures()).isZero();
    }

    @Test
    void shouldWriteKafkasContextHeadersToTheDeadLetterQueueForSinkRecords() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 0, 60_000, "my-dlq", true));

        op.execute(ProcessingContext.forConsumed(consumed(77)), () -> {
            throw new DataException("Converting byte[] to Kafka Connect data failed");
        }, Stage.VALUE_CONVERTER, StringConverter.class);

        DeadLetterQueueRecord r = dlq.get(0);
        assertThat(r.topic()).isEqualTo("my-dlq");
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(r.timestamp()).isEqualTo(1234L);
        assertThat(r.headers().get(0).key()).as("original headers come first").isEqualTo("h");
        assertThat(header(r, "__connect.errors.topic")).isEqualTo("orders");
        assertThat(header(r, "__connect.errors.partition")).isEqualTo("2");
        assertThat(header(r, "__connect.errors.offset")).isEqualTo("77");
        assertThat(header(r, "__connect.errors.connector.name")).isEqualTo("my-sink");
        assertThat(header(r, "__connect.errors.task.id")).isEqualTo("3");
        assertThat(header(r, "__connect.errors.stage")).isEqualTo("VALUE_CONVERTER");
        assertThat(header(r, "__connect.errors.class.name")).isEqualTo(StringConverter.class.getName());
        assertThat(header(r, "__connect.errors.exception.class.name")).isEqualTo(DataException.class.getName());
        assertThat(header(r, "__connect.errors.exception.message"))
                .isEqualTo("Converting byte[] to Kafka Connect data failed");
        assertThat(header(r, "__connect.errors.exception.stacktrace")).startsWith(DataException.class.getName())
                .contains("RetryWithToleranceOperatorTest");
    }

    @Test
    void shouldOmitContextHeadersWhenDisabled() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 0, 60_000, "my-dlq", false));

        op.execute(ProcessingContext.forConsumed(consumed(1)), () -> {
            throw new DataException("x");
        }, Stage.VALUE_CONVERTER, StringConverter.class);

        assertThat(dlq.get(0).headers()).extracting(h -> h.key()).containsExactly("h");
    }

    @Test
    void shouldSendFailedSourceRecordsToTheDeadLetterQueueAsJson() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 0, 60_000, "src-dlq", true));
        SourceRecord record = new SourceRecord(Map.of("file", "a"), Map.of("pos", 5L), "target", 4,
                Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 42);

        Object result = op.execute(ProcessingContext.forSource(record), () -> {
            throw new DataException("cannot convert");
        }, Stage.VALUE_CONVERTER, StringConverter.class);

        assertThat(result).isNull();
        DeadLetterQueueRecord r = dlq.get(0);
        assertThat(new String(r.key(), StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"key\"}");
        assertThat(new String(r.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":42}");
        assertThat(header(r, "__connect.errors.topic")).isEqualTo("target");
        assertThat(header(r, "__connect.errors.partition")).isEqualTo("4");
        assertThat(r.lastHeader("__connect.errors.offset")).isNull();
    }

    @Test
    void shouldReportErrantRecordsFromSinkTasksThroughTheSamePolicy() throws Exception {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, 0, 60_000, "my-dlq", true));
        RuntimeErrantRecordReporter reporter = new RuntimeErrantRecordReporter(op, r -> consumed(r.kafkaOffset()),
                TestSinkTask.class);
        SinkRecord record = new SinkRecord("orders", 2, null, "k", null, "v", 9L);

        reporter.report(record, new IllegalArgumentException("rejected by the database")).get();

        assertThat(header(dlq.get(0), "__connect.errors.stage")).isEqualTo("TASK_PUT");
        assertThat(header(dlq.get(0), "__connect.errors.class.name")).isEqualTo(TestSinkTask.class.getName());
        assertThat(header(dlq.get(0), "__connect.errors.offset")).isEqualTo("9");

        RetryWithToleranceOperator strict = operator(config(ToleranceType.NONE, 0, 60_000, "my-dlq", true));
        RuntimeErrantRecordReporter strictReporter = new RuntimeErrantRecordReporter(strict, r -> null,
                TestSinkTask.class);
        assertThatThrownBy(() -> strictReporter.report(record, new IllegalArgumentException("x")))
                .isInstanceOf(ConnectException.class).hasMessage("Tolerance exceeded in error handler");
    }

    @Test
    void shouldStopWaitingWhenStopIsTriggered() {
        RetryWithToleranceOperator op = operator(config(ToleranceType.ALL, -1, 60_000, "", false));
        AtomicInteger attempts = new AtomicInteger();

        Object result = op.execute(ProcessingContext.forConsumed(consumed(1)), () -> {
            if (attempts.incrementAndGet() == 3) {
                op.triggerStop();
            }
            throw new RetriableException("down");
        }, Stage.TRANSFORMATION, Object.class);

        assertThat(result).isNull();
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void shouldDescribeTheRecordInTheLogLine() {
        ErrorHandlingConfig config = config(ToleranceType.ALL, 0, 1, "", false);
        ProcessingContext ctx = ProcessingContext.forConsumed(consumed(8));
        ctx.currentContext(Stage.KEY_CONVERTER, StringConverter.class);
        ctx.error(new DataException("x"));

        assertThat(new LogReporter(TASK, config).message(ctx)).isEqualTo("Executing stage 'KEY_CONVERTER' with class '"
                + StringConverter.class.getName() + "', where consumed record is {topic='orders', partition=2, "
                + "offset=8, timestamp=1234, key=1 bytes, value=8 bytes, headers=" + consumed(8).headers() + "}.");
    }

    private static String header(DeadLetterQueueRecord r, String key) {
        byte[] value = r.lastHeader(key) == null ? null : r.lastHeader(key).value();
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** A sink task class for reports. */
    static final class TestSinkTask extends SinkTask {
        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
        }

        @Override
        public void stop() {
        }
    }
}
