package io.runnel.streams.integration;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.processor.api.ContextualProcessor;
import io.runnel.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The seed example, end to end on the embedded log with real stream threads. */
class SeedTopologyIT {

    @TempDir
    Path dir;

    static final class FilterProcessor extends ContextualProcessor<String, String, String, String> {
        @Override
        public void process(Record<String, String> record) {
            if (record.value().length() > 5) {
                context().forward(record);
            }
            context().commit();
        }
    }

    @Test
    void shouldFilterFromInputToOutputAndReportZeroLagWhenDone() {
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("input", 3);
            log.createTopic("output", 3);
            List<KeyValue<String, String>> input = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                input.add(KeyValue.pair("k" + i, i % 2 == 0 ? "short" : "long value " + i));
            }
            log.produce("input", new StringSerializer(), new StringSerializer(), input, 1_000L);

            Topology topology = new Topology()
                    .addSource("Source", "input")
                    .addProcessor("Process", FilterProcessor::new, "Source")
                    .addSink("Sink", "output", "Process");
            Properties props = log.streamsProps("seed-app", dir.resolve("state"));
            props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
            try (RunnelStreams streams = new RunnelStreams(topology, props)) {
                List<RunnelStreams.State> states = new ArrayList<>();
                streams.setStateListener((n, o) -> states.add(n));
                streams.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == RunnelStreams.State.RUNNING
                        && !streams.inputLags().isEmpty()
                        && streams.inputLags().values().stream().allMatch(l -> l == 0));
                List<ConsumerRecord<String, String>> out = log.readUntil("output", new StringDeserializer(),
                        new StringDeserializer(), l -> l.size() >= 150, Duration.ofSeconds(10));
                assertThat(out).hasSize(150).allSatisfy(r -> assertThat(r.value()).startsWith("long value"));
                assertThat(streams.inputLags()).hasSize(3);
                assertThat(streams.metadataForLocalThreads()).hasSize(2);
                assertThat(states).startsWith(RunnelStreams.State.REBALANCING).contains(RunnelStreams.State.RUNNING);
            }
        }
    }
}
