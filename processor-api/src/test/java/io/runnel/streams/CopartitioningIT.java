package io.runnel.streams;

import io.runnel.streams.errors.MissingSourceTopicException;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.integration.TestLog;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Co-partitioning and internal topics are checked and created before any thread starts. */
class CopartitioningIT {

    @TempDir
    Path dir;

    static final class Noop implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    private static Topology joinLike() {
        Topology topology = new Topology()
                .addSource("Left", "left")
                .addSource("Right", "right")
                .addProcessor("Join", Noop::new, "Left", "Right");
        topology.internalTopologyBuilder.copartitionSources(List.of("Left", "Right"));
        return topology;
    }

    @Test
    void shouldFailToStartWhenCopartitionedTopicsDifferInPartitionCount() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("left", 2);
            log.createTopic("right", 3);
            try (RunnelStreams streams = new RunnelStreams(joinLike(), log.streamsProps("copart", dir.resolve("s")))) {
                assertThatThrownBy(streams::start)
                        .isInstanceOf(TopologyException.class)
                        .hasMessageStartingWith("Invalid topology: Topics not co-partitioned: [left:2, right:3]");
                assertThat(streams.state()).isEqualTo(RunnelStreams.State.ERROR);
            }
        }
    }

    @Test
    void shouldFailToStartWhenASourceTopicIsMissing() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("left", 2);
            try (RunnelStreams streams = new RunnelStreams(joinLike(), log.streamsProps("missing", dir.resolve("s")))) {
                assertThatThrownBy(streams::start)
                        .isInstanceOf(MissingSourceTopicException.class)
                        .hasMessageContaining("[right]");
            }
        }
    }

    @Test
    void shouldCreateRepartitionTopicsWithTheUpstreamPartitionCountAndSizeTheirTasks() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("input", 3);
            Topology topology = new Topology()
                    .addSource("Source", "input")
                    .addSink("ToRepartition", "by-key-repartition", "Source")
                    .addSource("FromRepartition", "by-key-repartition")
                    .addProcessor("P", Noop::new, "FromRepartition");
            topology.internalTopologyBuilder.addInternalTopic("by-key-repartition", null);
            assertThat(topology.describe().toString()).contains("(topics: [by-key-repartition])");
            try (RunnelStreams streams = new RunnelStreams(topology, log.streamsProps("rep", dir.resolve("s")))) {
                streams.start();
                assertThat(log.topics()).contains("rep-by-key-repartition");
                assertThat(log.partitions("rep-by-key-repartition")).isEqualTo(3);
                assertThat(topology.describe().toString()).contains("(topics: [rep-by-key-repartition])");
            }
        }
    }
}
