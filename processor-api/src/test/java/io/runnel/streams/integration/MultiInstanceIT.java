package io.runnel.streams.integration;

import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StoreQueryParameters;
import io.runnel.streams.TaskMetadata;
import io.runnel.streams.ThreadMetadata;
import io.runnel.streams.Topology;
import io.runnel.streams.errors.LockException;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyKeyValueStore;
import io.runnel.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Two instances of one application in one JVM share the tasks and take over each other's. */
class MultiInstanceIT {

    @TempDir
    Path dir;

    private static Topology topology() {
        return new Topology()
                .addSource("Source", new StringDeserializer(), new StringDeserializer(), "events")
                .addProcessor("Count", () -> new CountProcessor("counts"), "Source")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"), Serdes.String(),
                        Serdes.Long()), "Count")
                .addSink("Sink", "event-counts", Serdes.String().serializer(), Serdes.Long().serializer(), "Count");
    }

    private static Set<TaskId> tasks(RunnelStreams streams) {
        Set<TaskId> ids = new HashSet<>();
        for (ThreadMetadata t : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : t.activeTasks()) {
                ids.add(task.taskId());
            }
        }
        return ids;
    }

    private static List<KeyValue<String, String>> events(int n) {
        List<KeyValue<String, String>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(KeyValue.pair("k" + (i % 40), "e"));
        }
        return list;
    }

    private static long total(RunnelStreams streams) {
        ReadOnlyKeyValueStore<String, Long> view = streams.store(StoreQueryParameters.fromNameAndType("counts",
                QueryableStoreTypes.keyValueStore()));
        long sum = 0;
        try (var it = view.all()) {
            while (it.hasNext()) {
                sum += it.next().value;
            }
        }
        return sum;
    }

    @Test
    void shouldShareTasksBetweenTwoInstancesAndTakeOverWhenOneCloses() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("events", 4);
            log.createTopic("event-counts", 4);
            log.produce("events", new StringSerializer(), new StringSerializer(), events(400), 5L);
            RunnelStreams a = new RunnelStreams(topology(), log.streamsProps("shared-app", dir.resolve("a")));
            RunnelStreams b = new RunnelStreams(topology(), log.streamsProps("shared-app", dir.resolve("b")));
            try {
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> a.state() == RunnelStreams.State.RUNNING
                        && b.state() == RunnelStreams.State.RUNNING && !tasks(a).isEmpty() && !tasks(b).isEmpty()
                        && tasks(a).size() + tasks(b).size() == 4);
                assertThat(tasks(a)).doesNotContainAnyElementsOf(tasks(b));
                await().atMost(Duration.ofSeconds(30)).until(() -> a.inputLags().values().stream()
                        .allMatch(l -> l == 0) && b.inputLags().values().stream().allMatch(l -> l == 0)
                        && total(a) + total(b) == 400);

                b.close();
                assertThat(b.state()).isEqualTo(RunnelStreams.State.NOT_RUNNING);
                await().atMost(Duration.ofSeconds(30)).until(() -> a.state() == RunnelStreams.State.RUNNING
                        && tasks(a).size() == 4);
                log.produce("events", new StringSerializer(), new StringSerializer(), events(400), 6L);
                await().atMost(Duration.ofSeconds(30)).until(() -> a.state() == RunnelStreams.State.RUNNING
                        && a.inputLags().size() == 4 && a.inputLags().values().stream().allMatch(l -> l == 0)
                        && total(a) == 800);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @Test
    void shouldRefuseASecondInstanceOnTheSameStateDirectory() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("events", 1);
            log.createTopic("event-counts", 1);
            try (RunnelStreams a = new RunnelStreams(topology(), log.streamsProps("locked-app", dir.resolve("s")));
                 RunnelStreams b = new RunnelStreams(topology(), log.streamsProps("locked-app", dir.resolve("s")))) {
                a.start();
                assertThatThrownBy(b::start).isInstanceOf(LockException.class)
                        .hasMessageContaining("is in use by another instance");
                assertThat(b.state()).isEqualTo(RunnelStreams.State.ERROR);
            }
        }
    }
}
