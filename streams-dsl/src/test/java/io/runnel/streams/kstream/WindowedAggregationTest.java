package io.runnel.streams.kstream;

import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.TestInputTopic;
import io.runnel.streams.TestOutputTopic;
import io.runnel.streams.TestRecord;
import io.runnel.streams.TopologyTestDriver;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.SessionStore;
import io.runnel.streams.state.ValueAndTimestamp;
import io.runnel.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class WindowedAggregationTest {

    private static final StringSerializer S = new StringSerializer();
    private static final StringDeserializer D = new StringDeserializer();
    private static final long MIN = 60_000L;

    private static String window(Windowed<String> w) {
        return w.key() + "@" + w.window().start() + "/" + w.window().end();
    }

    @Test
    void shouldCountInTumblingWindowsAcceptingOutOfOrderRecordsWithinGraceAndDroppingLaterOnes() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofSeconds(30)))
                .count(Materialized.as("counts"))
                .toStream()
                .to("out", Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, MIN), Serdes.Long()));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("k", "a", 10_000L);             // [0, 60s)
            in.pipeInput("k", "b", 70_000L);             // [60s, 120s), stream time 70s
            in.pipeInput("k", "c", 50_000L);             // late but within grace (closes at 90s)
            in.pipeInput("k", "d", 95_000L);             // stream time 95s: [0, 60s) closed
            in.pipeInput("k", "e", 20_000L);             // beyond grace: dropped
            TestOutputTopic<Windowed<String>, Long> out = driver.createOutputTopic("out",
                    new TimeWindowedDeserializerFor(MIN), new LongDeserializer());
            List<String> updates = new ArrayList<>();
            for (TestRecord<Windowed<String>, Long> r : out.readRecordsToList()) {
                updates.add(window(r.key()) + "=" + r.value());
            }
            assertThat(updates).containsExactly("k@0/60000=1", "k@60000/120000=1", "k@0/60000=2",
                    "k@60000/120000=2");
            WindowStore<String, ValueAndTimestamp<Long>> store = driver.getTimestampedWindowStore("counts");
            assertThat(store.fetch("k", 0L).value()).isEqualTo(2L);
            assertThat(store.fetch("k", 60_000L).value()).isEqualTo(2L);
        }
    }

    @Test
    void shouldCountInHoppingWindowsAcrossThreePartitions() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupBy((k, v) -> v)
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(2)).advanceBy(Duration.ofMinutes(1)))
                .count(Materialized.as("hops"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("1", "x", 30_000L);
            in.pipeInput("2", "y", 90_000L);
            in.pipeInput("3", "x", 100_000L);
            WindowStore<String, ValueAndTimestamp<Long>> store = driver.getTimestampedWindowStore("hops");
            Map<String, Long> all = new TreeMap<>();
            try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<Long>> it = store.all()) {
                it.forEachRemaining(kv -> all.put(window(kv.key), kv.value.value()));
            }
            assertThat(all).containsExactly(Map.entry("x@0/120000", 2L), Map.entry("x@60000/180000", 1L),
                    Map.entry("y@0/120000", 1L), Map.entry("y@60000/180000", 1L));
        }
    }

    @Test
    void shouldAggregateInSlidingWindows() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .aggregate(() -> "", (k, v, agg) -> agg + v,
                        Materialized.<String, String, io.runnel.streams.state.WindowStore<Bytes, byte[]>>as("slide")
                                .withValueSerde(Serdes.String()));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("k", "a", 20_000L);
            in.pipeInput("k", "b", 25_000L);
            in.pipeInput("k", "c", 40_000L);
            in.pipeInput("k", "d", 22_000L); // out of order, within grace
            WindowStore<String, ValueAndTimestamp<String>> store = driver.getTimestampedWindowStore("slide");
            Map<String, String> all = new TreeMap<>();
            try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<String>> it = store.all()) {
                it.forEachRemaining(kv -> all.put(kv.key.window().start() + "-" + kv.key.window().end(),
                        sorted(kv.value.value())));
            }
            // left windows [t-10s, t] of every record, and right windows [p+1, p+1+10s] that hold records
            assertThat(all).containsExactly(
                    Map.entry("10000-20000", "a"),
                    Map.entry("12000-22000", "ad"),
                    Map.entry("15000-25000", "abd"),
                    Map.entry("20001-30001", "bd"),
                    Map.entry("22001-32001", "b"),
                    Map.entry("30000-40000", "c"));
        }
    }

    private static String sorted(String s) {
        char[] c = s.toCharArray();
        java.util.Arrays.sort(c);
        return new String(c);
    }

    @Test
    void shouldMergeSessionsAndDeleteTheMergedOnes() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .count(Materialized.as("sessions"))
                .toStream()
                .map((w, c) -> KeyValue.pair(window(w), c == null ? "deleted" : String.valueOf(c)))
                .to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("u", "click", 1_000L);
            in.pipeInput("u", "click", 10_000L);
            in.pipeInput("u", "click", 5_500L); // joins both sessions
            assertThat(driver.createOutputTopic("out", D, D).readKeyValuesToList()).containsExactly(
                    KeyValue.pair("u@1000/1000", "1"),
                    KeyValue.pair("u@10000/10000", "1"),
                    KeyValue.pair("u@1000/1000", "deleted"),
                    KeyValue.pair("u@10000/10000", "deleted"),
                    KeyValue.pair("u@1000/10000", "3"));
            SessionStore<String, Long> store = driver.getSessionStore("sessions");
            assertThat(store.fetchSession("u", 1_000L, 10_000L)).isEqualTo(3L);
        }
    }

    @Test
    void shouldEmitOnlyFinalWindowResultsWithSuppress() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofSeconds(10)))
                .count()
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                .toStream()
                .map((w, c) -> KeyValue.pair(window(w), String.valueOf(c)))
                .to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", D, D);
            in.pipeInput("k", "a", 1_000L);
            in.pipeInput("k", "b", 2_000L);
            in.pipeInput("j", "c", 65_000L);
            assertThat(out.isEmpty()).isTrue();
            in.pipeInput("j", "d", 69_999L);  // stream time 69.999s < 60s + 10s
            assertThat(out.isEmpty()).isTrue();
            in.pipeInput("j", "e", 70_000L);  // window [0, 60s) closes
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("k@0/60000", "2"));
        }
    }

    /** Kafka's time-windowed layout with a fixed size. */
    static final class TimeWindowedDeserializerFor extends TimeWindowedDeserializer<String> {
        TimeWindowedDeserializerFor(long size) {
            super(new StringDeserializer(), size);
        }
    }

    @Test
    void shouldWriteWindowedKeysWithTheDefaultInnerSerdeWhenNoneIsGiven() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
                .reduce((a, b) -> a + b)
                .toStream()
                .to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 2)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("k", "a", 1_000L);
            in.pipeInput("k", "b", 2_000L);
            TestOutputTopic<Windowed<String>, String> out = driver.createOutputTopic("out",
                    new TimeWindowedDeserializerFor(MIN), D);
            assertThat(out.readKeyValuesToList()).extracting(kv -> window(kv.key) + "=" + kv.value)
                    .containsExactly("k@0/60000=a", "k@0/60000=ab");
        }
    }

    @Test
    void shouldReduceAndAggregateSessions() {
        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, String> grouped = builder.<String, String>stream("in").groupByKey();
        SessionWindows sessions = SessionWindows.ofInactivityGapAndGrace(Duration.ofSeconds(5), Duration.ofSeconds(10));
        grouped.windowedBy(sessions).reduce((a, b) -> a + b, Materialized.as("reduced"));
        grouped.windowedBy(sessions)
                .aggregate(() -> "", (k, v, agg) -> agg + v.toUpperCase(), (k, a, b) -> a + "|" + b,
                        Materialized.as("aggregated"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("k", "a", 0L);
            in.pipeInput("k", "c", 8_000L);
            in.pipeInput("k", "b", 4_000L);
            SessionStore<String, String> reduced = driver.getSessionStore("reduced");
            assertThat(reduced.fetchSession("k", 0L, 8_000L)).isEqualTo("acb");
            SessionStore<String, String> aggregated = driver.getSessionStore("aggregated");
            assertThat(aggregated.fetchSession("k", 0L, 8_000L)).isEqualTo("|A|CB");
        }
    }

    @Test
    void shouldNotExtendASessionThatHasClosed() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(Duration.ofSeconds(5)))
                .reduce((a, b) -> a + b, Materialized.as("sessions"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("k", "a", 0L);
            in.pipeInput("k", "c", 8_000L);   // [0, 0] closes at 0 + 5s gap
            in.pipeInput("k", "b", 4_000L);   // joins [8s, 8s] only
            SessionStore<String, String> store = driver.getSessionStore("sessions");
            assertThat(store.fetchSession("k", 4_000L, 8_000L)).isEqualTo("cb");
            assertThat(store.fetchSession("k", 0L, 8_000L)).isNull();
        }
    }

    @Test
    void shouldBuildInMemoryStoresWhenTheDslStoreSettingSaysSo() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1))).count(Materialized.as("w"));
        java.util.Properties props = DslTestSupport.props();
        props.put(io.runnel.streams.StreamsConfig.DEFAULT_DSL_STORE_CONFIG, io.runnel.streams.StreamsConfig.IN_MEMORY);
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(props), props, 1)) {
            driver.createInputTopic("in", S, S).pipeInput("k", "v", 1L);
            assertThat(driver.getStateStore("w").persistent()).isFalse();
            assertThat(driver.getTimestampedWindowStore("w").fetch("k", 0L).value()).isEqualTo(1L);
        }
    }
}
