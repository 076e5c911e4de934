package io.runnel.streams.processor.internals;

import io.runnel.streams.errors.MissingSourceTopicException;
import io.runnel.streams.errors.TopologyException;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.Record;
import io.runnel.common.serialization.Serdes;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalTopicManagerTest {

    static final class Noop implements Processor<Object, Object, Object, Object> {
        @Override
        public void process(Record<Object, Object> record) {
        }
    }

    /** input -> (sub 0) -> app-r1-repartition -> (sub 1, with store) -> app-r2-repartition -> (sub 2). */
    private static InternalTopologyBuilder chain(Integer fixed) {
        InternalTopologyBuilder b = new InternalTopologyBuilder();
        b.addSource(null, "S0", null, null, null, "input");
        b.addSink("K0", "r1-repartition", null, null, null, "S0");
        b.addSource(null, "S1", null, null, null, "r1-repartition");
        b.addProcessor("P1", Noop::new, "S1");
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("agg"), Serdes.String(),
                Serdes.Long()), "P1");
        b.addSink("K1", "r2-repartition", null, null, null, "P1");
        b.addSource(null, "S2", null, null, null, "r2-repartition");
        b.addProcessor("P2", Noop::new, "S2");
        b.addInternalTopic("r1-repartition", null);
        b.addInternalTopic("r2-repartition", fixed);
        b.setApplicationId("app");
        return b;
    }

    @Test
    void shouldInheritRepartitionPartitionCountsThroughSubtopologies() {
        InternalTopicManager.Layout layout = InternalTopicManager.resolve(chain(null), Map.of("input", 5));
        assertThat(layout.topicPartitions()).containsEntry("app-r1-repartition", 5)
                .containsEntry("app-r2-repartition", 5);
        assertThat(layout.tasksPerSubtopology()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 5, 1, 5, 2, 5));
        InternalTopicConfig changelog = layout.internalTopics().get("app-agg-changelog");
        assertThat(changelog.numberOfPartitions()).isEqualTo(5);
        assertThat(changelog.topicConfigs()).containsEntry("cleanup.policy", "compact");
        assertThat(layout.internalTopics().get("app-r1-repartition").topicConfigs())
                .containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
    }

    @Test
    void shouldKeepAFixedRepartitionCount() {
        InternalTopicManager.Layout layout = InternalTopicManager.resolve(chain(2), Map.of("input", 5));
        assertThat(layout.topicPartitions()).containsEntry("app-r2-repartition", 2);
        assertThat(layout.tasksPerSubtopology()).containsEntry(2, 2);
    }

    @Test
    void shouldNameMissingSourceTopics() {
        assertThatThrownBy(() -> InternalTopicManager.resolve(chain(null), Map.of()))
                .isInstanceOf(MissingSourceTopicException.class).hasMessageContaining("[input]");
    }

    @Test
    void shouldNameTheTopicsAndCountsThatAreNotCopartitioned() {
        InternalTopologyBuilder b = new InternalTopologyBuilder();
        b.addSource(null, "A", null, null, null, "orders");
        b.addSource(null, "B", null, null, null, "customers");
        b.addProcessor("J", Noop::new, "A", "B");
        b.copartitionSources(List.of("A", "B"));
        b.setApplicationId("app");
        assertThatThrownBy(() -> InternalTopicManager.resolve(b, Map.of("orders", 4, "customers", 6)))
                .isInstanceOf(TopologyException.class)
                .hasMessage("Invalid topology: Topics not co-partitioned: [customers:6, orders:4]. Topics joined or"
                        + " merged by key must have the same number of partitions; repartition one of them (or"
                        + " re-create it) so that the counts match.");
    }

    @Test
    void shouldGiveARepartitionTopicInACopartitionGroupTheGroupsCount() {
        InternalTopologyBuilder b = new InternalTopologyBuilder();
        b.addSource(null, "In", null, null, null, "raw");
        b.addSink("ToRekey", "rekeyed-repartition", null, null, null, "In");
        b.addSource(null, "A", null, null, null, "orders");
        b.addSource(null, "C", null, null, null, "rekeyed-repartition");
        b.addProcessor("J", Noop::new, "A", "C");
        b.addInternalTopic("rekeyed-repartition", null);
        b.copartitionSources(List.of("A", "C"));
        b.setApplicationId("app");
        InternalTopicManager.Layout layout = InternalTopicManager.resolve(b, Map.of("orders", 4, "raw", 9));
        assertThat(layout.topicPartitions()).containsEntry("app-rekeyed-repartition", 4);
    }
}
