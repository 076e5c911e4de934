package io.runnel.streams.kstream;

import io.runnel.common.serialization.IntegerDeserializer;
import io.runnel.common.serialization.IntegerSerializer;
import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.TestInputTopic;
import io.runnel.streams.TestOutputTopic;
import io.runnel.streams.TopologyTestDriver;
import io.runnel.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KTableTest {

    private static final StringSerializer S = new StringSerializer();
    private static final StringDeserializer D = new StringDeserializer();

    @Test
    void shouldUpsertAndDeleteRowsAndForwardUpdatesAsAStream() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> table = builder.table("in", Materialized.as("rows"));
        assertThat(table.queryableStoreName()).isEqualTo("rows");
        table.toStream().to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("a", "1");
            in.pipeInput("a", "2");
            in.pipeInput("b", (String) null);   // tombstone for a missing key: nothing changes
            in.pipeInput("a", (String) null);   // delete
            in.pipeInput(null, "dropped");
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", D, D);
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", "1"), KeyValue.pair("a", "2"),
                    KeyValue.pair("a", null));
            assertThat(driver.getKeyValueStore("rows").get("a")).isNull();
        }
    }

    @Test
    void shouldFilterAndMapValuesForwardingDeletesForRowsThatNoLongerPass() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("in", Consumed.with(Serdes.String(), Serdes.Integer()))
                .filter((k, v) -> v > 10)
                .mapValues(v -> "v" + v)
                .toStream().to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, Integer> in = driver.createInputTopic("in", S, new IntegerSerializer());
            in.pipeInput("a", 5);     // filtered out; nothing was there
            in.pipeInput("a", 20);    // passes
            in.pipeInput("a", 30);    // passes
            in.pipeInput("a", 1);     // stops passing: delete downstream
            in.pipeInput("a", 2);     // still filtered out: nothing
            assertThat(driver.createOutputTopic("out", D, D).readKeyValuesToList()).containsExactly(
                    KeyValue.pair("a", "v20"), KeyValue.pair("a", "v30"), KeyValue.pair("a", null));
        }
    }

    @Test
    void shouldMaterializeAFilterForQueries() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>table("in").filterNot((k, v) -> v.isEmpty(),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("non-empty"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("a", "x");
            in.pipeInput("b", "");
            KeyValueStore<String, String> store = driver.getKeyValueStore("non-empty");
            assertThat(store.get("a")).isEqualTo("x");
            assertThat(store.get("b")).isNull();
        }
    }

    @Test
    void shouldAggregateWithAdderAndSubtractorWhenRowsMoveBetweenGroups() {
        StreamsBuilder builder = new StreamsBuilder();
        // user -> region; count users per region
        builder.<String, String>table("users")
                .groupBy((user, region) -> KeyValue.pair(region, user))
                .count(Materialized.as("per-region"))
                .toStream()
                .to("out", Produced.with(Serdes.String(), Serdes.Long()));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 3)) {
            TestInputTopic<String, String> users = driver.createInputTopic("users", S, S);
            users.pipeInput("alice", "eu");
            users.pipeInput("bob", "eu");
            users.pipeInput("carol", "us");
            users.pipeInput("alice", "us");           // moves: eu -1, us +1
            users.pipeInput("bob", (String) null);    // leaves: eu -1
            KeyValueStore<String, Long> counts = driver.getKeyValueStore("per-region");
            assertThat(counts.get("eu")).isEqualTo(0L);
            assertThat(counts.get("us")).isEqualTo(2L);
            TestOutputTopic<String, Long> out = driver.createOutputTopic("out", D, new LongDeserializer());
            assertThat(out.readKeyValuesToMap()).containsEntry("eu", 0L).containsEntry("us", 2L);
        }
    }

    @Test
    void shouldReduceWithinTheSameGroupInOneUpdate() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("scores", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupBy((player, score) -> KeyValue.pair("total", score),
                        Grouped.with(Serdes.String(), Serdes.Integer()))
                .reduce(Integer::sum, (a, b) -> a - b)
                .toStream()
                .to("out", Produced.with(Serdes.String(), Serdes.Integer()));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, Integer> in = driver.createInputTopic("scores", S, new IntegerSerializer());
            in.pipeInput("p1", 10);
            in.pipeInput("p2", 5);
            in.pipeInput("p1", 12);
            assertThat(driver.createOutputTopic("out", D, new IntegerDeserializer()).readValuesToList())
                    .containsExactly(10, 15, 17);
        }
    }

    @Test
    void shouldAggregateGroupedTablesWithInitializer() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>table("in")
                .groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), k))
                .aggregate(() -> "", (g, k, agg) -> agg + "+" + k, (g, k, agg) -> agg + "-" + k,
                        Materialized.as("letters"));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("k1", "apple");
            in.pipeInput("k2", "avocado");
            in.pipeInput("k1", "banana");
            KeyValueStore<String, String> store = driver.getKeyValueStore("letters");
            assertThat(store.get("a")).isEqualTo("+k1+k2-k1");
            assertThat(store.get("b")).isEqualTo("+k1");
        }
    }

    @Test
    void shouldEmitAtMostOneUpdatePerKeyPerTimeLimit() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>table("in")
                .suppress(Suppressed.untilTimeLimit(Duration.ofSeconds(10), Suppressed.BufferConfig.maxRecords(100)))
                .toStream().to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", D, D);
            in.pipeInput("a", "1", 0L);
            in.pipeInput("a", "2", 5_000L);
            in.pipeInput("b", "x", 6_000L);
            assertThat(out.isEmpty()).isTrue();
            in.pipeInput("c", "y", 10_000L);   // a's first update was at 0: its wait is over
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", "2"));
            in.pipeInput("c", "z", 16_000L);
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("b", "x"));
        }
    }

    @Test
    void shouldEmitEarlyWhenAnEagerBufferIsFull() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>table("in")
                .suppress(Suppressed.untilTimeLimit(Duration.ofHours(1), Suppressed.BufferConfig.maxRecords(2)))
                .toStream().to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            in.pipeInput("a", "1", 0L);
            in.pipeInput("b", "2", 1L);
            in.pipeInput("c", "3", 2L);
            assertThat(driver.createOutputTopic("out", D, D).readKeyValuesToList())
                    .containsExactly(KeyValue.pair("a", "1"));
        }
    }

    @Test
    void shouldRejectFinalResultsSuppressionOfATableWithoutWindows() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<Windowed<String>, String> table = builder.<Windowed<String>, String>table("in");
        assertThatThrownBy(() -> table.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowed KTable");
    }
}
