package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.TopologyFingerprint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class NamingTest {

    /** A word count with a windowed count, a join and a suppression: every kind of generated name. */
    private static Topology app(Function<KStream<String, String>, KStream<String, String>> upstream) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> lines = upstream.apply(builder.stream("lines"));
        KGroupedStream<String, String> words = lines
                .flatMapValues(v -> java.util.List.of(v.split(" ")))
                .groupBy((k, w) -> w);
        words.count();
        words.windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1))).count()
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()));
        KTable<String, String> users = builder.table("users");
        lines.selectKey((k, v) -> v).join(users, (l, u) -> l + u).to("out");
        lines.join(lines.mapValues(v -> v + "!"), (a, b) -> a + b, JoinWindows.ofTimeDifferenceWithNoGrace(
                Duration.ofSeconds(1)));
        return builder.build();
    }

    @Test
    void shouldKeepStoreAndTopicNamesWhenAFilterIsAddedUpstream() {
        TopologyFingerprint before = TopologyFingerprint.of(app(s -> s));
        TopologyFingerprint after = TopologyFingerprint.of(app(s -> s.filter((k, v) -> v != null)
                .mapValues(v -> v.trim())));
        assertThat(after.incompatibilitiesWith(before)).isEmpty();
        assertThat(after).isEqualTo(before);
        assertThat(before.names().get("store")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(before.names().get("repartition")).hasSize(3);
    }

    @Test
    void shouldRenameStateWhenTheAggregationItselfChanges() {
        StreamsBuilder a = new StreamsBuilder();
        a.<String, String>stream("in").groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
                .count();
        StreamsBuilder b = new StreamsBuilder();
        b.<String, String>stream("in").groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(5)))
                .count();
        assertThat(TopologyFingerprint.of(b.build()).incompatibilitiesWith(TopologyFingerprint.of(a.build())))
                .isNotEmpty();
    }

    @Test
    void shouldUseKafkaStyleNodeNamesAndStableStoreNames() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").filter((k, v) -> true).groupByKey().count().toStream().to("out",
                Produced.with(Serdes.String(), Serdes.Long()));
        String description = builder.build().describe().toString();
        assertThat(description).contains("Source: KSTREAM-SOURCE-0000000000 (topics: [in])")
                .contains("Processor: KSTREAM-FILTER-0000000001")
                .contains("KSTREAM-AGGREGATE-STATE-STORE-")
                .contains("Sink: KSTREAM-SINK-");
    }

    @Test
    void shouldUseTheNamesUsersGive() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.<String, String>as("source"))
                .filter((k, v) -> true, Named.as("keep-all"))
                .selectKey((k, v) -> v, Named.as("rekey"))
                .groupByKey(Grouped.as("by-value"))
                .count(Named.as("counter"), Materialized.as("value-counts"))
                .toStream(Named.as("changes"))
                .to("out", Produced.<String, Long>as("sink").withValueSerde(Serdes.Long()));
        Topology topology = builder.build();
        String description = topology.describe().toString();
        assertThat(description).contains("Source: source", "Processor: keep-all", "Processor: rekey",
                "Processor: counter (stores: [value-counts])", "Processor: changes", "Sink: sink",
                "by-value-repartition");
        assertThat(TopologyFingerprint.of(topology).text()).contains("store value-counts")
                .contains("repartition by-value-repartition").contains("changelog value-counts-changelog");
    }

    @Test
    void shouldMergeRepartitionTopicsOfOneKeyChangeWhenOptimized() {
        Function<Properties, Topology> build = props -> {
            StreamsBuilder builder = new StreamsBuilder();
            KStream<String, String> rekeyed = builder.<String, String>stream("in").selectKey((k, v) -> v);
            rekeyed.groupByKey().count();
            rekeyed.groupByKey().reduce((a, b) -> a + b);
            return builder.build(props);
        };
        assertThat(TopologyFingerprint.of(build.apply(null)).names().get("repartition")).hasSize(2);
        Properties optimized = new Properties();
        optimized.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        assertThat(TopologyFingerprint.of(build.apply(optimized)).names().get("repartition")).hasSize(1);
    }

    @Test
    void shouldReuseATablesSourceTopicAsChangelogWhenOptimized() {
        Properties optimized = new Properties();
        optimized.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("users", Materialized.as("users-store"));
        assertThat(TopologyFingerprint.of(builder.build(optimized)).names().get("changelog"))
                .containsExactly("users-store <- users");
        StreamsBuilder plain = new StreamsBuilder();
        plain.table("users", Materialized.as("users-store"));
        assertThat(TopologyFingerprint.of(plain.build()).names().get("changelog"))
                .containsExactly("users-store-changelog");
    }

    @Test
    void shouldGiveTwoIdenticalUnnamedAggregationsDistinctNames() {
        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, String> grouped = builder.<String, String>stream("in").groupByKey();
        grouped.count();
        grouped.count();
        assertThat(TopologyFingerprint.of(builder.build()).names().get("store")).hasSize(2);
    }

    @Test
    void shouldKeepBranchStoreNamesWhenABranchIsAddedAfterIt() {
        Function<Boolean, TopologyFingerprint> build = extra -> {
            StreamsBuilder builder = new StreamsBuilder();
            BranchedKStream<String, String> split = builder.<String, String>stream("in").split(Named.as("s-"))
                    .branch((k, v) -> v.startsWith("a"), Branched.withConsumer(b -> b.groupByKey().count()));
            if (extra) {
                split.branch((k, v) -> v.startsWith("b"), Branched.withConsumer(b -> b.groupByKey().count()));
            }
            split.noDefaultBranch();
            return TopologyFingerprint.of(builder.build());
        };
        assertThat(build.apply(true).incompatibilitiesWith(build.apply(false))).isEmpty();
    }

    @Test
    void shouldKeepKeyValueTypesInBuiltTopologyDescription() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").map((k, v) -> KeyValue.pair(v, k)).to("out");
        assertThat(builder.build().describe().subtopologies()).hasSize(1);
    }
}
