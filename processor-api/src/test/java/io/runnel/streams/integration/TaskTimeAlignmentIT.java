package io.runnel.streams.integration;

import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.LongDeserializer;
import io.runnel.common.serialization.LongSerializer;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code max.task.time.skew.ms}: tasks of one instance stay within the skew of each other in event time while a
 * backlog is replayed; without it a task runs a whole turn ahead.
 */
class TaskTimeAlignmentIT {

    private static final int PER_PARTITION = 3_000;
    private static final long STEP_MS = 1_000;

    @TempDir
    Path dir;

    /** Records (partition, timestamp) in processing order; the tasks of one thread share the list. */
    static final class Recorder implements Processor<String, Long, Void, Void> {
        static final List<long[]> SEEN = new CopyOnWriteArrayList<>();
        private ProcessorContext<Void, Void> context;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Long> record) {
            SEEN.add(new long[] {context.recordMetadata().orElseThrow().partition(), record.timestamp()});
        }
    }

    @Test
    void shouldKeepTasksWithinTheSkewWhenReplayingABacklog() {
        assertThat(largestGap(0L)).isLessThanOrEqualTo(STEP_MS);
    }

    @Test
    void shouldLetTasksRunAheadWithoutIt() {
        assertThat(largestGap(-1L)).as("one task's turn runs ahead of the other").isGreaterThan(10 * STEP_MS);
    }

    /** @return the largest difference between the two partitions' last processed timestamps, in ms */
    private long largestGap(long skewMs) {
        Recorder.SEEN.clear();
        try (TestLog log = new TestLog(dir)) {
            log.createTopic("in", 2);
            try (RunnelProducer<String, Long> producer = new RunnelProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrap()), new StringSerializer(),
                    new LongSerializer())) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    for (int p = 0; p < 2; p++) {
                        producer.send(new ProducerRecord<>("in", p, i * STEP_MS, "k", i * STEP_MS));
                    }
                }
                producer.flush();
            }
            Topology topology = new Topology()
                    .addSource("Source", new StringDeserializer(), new LongDeserializer(), "in")
                    .addProcessor("Recorder", Recorder::new, "Source");
            Properties props = log.streamsProps("align" + (skewMs + 1), dir.resolve("state" + skewMs));
            props.put(StreamsConfig.MAX_TASK_TIME_SKEW_MS_CONFIG, skewMs);
            try (RunnelStreams streams = new RunnelStreams(topology, props)) {
                streams.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> Recorder.SEEN.size() == 2 * PER_PARTITION);
            }
        }
        long[] last = {-1, -1};
        long gap = 0;
        for (long[] seen : Recorder.SEEN) {
            last[(int) seen[0]] = seen[1];
            if (last[0] >= 0 && last[1] >= 0) {
                gap = Math.max(gap, Math.abs(last[0] - last[1]));
            }
        }
        return gap;
    }
}
