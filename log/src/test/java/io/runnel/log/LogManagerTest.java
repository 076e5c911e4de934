package io.runnel.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigException;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.InvalidTopicException;
import io.runnel.common.errors.RunnelStorageException;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.Record;
import io.runnel.common.utils.MockTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.runnel.log.LogTestKit.batch;
import static io.runnel.log.LogTestKit.readAll;
import static io.runnel.log.LogTestKit.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogManagerTest {

    @TempDir
    File dir;

    private final MockTime time = new MockTime(0, 1_000_000_000L, 0L);
    private final MockScheduler scheduler = new MockScheduler(time);
    private LogManager manager;

    private LogManager open(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of("log.dir", dir.getPath(),
                "log.retention.check.interval.ms", "1000", "log.cleaner.backoff.ms", "1000"));
        props.putAll(extra);
        return LogManager.open(new LogManagerConfig(props), time, scheduler);
    }

    @BeforeEach
    void setUp() {
        manager = open(Map.of());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private void reopen() {
        manager.close();
        manager = open(Map.of());
    }

    @Test
    void shouldCreateDescribeListAndPersistTopics() {
        TopicDescription created = manager.createTopic("orders", 3, Map.of("retention.ms", 1000L));
        manager.createTopic("payments", 1, Map.of());
        assertThat(created.partitions()).isEqualTo(3);
        assertThat(created.config().retentionMs()).isEqualTo(1000L);
        assertThat(new File(dir, "orders-2")).isDirectory();
        assertThat(new File(dir, "orders-0/partition.metadata")).content().contains("topic_id: " + created.topicId());
        manager.log(new TopicPartition("orders", 1)).append(batch(1L, "a", "1"));
        reopen();
        assertThat(manager.listTopics()).containsExactly("orders", "payments");
        TopicDescription reloaded = manager.describeTopic("orders");
        assertThat(reloaded.topicId()).isEqualTo(created.topicId());
        assertThat(reloaded.partitions()).isEqualTo(3);
        assertThat(reloaded.overrides()).containsEntry("retention.ms", "1000");
        assertThat(manager.log(new TopicPartition("orders", 1)).logEndOffset()).isEqualTo(1);
        assertThat(new File(dir, LogManager.CLEAN_SHUTDOWN_FILE)).doesNotExist();
    }

    @Test
    void shouldValidateTopicNamesAsKafkaDoes() {
        assertThatThrownBy(() -> manager.createTopic("", 1, Map.of())).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> manager.createTopic("..", 1, Map.of())).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> manager.createTopic("a b", 1, Map.of())).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("illegal");
        assertThatThrownBy(() -> manager.createTopic("x".repeat(250), 1, Map.of()))
                .isInstanceOf(InvalidTopicException.class).hasMessageContaining("249");
        manager.createTopic("x".repeat(249), 1, Map.of());
        manager.createTopic("metrics.cpu", 1, Map.of());
        assertThatThrownBy(() -> manager.createTopic("metrics_cpu", 1, Map.of()))
                .isInstanceOf(InvalidTopicException.class).hasMessageContaining("collides");
        assertThatThrownBy(() -> manager.createTopic("metrics.cpu", 1, Map.of())).isInstanceOf(TopicExistsException.class);
    }

    @Test
    void shouldRejectBadConfigsAndPartitionCounts() {
        assertThatThrownBy(() -> manager.createTopic("t", 0, Map.of())).isInstanceOf(InvalidPartitionsException.class);
        assertThatThrownBy(() -> manager.createTopic("t", 1, Map.of("retention.mss", "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retention.mss");
        assertThatThrownBy(() -> manager.createTopic("t", 1, Map.of("remote.storage.enable", "true")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not supported by Runnel");
        assertThatThrownBy(() -> manager.createTopic("t", 1, Map.of("cleanup.policy", "shred")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cleanup.policy");
        assertThat(manager.listTopics()).isEmpty();
    }

    @Test
    void shouldAddPartitionsButNeverRemoveThem() {
        manager.createTopic("t", 2, Map.of());
        assertThat(manager.createPartitions("t", 4).partitions()).isEqualTo(4);
        assertThat(manager.log(new TopicPartition("t", 3)).logEndOffset()).isZero();
        assertThatThrownBy(() -> manager.createPartitions("t", 3)).isInstanceOf(InvalidPartitionsException.class)
                .hasMessageContaining("only grow");
        reopen();
        assertThat(manager.describeTopic("t").partitions()).isEqualTo(4);
    }

    @Test
    void shouldDeleteTopicsWithTheirFilesAndRecreateWithANewId() {
        TopicDescription first = manager.createTopic("t", 2, Map.of());
        manager.log(new TopicPartition("t", 0)).append(batch(1L, "a", "1"));
        manager.deleteTopic("t");
        assertThat(new File(dir, "t-0")).doesNotExist();
        assertThat(manager.listTopics()).isEmpty();
        assertThatThrownBy(() -> manager.log(new TopicPartition("t", 0))).isInstanceOf(UnknownTopicOrPartitionException.class);
        assertThatThrownBy(() -> manager.deleteTopic("t")).isInstanceOf(UnknownTopicOrPartitionException.class);
        TopicDescription second = manager.createTopic("t", 1, Map.of());
        assertThat(second.topicId()).isNotEqualTo(first.topicId());
        assertThat(manager.log(new TopicPartition("t", 0)).logEndOffset()).isZero();
    }

    @Test
    void shouldAlterTopicConfigAndApplyItToTheLogs() {
        manager.createTopic("t", 1, Map.of("segment.bytes", "100000"));
        manager.alterTopicConfig("t", Map.of("max.message.bytes", "100"));
        PartitionLog log = manager.log(new TopicPartition("t", 0));
        assertThat(log.config().maxMessageSize()).isEqualTo(100);
        assertThat(log.config().segmentBytes()).isEqualTo(1_073_741_824);
        reopen();
        assertThat(manager.describeTopic("t").overrides()).containsOnlyKeys("max.message.bytes");
    }

    @Test
    void shouldRefuseASecondOpenOfTheSameDirectoryNamingTheHolder() {
        assertThatThrownBy(() -> open(Map.of())).isInstanceOf(RunnelStorageException.class)
                .hasMessageContaining("already in use by process")
                .hasMessageContaining(String.valueOf(ProcessHandle.current().pid()));
    }

    @Test
    void shouldMapBrokerDefaultsToTopicConfigs() {
        manager.close();
        manager = open(Map.of("log.retention.hours", "1", "log.segment.bytes", "5000", "log.cleanup.policy", "compact"));
        LogConfig cfg = manager.createTopic("t", 1, Map.of()).config();
        assertThat(cfg.retentionMs()).isEqualTo(3_600_000L);
        assertThat(cfg.segmentBytes()).isEqualTo(5000);
        assertThat(cfg.compact()).isTrue();
        assertThat(new LogManagerConfig(Map.of("log.retention.ms", "5", "log.retention.hours", "1"))
                .topicDefaults()).containsEntry("retention.ms", 5L);
    }

    @Test
    void shouldDeleteSegmentsByRetentionTimeOnTheSchedule() {
        manager.createTopic("t", 1, Map.of("retention.ms", "60000", "segment.bytes", "200", "file.delete.delay.ms", "0"));
        PartitionLog log = manager.log(new TopicPartition("t", 0));
        for (int i = 0; i < 10; i++) {
            log.append(batch(time.milliseconds(), "k" + i, "v" + i));
        }
        int segments = log.numberOfSegments();
        assertThat(segments).isGreaterThan(2);
        time.advance(30_000);
        assertThat(log.numberOfSegments()).isEqualTo(segments);
        time.advance(31_000);
        assertThat(log.numberOfSegments()).isEqualTo(1);
        assertThat(log.logStartOffset()).isEqualTo(log.segmentBaseOffsets().get(0));
        assertThat(dir.listFiles((d, n) -> n.endsWith(".deleted"))).isEmpty();
        assertThat(new File(dir, "t-0").listFiles((d, n) -> n.endsWith(".log"))).hasSize(1);
    }

    @Test
    void shouldDeleteSegmentsByRetentionBytes() {
        manager.createTopic("t", 1, Map.of("retention.bytes", "400", "segment.bytes", "200"));
        PartitionLog log = manager.log(new TopicPartition("t", 0));
        for (int i = 0; i < 20; i++) {
            log.append(batch(time.milliseconds(), "k" + i, "v" + i));
        }
        assertThat(manager.cleanupLogs()).isPositive();
        assertThat(log.size()).isLessThanOrEqualTo(400 + 200);
        assertThat(log.logStartOffset()).isPositive();
        assertThat(readAll(log).get(0).offset()).isEqualTo(log.logStartOffset());
    }

    @Test
    void shouldCompactKeepingTheLatestValuePerKeyAndOriginalOffsets() {
        manager.createTopic("c", 1, Map.of("cleanup.policy", "compact", "segment.bytes", "300",
                "delete.retention.ms", "100000", "min.cleanable.dirty.ratio", "0.01"));
        PartitionLog log = manager.log(new TopicPartition("c", 0));
        for (int round = 0; round < 5; round++) {
            for (int k = 0; k < 4; k++) {
                log.append(batch(time.milliseconds(), "key" + k, "v" + round));
            }
        }
        log.append(MemoryRecords.builder().append(time.milliseconds(), "key3".getBytes(), null, null).build());
        log.append(batch(time.milliseconds(), "tail", "t"));
        log.roll();
        long leo = log.logEndOffset();
        time.advance(1000);
        assertThat(log.numberOfSegments()).isLessThan(8);
        Map<String, Long> latest = new HashMap<>();
        for (Record r : readAll(log)) {
            String key = str(r.key());
            assertThat(latest).doesNotContainKey(key);
            latest.put(key, r.offset());
        }
        assertThat(latest).containsEntry("key0", 16L).containsEntry("key1", 17L).containsEntry("key2", 18L)
                .containsEntry("key3", 20L).containsEntry("tail", 21L);
        assertThat(log.logEndOffset()).isEqualTo(leo);
        time.advance(100_000);
        manager.cleanLogs(true);
        assertThat(readAll(log)).extracting(r -> str(r.key())).doesNotContain("key3");
        reopen();
        PartitionLog reopened = manager.log(new TopicPartition("c", 0));
        assertThat(reopened.logEndOffset()).isEqualTo(leo);
        assertThat(readAll(reopened)).extracting(r -> str(r.key())).containsExactlyInAnyOrder("key0", "key1", "key2", "tail");
    }

    @Test
    void shouldCompactWhileProducersKeepAppending() throws Exception {
        manager.createTopic("c", 1, Map.of("cleanup.policy", "compact", "segment.bytes", "400",
                "min.cleanable.dirty.ratio", "0.01"));
        PartitionLog log = manager.log(new TopicPartition("c", 0));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> producer = pool.submit(() -> {
            for (int i = 0; i < 2000; i++) {
                log.append(batch(1L, "key" + (i % 10), "v" + i));
            }
        });
        while (!producer.isDone()) {
            manager.cleanLogs(true);
        }
        producer.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        log.roll();
        manager.cleanLogs(true);
        List<Record> all = readAll(log);
        Map<String, String> latest = new HashMap<>();
        long previous = -1;
        for (Record r : all) {
            assertThat(r.offset()).isGreaterThan(previous);
            previous = r.offset();
            latest.put(str(r.key()), str(r.value()));
        }
        for (int k = 0; k < 10; k++) {
            assertThat(latest).containsEntry("key" + k, "v" + (1990 + k));
        }
        assertThat(all).hasSizeLessThan(200);
        assertThat(log.logEndOffset()).isEqualTo(2000);
    }

    @Test
    void shouldRecoverAfterAnUncleanShutdownAndCheckpointOffsets() {
        manager.createTopic("t", 1, Map.of("flush.messages", "1"));
        PartitionLog log = manager.log(new TopicPartition("t", 0));
        log.append(batch(1L, "a", "1"));
        log.append(batch(1L, "b", "2"));
        manager.checkpointRecoveryPoints();
        assertThat(new File(dir, LogManager.RECOVERY_POINT_CHECKPOINT_FILE)).content().contains("t 0 2");
        manager.close();
        new File(dir, LogManager.CLEAN_SHUTDOWN_FILE).delete();
        manager = open(Map.of());
        assertThat(manager.log(new TopicPartition("t", 0)).logEndOffset()).isEqualTo(2);
    }
}
