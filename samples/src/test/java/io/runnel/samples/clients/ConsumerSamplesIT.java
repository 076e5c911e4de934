package io.runnel.samples.clients;

import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.runnel.samples.clients.SimpleProducer.PARTITIONS;
import static io.runnel.samples.clients.SimpleProducer.TOPIC_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer samples on a throwaway embedded log, topic "test" with 3 partitions and 30 records. */
class ConsumerSamplesIT {

    private static final int RECORDS = 30;

    @TempDir
    Path dir;

    private TestLog log;

    @BeforeEach
    void openLog() {
        log = new TestLog(dir);
        log.createTopic(TOPIC_NAME, PARTITIONS);
        produce(RECORDS, "v");
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    private void produce(int n, String valuePrefix) {
        log.produce(TOPIC_NAME, IntStream.range(0, n).mapToObj(i -> "key-" + i).toList(), valuePrefix);
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        return log.endOffsets(TOPIC_NAME, PARTITIONS);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    @Test
    void simpleConsumerShouldReadEveryRecordAndAutoCommitItsPositions() throws Exception {
        List<ConsumerRecord<String, String>> first = SimpleConsumer.run(SimpleConsumer.config(log.bootstrapServers()));

        assertThat(first).hasSize(RECORDS);
        assertThat(log.committed(SimpleConsumer.GROUP_ID)).isEqualTo(endOffsets());

        produce(5, "more");
        List<ConsumerRecord<String, String>> second = SimpleConsumer.run(SimpleConsumer.config(log.bootstrapServers()));
        assertThat(values(second)).containsExactlyInAnyOrder("more0", "more1", "more2", "more3", "more4");
    }

    @Test
    void commitSyncShouldCommitAfterEachPollSoTheNextRunResumes() throws Exception {
        Properties config = ConsumerCommitSync.config(log.bootstrapServers());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 7); // several polls, several commits

        assertThat(ConsumerCommitSync.run(config)).hasSize(RECORDS);
        assertThat(log.committed(ConsumerCommitSync.GROUP_ID)).isEqualTo(endOffsets());

        produce(3, "more");
        assertThat(values(ConsumerCommitSync.run(config))).containsExactlyInAnyOrder("more0", "more1", "more2");
        assertThat(log.committed(ConsumerCommitSync.GROUP_ID)).isEqualTo(endOffsets());
    }

    @Test
    void commitSyncShouldCommitNothingWhenItReadNothing() throws Exception {
        Properties config = ConsumerCommitSync.config(log.bootstrapServers());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"); // starts at the end: nothing to process

        assertThat(ConsumerCommitSync.run(config)).isEmpty();
        assertThat(log.committed(ConsumerCommitSync.GROUP_ID)).isEmpty();
    }

    @Test
    void commitAsyncShouldReportEveryCommitToTheCallbackAndCommitTheEndOffsets() throws Exception {
        Properties config = ConsumerCommitAsync.config(log.bootstrapServers());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 7);
        ConsumerCommitAsync.LoggingCommitCallback callback = new ConsumerCommitAsync.LoggingCommitCallback();

        List<ConsumerRecord<String, String>> processed = ConsumerCommitAsync.run(config, callback);

        assertThat(processed).hasSize(RECORDS);
        List<ConsumerCommitAsync.LoggingCommitCallback.Result> results = callback.results();
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.exception()).isNull());
        // the last commit of each partition names that partition's end offset
        Map<TopicPartition, Long> lastCommitted = new java.util.HashMap<>();
        for (ConsumerCommitAsync.LoggingCommitCallback.Result r : results) {
            r.offsets().forEach((tp, o) -> lastCommitted.put(tp, o.offset()));
        }
        Map<TopicPartition, Long> ends = endOffsets();
        assertThat(lastCommitted).isEqualTo(ends);
        assertThat(log.committed(ConsumerCommitAsync.GROUP_ID)).isEqualTo(ends);
    }

    @Test
    void rebalanceListenerShouldCommitProcessedOffsetsWhenANewMemberTakesPartitions() throws Exception {
        Properties config = ConsumerWithRebalanceListener.config(log.bootstrapServers());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 100); // notice the rebalance quickly
        try (ConsumerWithRebalanceListener first = new ConsumerWithRebalanceListener(config)) {
            List<ConsumerRecord<String, String>> processedByFirst = new ArrayList<>();
            await().atMost(TestLog.TIMEOUT).until(() -> {
                processedByFirst.addAll(first.poll(Duration.ofMillis(100)));
                return first.caughtUp();
            });
            assertThat(processedByFirst).hasSize(RECORDS);
            assertThat(first.assignment()).hasSize(PARTITIONS);
            assertThat(log.committed(ConsumerWithRebalanceListener.GROUP_ID))
                    .as("nothing is committed before a revocation").isEmpty();

            try (ConsumerWithRebalanceListener second = new ConsumerWithRebalanceListener(config)) {
                List<ConsumerRecord<String, String>> processedBySecond = new ArrayList<>();
                // one thread drives both members: each poll returns within its timeout, so they take turns
                await().atMost(TestLog.TIMEOUT).until(() -> {
                    processedBySecond.addAll(second.poll(Duration.ofMillis(50)));
                    first.poll(Duration.ofMillis(50));
                    return !first.assignment().isEmpty() && !second.assignment().isEmpty()
                            && first.assignment().size() + second.assignment().size() == PARTITIONS;
                });

                // EAGER: the first member gave up all three partitions, committing what it had processed
                Map<TopicPartition, Long> ends = endOffsets();
                assertThat(first.commitsOnRevocation()).isNotEmpty();
                Map<TopicPartition, OffsetAndMetadata> committedAtRevocation = first.commitsOnRevocation().get(0);
                assertThat(committedAtRevocation).hasSize(PARTITIONS);
                committedAtRevocation.forEach((tp, o) -> assertThat(o.offset()).isEqualTo(ends.get(tp)));
                assertThat(log.committed(ConsumerWithRebalanceListener.GROUP_ID)).isEqualTo(ends);

                // the second member starts after what the first processed: nothing twice
                await().atMost(TestLog.TIMEOUT).until(() -> {
                    processedBySecond.addAll(second.poll(Duration.ofMillis(50)));
                    first.poll(Duration.ofMillis(50));
                    return second.caughtUp();
                });
                assertThat(processedBySecond).isEmpty();
            }
        }
    }

    @Test
    void rebalanceListenerShouldCommitOnCloseWhichRevokesEveryPartition() throws Exception {
        Properties config = ConsumerWithRebalanceListener.config(log.bootstrapServers());
        ConsumerWithRebalanceListener sample = new ConsumerWithRebalanceListener(config);
        await().atMost(TestLog.TIMEOUT).until(() -> {
            sample.poll(Duration.ofMillis(100));
            return sample.caughtUp();
        });
        assertThat(log.committed(ConsumerWithRebalanceListener.GROUP_ID)).isEmpty();

        sample.close();

        assertThat(log.committed(ConsumerWithRebalanceListener.GROUP_ID)).isEqualTo(endOffsets());
    }

    @Test
    void assignShouldReadOnlyTheChosenPartitionWithoutJoiningAGroup() throws Exception {
        List<ConsumerRecord<String, String>> records = ConsumerWithAssign.run(
                ConsumerWithAssign.config(log.bootstrapServers()), ConsumerWithAssign.PARTITION);

        long inPartitionZero = endOffsets().get(new TopicPartition(TOPIC_NAME, 0));
        assertThat(inPartitionZero).isPositive();
        assertThat(records).hasSize((int) inPartitionZero).allSatisfy(r -> assertThat(r.partition()).isZero());
        assertThat(log.admin().listConsumerGroups().all().get()).isEmpty();
    }

    @Test
    void wakeupFromAnotherThreadShouldEndTheLoopCloseTheConsumerAndCommit() throws Exception {
        ConsumerWithWakeup sample = new ConsumerWithWakeup(ConsumerWithWakeup.config(log.bootstrapServers()));
        CompletableFuture<Void> loop = CompletableFuture.runAsync(sample::run);
        await().atMost(TestLog.TIMEOUT).until(() -> sample.consumed() == RECORDS);
        assertThat(loop).isNotDone();

        // what the shutdown hook does on Ctrl-C
        assertThat(sample.shutdown()).isTrue();

        loop.get(10, TimeUnit.SECONDS); // the loop returned normally: WakeupException was handled
        assertThat(log.committed(ConsumerWithWakeup.GROUP_ID)).isEqualTo(endOffsets());
        assertThat(sample.shutdown()).as("a second shutdown is harmless").isTrue();
    }
}
