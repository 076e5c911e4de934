package io.runnel.samples.clients;

import io.runnel.clients.admin.ConfigEntry;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.admin.TopicDescription;
import io.runnel.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** AdminInspection on a log with two topics, one with a topic-level setting. */
class AdminInspectionIT {

    @TempDir
    Path dir;

    @Test
    void shouldListAndDescribeTopicsWithTheirPartitionsAndConfigSources() throws Exception {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic(SimpleProducer.TOPIC_NAME, 3);
            log.admin().createTopics(List.of(new NewTopic("compacted", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
            log.produce(SimpleProducer.TOPIC_NAME, List.of("a", "b"), "v"); // no offsets topic: no group

            AdminInspection.Inspection inspection = AdminInspection.inspect(
                    AdminInspection.config(log.bootstrapServers()));

            assertThat(inspection.nodes()).hasSize(1);
            assertThat(inspection.clusterId()).isNotBlank();
            assertThat(inspection.brokerConfig().get("log.dir").value()).contains(dir.getFileName().toString());
            assertThat(inspection.topics()).containsOnlyKeys("compacted", "test");
            TopicDescription test = inspection.topics().get("test");
            assertThat(test.partitions()).extracting(TopicPartitionInfo::partition).containsExactly(0, 1, 2);
            assertThat(test.partitions()).allSatisfy(p -> assertThat(p.leader().id()).isZero());
            ConfigEntry policy = inspection.topicConfigs().get("compacted").get("cleanup.policy");
            assertThat(policy.value()).isEqualTo("compact");
            assertThat(policy.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(inspection.topicConfigs().get("test").get("cleanup.policy").isDefault()).isTrue();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                AdminInspection.print(inspection);
            } finally {
                System.setOut(stdout);
            }
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("topic test", "  partition 2: leader 0", "cleanup.policy=compact (DYNAMIC_TOPIC_CONFIG)");
        }
    }
}
