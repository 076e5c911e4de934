package io.runnel.streams.integration;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.common.serialization.IntegerDeserializer;
import io.runnel.common.serialization.IntegerSerializer;
import io.runnel.common.serialization.Serializer;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.errors.ErrorHandlerContext;
import io.runnel.streams.errors.LogAndContinueExceptionHandler;
import io.runnel.streams.errors.LogAndContinueProcessingExceptionHandler;
import io.runnel.streams.errors.ProductionExceptionHandler;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import io.runnel.streams.processor.LogAndSkipOnInvalidTimestamp;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every exception handler path on real stream threads: deserialization, production, processing, uncaught. */
class ExceptionHandlersIT {

    @TempDir
    Path dir;

    /** Forwards every value; throws on "poison" while {@link #fail} says so. */
    static final class PoisonProcessor extends ContextualProcessor<String, String, String, String> {
        static final AtomicInteger FAILURES = new AtomicInteger();
        private final AtomicBoolean fail;

        PoisonProcessor(AtomicBoolean fail) {
            this.fail = fail;
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value().equals("poison") && fail.get()) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("cannot digest poison");
            }
            context().forward(record);
        }
    }

    private static Topology poisonTopology(AtomicBoolean fail) {
        return new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "in")
                .addProcessor("Process", () -> new PoisonProcessor(fail), "Source")
                .addSink("Sink", "out", new StringSerializer(), new StringSerializer(), "Process");
    }

    private static List<KeyValue<String, String>> withPoisonAt(int n, int poisonIndex) {
        List<KeyValue<String, String>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(KeyValue.pair("k" + i, i == poisonIndex ? "poison" : "v" + i));
        }
        return list;
    }

    private TestLog logWithTopics(int partitions) {
        TestLog log = new TestLog(dir);
        log.createTopic("in", partitions);
        log.createTopic("out", partitions);
        return log;
    }

    private static void awaitDone(RunnelStreams streams, int partitions) {
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.RUNNING
                && streams.inputLags().size() == partitions
                && streams.inputLags().values().stream().allMatch(l -> l == 0));
    }

    @Test
    void shouldReplaceTheThreadAndReprocessFromTheLastCommit() {
        try (TestLog log = logWithTopics(1)) {
            log.produce("in", new StringSerializer(), new StringSerializer(), withPoisonAt(100, 50), 1L);
            AtomicBoolean fail = new AtomicBoolean(true);
            List<Throwable> seen = new CopyOnWriteArrayList<>();
            try (RunnelStreams streams = new RunnelStreams(poisonTopology(fail), log.streamsProps("replace",
                    dir.resolve("s")))) {
                streams.setUncaughtExceptionHandler(e -> {
                    seen.add(e);
                    fail.set(false);
                    return StreamThreadExceptionResponse.REPLACE_THREAD;
                });
                streams.start();
                awaitDone(streams, 1);
                assertThat(seen).hasSize(1);
                assertThat(seen.get(0)).isInstanceOf(StreamsException.class)
                        .hasMessageContaining("taskId=0_0, processor=Process, topic=in, partition=0, offset=50")
                        .hasRootCauseMessage("cannot digest poison");
                assertThat(((StreamsException) seen.get(0)).taskId()).contains(new TaskId(0, 0));
                assertThat(streams.numberOfLiveStreamThreads()).isEqualTo(1);
                List<ConsumerRecord<String, String>> out = log.readUntil("out", new StringDeserializer(),
                        new StringDeserializer(), l -> l.stream().anyMatch(r -> r.value().equals("poison"))
                                && l.stream().map(ConsumerRecord::key).distinct().count() == 100,
                        Duration.ofSeconds(10));
                assertThat(out.stream().map(ConsumerRecord::key).distinct()).hasSize(100);
            }
        }
    }

    @Test
    void shouldShutDownTheClientByDefault() {
        try (TestLog log = logWithTopics(1)) {
            log.produce("in", new StringSerializer(), new StringSerializer(), withPoisonAt(10, 3), 1L);
            try (RunnelStreams streams = new RunnelStreams(poisonTopology(new AtomicBoolean(true)),
                    log.streamsProps("default-handler", dir.resolve("s")))) {
                List<RunnelStreams.State> states = new CopyOnWriteArrayList<>();
                streams.setStateListener((n, o) -> states.add(n));
                streams.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.ERROR);
                assertThat(states).containsSubsequence(RunnelStreams.State.PENDING_ERROR, RunnelStreams.State.ERROR);
            }
        }
    }

    @Test
    void shouldShutDownEveryInstanceOnShutdownApplication() {
        try (TestLog log = logWithTopics(2)) {
            AtomicBoolean fail = new AtomicBoolean(true);
            RunnelStreams a = new RunnelStreams(poisonTopology(fail), log.streamsProps("app-shutdown",
                    dir.resolve("a")));
            RunnelStreams b = new RunnelStreams(poisonTopology(fail), log.streamsProps("app-shutdown",
                    dir.resolve("b")));
            try {
                a.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_APPLICATION);
                b.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_APPLICATION);
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> a.state() == RunnelStreams.State.RUNNING
                        && b.state() == RunnelStreams.State.RUNNING && a.inputLags().size() == 1
                        && b.inputLags().size() == 1);
                log.produce("in", new StringSerializer(), new StringSerializer(),
                        List.of(KeyValue.pair("x", "poison")), 1L);
                await().atMost(Duration.ofSeconds(60)).until(() -> a.state() == RunnelStreams.State.ERROR
                        && b.state() == RunnelStreams.State.ERROR);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @Test
    void shouldSkipPoisonWithTheLogAndContinueProcessingHandler() {
        try (TestLog log = logWithTopics(1)) {
            log.produce("in", new StringSerializer(), new StringSerializer(), withPoisonAt(20, 7), 1L);
            Properties props = log.streamsProps("processing-continue", dir.resolve("s"));
            props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                    LogAndContinueProcessingExceptionHandler.class);
            try (RunnelStreams streams = new RunnelStreams(poisonTopology(new AtomicBoolean(true)), props)) {
                streams.start();
                awaitDone(streams, 1);
                List<ConsumerRecord<String, String>> out = log.readUntil("out", new StringDeserializer(),
                        new StringDeserializer(), l -> l.size() >= 19, Duration.ofSeconds(10));
                assertThat(out).hasSize(19).noneMatch(r -> r.value().equals("poison"));
            }
        }
    }

    private static Topology intTopology() {
        return new Topology()
                .addSource("Source", new IntegerDeserializer(), new IntegerDeserializer(), "in")
                .addSink("Sink", "out", new IntegerSerializer(), new IntegerSerializer(), "Source");
    }

    private void produceIntsWithOneBadValue(TestLog log) {
        List<KeyValue<Integer, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(KeyValue.pair(i, i == 4 ? new byte[] {1, 2, 3} : new IntegerSerializer().serialize("in", i)));
        }
        log.produce("in", new IntegerSerializer(), (Serializer<byte[]>) (t, d) -> d, records, 1L);
    }

    @Test
    void shouldFailOnACorruptRecordByDefaultAndSkipItWithLogAndContinue() {
        try (TestLog log = logWithTopics(1)) {
            produceIntsWithOneBadValue(log);
            List<Throwable> seen = new CopyOnWriteArrayList<>();
            try (RunnelStreams streams = new RunnelStreams(intTopology(), log.streamsProps("deser-fail",
                    dir.resolve("f")))) {
                streams.setUncaughtExceptionHandler(e -> {
                    seen.add(e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                streams.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.ERROR);
                assertThat(seen).singleElement().satisfies(e -> assertThat(e)
                        .hasMessageContaining("Deserialization exception handler is set to fail")
                        .hasMessageContaining("in-0@4"));
            }
            Properties props = log.streamsProps("deser-continue", dir.resolve("c"));
            props.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                    LogAndContinueExceptionHandler.class);
            try (RunnelStreams streams = new RunnelStreams(intTopology(), props)) {
                streams.start();
                awaitDone(streams, 1);
                List<ConsumerRecord<Integer, Integer>> out = log.readUntil("out", new IntegerDeserializer(),
                        new IntegerDeserializer(), l -> l.size() >= 9, Duration.ofSeconds(10));
                assertThat(out).extracting(ConsumerRecord::key).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9);
            }
        }
    }

    @Test
    void shouldSkipRecordsWithNegativeTimestampsWithLogAndSkip() {
        try (TestLog log = logWithTopics(1)) {
            List<KeyValue<String, String>> records = List.of(KeyValue.pair("a", "1"), KeyValue.pair("b", "2"));
            log.produce("in", new StringSerializer(), new StringSerializer(), records, 5L);
            Properties props = log.streamsProps("timestamps", dir.resolve("s"));
            props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, NegativeForA.class);
            try (RunnelStreams streams = new RunnelStreams(poisonTopology(new AtomicBoolean(true)), props)) {
                streams.start();
                awaitDone(streams, 1);
                List<ConsumerRecord<String, String>> out = log.readUntil("out", new StringDeserializer(),
                        new StringDeserializer(), l -> !l.isEmpty(), Duration.ofSeconds(10));
                assertThat(out).extracting(ConsumerRecord::key).containsExactly("b");
            }
        }
    }

    /** Record timestamps, except -1 for key "a" (then LogAndSkip drops it). */
    public static final class NegativeForA extends LogAndSkipOnInvalidTimestamp {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            return "a".equals(record.key()) ? onInvalidTimestamp(record, -1L, partitionTime) : record.timestamp();
        }
    }

    /** Drops records it cannot serialize or send; counts them. */
    public static final class CountingContinueHandler implements ProductionExceptionHandler {
        static final AtomicInteger SERIALIZATION = new AtomicInteger();
        static final AtomicInteger SEND = new AtomicInteger();

        @Override
        public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context,
                                                         ProducerRecord<byte[], byte[]> record, Exception exception) {
            SEND.incrementAndGet();
            return ProductionExceptionHandlerResponse.CONTINUE;
        }

        @Override
        public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                                                                               ProducerRecord<?, ?> record,
                                                                               Exception exception,
                                                                               SerializationExceptionOrigin origin) {
            SERIALIZATION.incrementAndGet();
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
    }

    private static Topology failingSerializerTopology() {
        Serializer<String> picky = (topic, value) -> {
            if (value.equals("poison")) {
                throw new IllegalArgumentException("cannot serialize poison");
            }
            return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
        return new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "in")
                .addSink("Sink", "out", new StringSerializer(), picky, "Source");
    }

    @Test
    void shouldFailOnASerializationErrorByDefaultAndDropTheRecordWhenTheHandlerContinues() {
        try (TestLog log = logWithTopics(1)) {
            log.produce("in", new StringSerializer(), new StringSerializer(), withPoisonAt(10, 2), 1L);
            List<Throwable> seen = new CopyOnWriteArrayList<>();
            try (RunnelStreams streams = new RunnelStreams(failingSerializerTopology(),
                    log.streamsProps("production-fail", dir.resolve("f")))) {
                streams.setUncaughtExceptionHandler(e -> {
                    seen.add(e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                streams.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.ERROR);
                assertThat(seen).singleElement().satisfies(e -> assertThat(e)
                        .hasMessageContaining("Error serializing the value of a record for topic out from node Sink")
                        .hasRootCauseMessage("cannot serialize poison"));
            }
            Properties props = log.streamsProps("production-continue", dir.resolve("c"));
            props.put(StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, CountingContinueHandler.class);
            try (RunnelStreams streams = new RunnelStreams(failingSerializerTopology(), props)) {
                streams.start();
                awaitDone(streams, 1);
                assertThat(CountingContinueHandler.SERIALIZATION.get()).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldPassSendFailuresToTheProductionHandler() {
        try (TestLog log = logWithTopics(1)) {
            List<KeyValue<String, String>> records = new ArrayList<>();
            records.add(KeyValue.pair("small", "x"));
            records.add(KeyValue.pair("big", "y".repeat(4000)));
            records.add(KeyValue.pair("small2", "z"));
            log.produce("in", new StringSerializer(), new StringSerializer(), records, 1L);
            Properties props = log.streamsProps("send-continue", dir.resolve("c"));
            props.put(StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, CountingContinueHandler.class);
            props.put(StreamsConfig.producerPrefix("max.request.size"), 1024);
            try (RunnelStreams streams = new RunnelStreams(poisonTopology(new AtomicBoolean(false)), props)) {
                streams.start();
                awaitDone(streams, 1);
                List<ConsumerRecord<String, String>> out = log.readUntil("out", new StringDeserializer(),
                        new StringDeserializer(), l -> l.size() >= 2, Duration.ofSeconds(10));
                assertThat(out).extracting(ConsumerRecord::key).containsExactly("small", "small2");
                assertThat(CountingContinueHandler.SEND.get()).isEqualTo(1);
            }
        }
    }
}
