package io.runnel.connect.runtime;

import io.runnel.common.TopicPartition;
import io.runnel.connect.data.Schema;
import io.runnel.connect.errors.RetriableException;
import io.runnel.connect.sink.SinkRecord;
import io.runnel.connect.test.ConnectorTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Sink task behaviour and its context (timeout, requestCommit, offset), step by step through the test driver. */
class WorkerSinkTaskTest {

    private static final TopicPartition IN = new TopicPartition("in", 0);

    @BeforeEach
    @AfterEach
    void reset() {
        ScriptedSinkConnector.script = null;
        ScriptedSinkConnector.BATCHES.clear();
        ScriptedSinkConnector.EVENTS.clear();
    }

    private static ConnectorTestDriver driver() {
        return ConnectorTestDriver.builder()
                .connector(Map.of("connector.class", "ScriptedSink", "topics", "in"))
                .build();
    }

    @Test
    void shouldRedeliverTheSameBatchAfterTheContextTimeoutWhenPutThrowsRetriable() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedSinkConnector.script = (context, records) -> {
            if (!records.isEmpty() && calls.getAndIncrement() == 0) {
                context.timeout(5_000);
                throw new RetriableException("the outside system is busy");
            }
        };
        try (ConnectorTestDriver driver = driver()) {
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "a");
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "b");
            for (int i = 0; i < 20 && calls.get() == 0; i++) {
                driver.pollSink();
            }
            assertThat(calls.get()).isEqualTo(1);
            assertThat(ScriptedSinkConnector.BATCHES).allSatisfy(b -> assertThat(b).isEmpty());

            driver.advance(Duration.ofMillis(4_999));
            assertThat(driver.pollSink()).as("still waiting").isEmpty();
            driver.advance(Duration.ofMillis(1));
            assertThat(driver.pollSink()).extracting(SinkRecord::value).containsExactly("a", "b");

            driver.produce("in", null, null, Schema.STRING_SCHEMA, "c");
            assertThat(driver.runSink()).extracting(SinkRecord::value).containsExactly("c");
        }
    }

    @Test
    void shouldNotCallTheTaskAgainAfterStoppingItWhenTheConsumerCloses() {
        try (ConnectorTestDriver driver = driver()) {
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "a");
            assertThat(driver.runSink()).extracting(SinkRecord::value).containsExactly("a");
        }
        // closing the consumer after stop() revokes the partitions again: the task must not see that (a file sink
        // would flush a closed stream)
        assertThat(ScriptedSinkConnector.EVENTS).last().isEqualTo("stop");
        assertThat(ScriptedSinkConnector.EVENTS).containsSubsequence("open in-0", "flush", "close in-0", "stop");
        assertThat(ScriptedSinkConnector.EVENTS.stream().filter("stop"::equals)).hasSize(1);
    }

    @Test
    void shouldCommitWhenTheTaskRequestsItAndRewindWhenItSetsOffsets() {
        AtomicInteger rewinds = new AtomicInteger();
        ScriptedSinkConnector.script = (context, records) -> {
            for (SinkRecord r : records) {
                if ("commit-now".equals(r.value())) {
                    context.requestCommit();
                }
                if ("rewind".equals(r.value()) && rewinds.getAndIncrement() == 0) {
                    context.offset(IN, 0);
                }
            }
        };
        try (ConnectorTestDriver driver = driver()) {
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "x");
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "commit-now");
            driver.runSink();
            assertThat(driver.committedSinkOffsets()).isEqualTo(Map.of(IN, 2L));

            driver.produce("in", null, null, Schema.STRING_SCHEMA, "rewind");
            driver.runSink();
            assertThat(driver.putRecords()).extracting(SinkRecord::value)
                    .containsExactly("x", "commit-now", "rewind", "x", "commit-now", "rewind");
            assertThat(ScriptedSinkConnector.EVENTS).filteredOn(e -> !e.equals("flush")).containsExactly("open in-0");
        }
        assertThat(ScriptedSinkConnector.EVENTS).filteredOn(e -> !e.equals("flush"))
                .containsExactly("open in-0", "close in-0", "stop");
    }

    @Test
    void shouldCommitOnTheFlushIntervalOfTheMockClock() {
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .worker(Map.of("offset.flush.interval.ms", "10000"))
                .connector(Map.of("connector.class", "ScriptedSink", "topics", "in")).build()) {
            driver.produce("in", null, null, Schema.STRING_SCHEMA, "a");
            driver.runSink();
            assertThat(driver.committedSinkOffsets()).isEmpty();
            driver.advance(Duration.ofSeconds(10));
            driver.pollSink();
            assertThat(driver.committedSinkOffsets()).isEqualTo(Map.of(IN, 1L));
        }
    }
}
