package io.runnel.clients.consumer;

import io.runnel.clients.ClientTestKit;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerSmokeTest {

    @TempDir
    Path dir;

    @Test
    void shouldConsumeWhatWasProduced() {
        try (EmbeddedLog log = EmbeddedLog.open(dir, Map.of("num.partitions", "3"))) {
            try (RunnelProducer<String, String> p = new RunnelProducer<>(ClientTestKit.producerProps(log))) {
                for (int i = 0; i < 1000; i++) {
                    p.send(new ProducerRecord<>("t", "k" + i, "v" + i));
                }
                p.flush();
            }
            int count = 0;
            try (RunnelConsumer<String, String> c = new RunnelConsumer<>(ClientTestKit.consumerProps(log, "g"))) {
                c.subscribe(List.of("t"));
                long deadline = System.currentTimeMillis() + 20_000;
                while (count < 1000 && System.currentTimeMillis() < deadline) {
                    count += c.poll(Duration.ofMillis(100)).count();
                }
                c.commitSync();
                assertThat(c.committed(Set.of(new TopicPartition("t", 0))).get(new TopicPartition("t", 0))).isNotNull();
            }
            assertThat(count).isEqualTo(1000);
        }
    }
}
