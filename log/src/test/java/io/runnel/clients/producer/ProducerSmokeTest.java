package io.runnel.clients.producer;

import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerSmokeTest {

    @TempDir
    Path dir;

    @Test
    void shouldSendRecords() throws Exception {
        try (EmbeddedLog log = EmbeddedLog.open(dir, Map.of("num.partitions", "3"))) {
            Map<String, Object> props = new HashMap<>();
            props.put("bootstrap.servers", log.bootstrapServers());
            props.put("key.serializer", StringSerializer.class);
            props.put("value.serializer", StringSerializer.class);
            try (RunnelProducer<String, String> p = new RunnelProducer<>(props)) {
                RecordMetadata md = null;
                for (int i = 0; i < 1000; i++) {
                    md = p.send(new ProducerRecord<>("t", "k" + i, "v" + i)).get();
                }
                assertThat(md.offset()).isGreaterThanOrEqualTo(0);
            }
            long total = 0;
            for (int i = 0; i < 3; i++) {
                total += log.logManager().log(new TopicPartition("t", i)).logEndOffset();
            }
            assertThat(total).isEqualTo(1000);
        }
    }
}
