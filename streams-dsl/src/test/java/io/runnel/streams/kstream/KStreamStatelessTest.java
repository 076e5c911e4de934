package io.runnel.streams.kstream;

import io.runnel.common.serialization.IntegerDeserializer;
import io.runnel.common.serialization.IntegerSerializer;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.TestInputTopic;
import io.runnel.streams.TestOutputTopic;
import io.runnel.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KStreamStatelessTest {

    private static final StringSerializer S = new StringSerializer();
    private static final StringDeserializer D = new StringDeserializer();

    @Test
    void shouldFilterLongValuesLikeTheSeedExample() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").filter((k, v) -> v.length() > 5).to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", S, S);
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", D, D);
            in.pipeInput("a", "short");
            in.pipeInput("b", "longer value");
            in.pipeInput("c", "tiny");
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("b", "longer value"));
        }
    }

    @Test
    void shouldFilterNotMapAndMapValues() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> in = builder.stream("in");
        in.filterNot((k, v) -> v.startsWith("x"))
                .map((k, v) -> KeyValue.pair(v, k))
                .mapValues(v -> v.toUpperCase())
                .mapValues((k, v) -> k + ":" + v)
                .to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> input = driver.createInputTopic("in", S, S);
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", D, D);
            input.pipeInput("k1", "v1");
            input.pipeInput("k2", "xv2");
            input.pipeInput("k3", "v3");
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("v1", "v1:K1"),
                    KeyValue.pair("v3", "v3:K3"));
        }
    }

    @Test
    void shouldFlatMapFlatMapValuesSelectKeyAndKeepTimestamps() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in")
                .flatMapValues(v -> Arrays.asList(v.split(" ")))
                .flatMapValues((k, v) -> List.of(v, v + "!"))
                .flatMap((k, v) -> List.of(KeyValue.pair(v, k)))
                .selectKey((k, v) -> k + "@" + v)
                .to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> input = driver.createInputTopic("in", S, S);
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", D, D);
            input.pipeInput("k", "a b", 42L);
            List<io.runnel.streams.TestRecord<String, String>> records = out.readRecordsToList();
            assertThat(records).extracting(r -> r.key() + "=" + r.value() + "@" + r.timestamp())
                    .containsExactly("a@k=k@42", "a!@k=k@42", "b@k=k@42", "b!@k=k@42");
        }
    }

    @Test
    void shouldPeekAndForeachSeeEveryRecord() {
        List<String> peeked = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> in = builder.stream("in");
        in.peek((k, v) -> peeked.add(k + v)).to("out");
        in.foreach((k, v) -> seen.add(v));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> input = driver.createInputTopic("in", S, S);
            input.pipeInput("a", "1");
            input.pipeInput("b", "2");
            assertThat(peeked).containsExactly("a1", "b2");
            assertThat(seen).containsExactly("1", "2");
            assertThat(driver.createOutputTopic("out", D, D).readValuesToList()).containsExactly("1", "2");
        }
    }

    @Test
    void shouldSplitIntoNamedBranchesWithADefault() {
        StreamsBuilder builder = new StreamsBuilder();
        List<String> consumed = new ArrayList<>();
        java.util.Map<String, KStream<String, Integer>> branches = builder
                .stream("in", Consumed.with(Serdes.String(), Serdes.Integer()))
                .split(Named.as("num-"))
                .branch((k, v) -> v < 0, Branched.as("negative"))
                .branch((k, v) -> v == 0, Branched.withConsumer(s -> s.foreach((k, v) -> consumed.add(k))))
                .branch((k, v) -> v > 100, Branched.withFunction(s -> s.mapValues(v -> v / 100), "big"))
                .defaultBranch(Branched.as("other"));
        assertThat(branches).containsOnlyKeys("num-negative", "num-big", "num-other");
        branches.get("num-negative").to("neg", Produced.with(Serdes.String(), Serdes.Integer()));
        branches.get("num-big").to("big", Produced.with(Serdes.String(), Serdes.Integer()));
        branches.get("num-other").to("other", Produced.with(Serdes.String(), Serdes.Integer()));
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, Integer> input = driver.createInputTopic("in", S, new IntegerSerializer());
            input.pipeInput("a", -1);
            input.pipeInput("b", 0);
            input.pipeInput("c", 500);
            input.pipeInput("d", 7);
            input.pipeInput("e", -5);
            assertThat(driver.createOutputTopic("neg", D, new IntegerDeserializer()).readValuesToList())
                    .containsExactly(-1, -5);
            assertThat(driver.createOutputTopic("big", D, new IntegerDeserializer()).readValuesToList())
                    .containsExactly(5);
            assertThat(driver.createOutputTopic("other", D, new IntegerDeserializer()).readValuesToList())
                    .containsExactly(7);
            assertThat(consumed).containsExactly("b");
        }
    }

    @Test
    void shouldNumberUnnamedBranchesAndDropUnmatchedRecordsWithoutDefault() {
        StreamsBuilder builder = new StreamsBuilder();
        java.util.Map<String, KStream<String, String>> branches = builder.<String, String>stream("in").split()
                .branch((k, v) -> v.startsWith("a"))
                .branch((k, v) -> v.startsWith("b"))
                .noDefaultBranch();
        assertThat(branches).containsOnlyKeys("1", "2");
        branches.get("1").to("a");
        branches.get("2").to("b");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> input = driver.createInputTopic("in", S, S);
            input.pipeInput("k", "apple");
            input.pipeInput("k", "banana");
            input.pipeInput("k", "cherry");
            input.pipeInput("k", "avocado");
            assertThat(driver.createOutputTopic("a", D, D).readValuesToList()).containsExactly("apple", "avocado");
            assertThat(driver.createOutputTopic("b", D, D).readValuesToList()).containsExactly("banana");
        }
    }

    @Test
    void shouldMergeTwoStreams() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> a = builder.stream("a");
        KStream<String, String> b = builder.stream("b");
        a.merge(b).mapValues(v -> v + "!").to("out");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            driver.createInputTopic("a", S, S).pipeInput("k", "from-a", 1L);
            driver.createInputTopic("b", S, S).pipeInput("k", "from-b", 2L);
            assertThat(driver.createOutputTopic("out", D, D).readValuesToList())
                    .containsExactlyInAnyOrder("from-a!", "from-b!");
        }
    }

    @Test
    void shouldWriteToTopicsChosenPerRecord() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").to((k, v, ctx) -> v.startsWith("x") ? "xs" : "others");
        try (TopologyTestDriver driver = DslTestSupport.driver(builder.build(), 1)) {
            TestInputTopic<String, String> input = driver.createInputTopic("in", S, S);
            input.pipeInput("k", "x1");
            input.pipeInput("k", "y1");
            input.pipeInput("k", "x2");
            assertThat(driver.createOutputTopic("xs", D, D).readValuesToList()).containsExactly("x1", "x2");
            assertThat(driver.createOutputTopic("others", D, D).readValuesToList()).containsExactly("y1");
        }
    }
}
