package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {

    @Test
    void shouldRejectIllegalNames() {
        assertThatThrownBy(() -> Named.as("has space")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has space");
        assertThatThrownBy(() -> Named.as("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Materialized.as("x".repeat(250))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("249");
        assertThatThrownBy(() -> Grouped.as("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectInvalidWindows() {
        assertThatThrownBy(() -> TimeWindows.ofSizeWithNoGrace(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)).advanceBy(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advance");
        assertThatThrownBy(() -> TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> SessionWindows.ofInactivityGapWithNoGrace(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlidingWindows.ofTimeDifferenceWithNoGrace(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofSeconds(1))
                .before(Duration.ofSeconds(-5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Repartitioned.numberOfPartitions(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suppressed.BufferConfig.maxRecords(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectARetentionShorterThanWindowPlusGrace() {
        StreamsBuilder builder = new StreamsBuilder();
        TimeWindowedKStream<String, String> windowed = builder.<String, String>stream("in").groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        assertThatThrownBy(() -> windowed.count(Materialized.<String, Long, io.runnel.streams.state.WindowStore<io.runnel.common.utils.Bytes, byte[]>>as("w").withRetention(Duration.ofSeconds(90))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
    }

    @Test
    void shouldRejectAWindowStoreSupplierOfTheWrongSizeWhenBuilding() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").groupByKey()
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
                .count(Materialized.as(Stores.persistentTimestampedWindowStore("w", Duration.ofHours(1),
                        Duration.ofMinutes(5), false)));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window size");
    }

    @Test
    void shouldRejectNullArgumentsNamingThem() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> stream = builder.stream("in");
        assertThatThrownBy(() -> stream.filter(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("predicate");
        assertThatThrownBy(() -> stream.mapValues((io.runnel.streams.kstream.ValueMapper<String, String>) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("mapper");
        assertThatThrownBy(() -> stream.to((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("topic");
        assertThatThrownBy(() -> builder.stream(List.<String>of())).isInstanceOf(TopologyException.class);
    }

    @Test
    void shouldRejectReadingATopicTwiceAndDefiningOperatorsAfterBuild() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> in = builder.stream("in");
        builder.stream("in");
        assertThatThrownBy(builder::build).isInstanceOf(TopologyException.class).hasMessageContaining("in");

        StreamsBuilder built = new StreamsBuilder();
        KStream<String, String> s = built.stream("x");
        s.to("y");
        built.build();
        assertThatThrownBy(() -> s.filter((k, v) -> true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already built");
        assertThatThrownBy(() -> in.join(s, (a, b) -> a, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different StreamsBuilders");
    }

    @Test
    void shouldRejectAnEmptyTopology() {
        assertThatThrownBy(() -> new StreamsBuilder().build()).isInstanceOf(TopologyException.class)
                .hasMessageContaining("no nodes");
    }

    @Test
    void shouldRejectAnInvalidDslStoreSetting() {
        java.util.Properties props = new java.util.Properties();
        props.put(io.runnel.streams.StreamsConfig.DEFAULT_DSL_STORE_CONFIG, "cassandra");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        assertThatThrownBy(() -> builder.build(props))
                .isInstanceOf(io.runnel.common.config.ConfigException.class).hasMessageContaining("default.dsl.store");
        Serdes.String().close();
    }
}
