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
import io.runnel.streams.Topology;
import io.runnel.streams.TopologyTestDriver;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KGroupedStreamTest {

    private static final StringSerializer S = new StringSerializer();
    private static final StringDeserializer D = new StringDeserializer();

    private static Topology wordCount(StreamsBuilder builder) {
        builder.<String, String>stream("lines")
                .flatMapValues(line -> Arrays.asList(line.toLowerCase().split("\\W+")))
                .groupBy((k, word) -> word)
                .count(Materialized.as("counts"))
                .toStream()
                .to("counts-out", Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    @Test
    void shouldCountWordsThroughARepartitionTopicOnThreePartitions() {
        try (TopologyTestDriver driver = DslTestSupport.driver(wordCount(new StreamsBuilder()), 3)) {
            TestInputTopic<String, String> lines = driver.createInputTopic("lines", S, S);
            lines.pipeInput("l1", "the quick brown fox");
            lines.pipeInput("l2", "the lazy dog");
            lines.pipeInput("l3", "The fox");
            TestOutputTopic<String, Long> out = driver.createOutputTopic("counts-out", D, new LongDeserializer());
            Map<String, Long> latest = out.readKeyValuesToMap();
            assertThat(latest).containsEntry("the", 3L).containsEntry("fox", 2L).containsEntry("dog", 1L)
                    .containsEntry("quick", 1L).hasSize(6);
            KeyValueStore<String, ValueAndTimestamp<Long>> store = driver.getTimestampedKeyValueStore("counts");
            assertThat(store.get("the").value()).isEqualTo(3L);
        }
    }

    @Test
    void shouldEmitEveryUpdateWithTheOldAggregateBehindItWhenTheCacheIsOff() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .aggregate(() -> "", (k, v, agg) -> agg + v, Materialized.with(Serdes.String(), Serdes.String()))
                .toStream().to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("a", "1", 10L);
            in.pipeInput("a", "2", 5L);
            in.pipeInput("b", "3", 7L);
            assertThat(driver.createOutputTopic("out", D, D).readRecordsToList())
                    .extracting(r -> r.key() + "=" + r.value() + "@" + r.timestamp())
                    .containsExactly("a=1@10", "a=12@10", "b=3@7");
        }
    }

    @Test
    void shouldReduceAndDropNullKeysAndValues() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey().reduce((a, b) -> a + "+" + b).toStream().to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("a", "x");
            in.pipeInput(null, "ignored");
            in.pipeInput("a", (String) null);
            in.pipeInput("a", "y");
            assertThat(driver.createOutputTopic("out", D, D).readValuesToList()).containsExactly("x", "x+y");
        }
    }

    @Test
    void shouldThinUpdatesThroughTheCacheUntilCommit() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey().count().toStream()
                .to("out", Produced.with(Serdes.String(), Serdes.Long()));
        java.util.Properties props = DslTestSupport.props();
        props.put(io.runnel.streams.StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 1024L * 1024);
        props.put(io.runnel.streams.StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10_000L);
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), props, 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            for (int i = 0; i < 5; i++) {
                in.pipeInput("a", "v" + i);
            }
            in.pipeInput("b", "v");
            TestOutputTopic<String, Long> out = driver.createOutputTopic("out", D, new LongDeserializer());
            assertThat(out.isEmpty()).isTrue();
            driver.advanceWallClockTime(java.time.Duration.ofSeconds(10));
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 5L), KeyValue.pair("b", 1L));
        }
    }

    @Test
    void shouldNameTheRepartitionTopicAfterGroupedAndUseItsSerdes() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .selectKey((k, v) -> v)
                .groupByKey(Grouped.as("by-value"))
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("by-value-counts"));
        Topology topology = builder.build();
        assertThat(topology.describe().toString()).contains("by-value-repartition");
        assertThat(io.runnel.streams.TopologyFingerprint.of(topology).names().get("repartition"))
                .containsExactly("by-value-repartition");
    }
}
