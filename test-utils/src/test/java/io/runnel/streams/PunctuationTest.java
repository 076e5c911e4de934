package io.runnel.streams;

import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.LongSerializer;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Both punctuation types on the real runtime, driven by record timestamps and by the mock wall clock. */
class PunctuationTest {

    private static final Instant START = Instant.ofEpochMilli(1_000_000L);

    /** Forwards "stream@T" and "wall@T" on each punctuation, and cancels the wall-clock one on "cancel". */
    static final class Punctuating extends ContextualProcessor<String, String, String, String> {
        private Cancellable wall;

        @Override
        public void init(ProcessorContext<String, String> context) {
            super.init(context);
            context.schedule(Duration.ofSeconds(10), PunctuationType.STREAM_TIME,
                    t -> context.forward(new Record<>("p", "stream@" + t, t)));
            wall = context.schedule(Duration.ofSeconds(5), PunctuationType.WALL_CLOCK_TIME,
                    t -> context.forward(new Record<>("p", "wall@" + (t - START.toEpochMilli()), t)));
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value().equals("cancel")) {
                wall.cancel();
            }
            context().forward(record.withValue("record@" + record.timestamp()));
        }
    }

    private static Topology topology() {
        return new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "input")
                .addProcessor("P", Punctuating::new, "Source")
                .addSink("Sink", "output", new StringSerializer(), new StringSerializer(), "P");
    }

    @Test
    void shouldFireStreamTimePunctuationsInOrderAsRecordsAdvanceStreamTime() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), new Properties(), START)) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("output", new StringDeserializer(),
                    new StringDeserializer());
            in.pipeInput("a", "x", 0L);
            in.pipeInput("a", "x", 5_000L);
            in.pipeInput("a", "x", 12_000L);
            in.pipeInput("a", "x", 11_000L);
            in.pipeInput("a", "x", 35_000L);
            assertThat(out.readValuesToList()).containsExactly(
                    "record@0", "stream@0",
                    "record@5000",
                    "record@12000", "stream@12000",
                    "record@11000",
                    "record@35000", "stream@35000");
            in.pipeInput("a", "x", 39_999L);
            in.pipeInput("a", "x", 40_000L);
            assertThat(out.readValuesToList()).containsExactly("record@39999", "record@40000", "stream@40000");
        }
    }

    @Test
    void shouldFireWallClockPunctuationsWhenTheClockAdvancesEvenWithoutRecords() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), new Properties(), START)) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("output", new StringDeserializer(),
                    new StringDeserializer());
            driver.advanceWallClockTime(Duration.ofMillis(4_999));
            assertThat(out.isEmpty()).isTrue();
            driver.advanceWallClockTime(Duration.ofMillis(1));
            assertThat(out.readValuesToList()).containsExactly("wall@5000");
            // a jump over several intervals fires once, then the schedule stays on its 5 s grid
            driver.advanceWallClockTime(Duration.ofSeconds(17));
            assertThat(out.readValuesToList()).containsExactly("wall@22000");
            driver.advanceWallClockTime(Duration.ofSeconds(3));
            assertThat(out.readValuesToList()).containsExactly("wall@25000");
            in.pipeInput("a", "cancel", 1L);
            driver.advanceWallClockTime(Duration.ofSeconds(30));
            assertThat(out.readValuesToList()).containsExactly("record@1", "stream@1");
        }
    }

    /** Counts records per key in memory and emits the count every 10 s of stream time. */
    static final class CountAndEmit extends ContextualProcessor<String, String, String, Long> {
        private long count;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            super.init(context);
            context.schedule(Duration.ofSeconds(10), PunctuationType.STREAM_TIME, t -> {
                context.forward(new Record<>(context.taskId().toString(), count, t));
            });
        }

        @Override
        public void process(Record<String, String> record) {
            count++;
        }
    }

    @Test
    void shouldKeepStreamTimePerTaskAcrossPartitions() {
        Topology topology = new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "input")
                .addProcessor("P", CountAndEmit::new, "Source")
                .addSink("Sink", "output", new StringSerializer(), new LongSerializer(), "P");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, new Properties(), START, 2)) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, Long> out = driver.createOutputTopic("output", new StringDeserializer(),
                    new LongDeserializer());
            List<TestRecord<String, String>> records = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                records.add(new TestRecord<>("k" + i, "x", Instant.ofEpochMilli(i)));
            }
            in.pipeRecordList(records);
            java.util.Map<String, Long> counts = out.readKeyValuesToMap();
            assertThat(counts).containsOnlyKeys("0_0", "0_1");
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L);
        }
    }
}
