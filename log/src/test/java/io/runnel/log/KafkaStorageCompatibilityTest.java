package io.runnel.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.utils.MockTime;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.storage.internals.log.FetchDataInfo;
import org.apache.kafka.storage.internals.log.LogSegment;
import org.apache.kafka.storage.internals.log.OffsetIndex;
import org.apache.kafka.storage.internals.log.TimeIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.runnel.log.LogTestKit.batch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segment directories written by Runnel are read by Apache Kafka's own storage classes (kafka-storage and
 * kafka-clients in test scope): its FileRecords, OffsetIndex, TimeIndex and LogSegment.
 */
class KafkaStorageCompatibilityTest {

    @TempDir
    File dir;

    @Test
    void shouldWriteSegmentsThatKafkasLogSegmentReads() throws Exception {
        MockTime time = new MockTime(0, 1_000_000_000L, 0L);
        MockScheduler scheduler = new MockScheduler(time);
        try (LogManager manager = LogManager.open(new LogManagerConfig(Map.of("log.dir", dir.getPath())), time, scheduler)) {
            manager.createTopic("kafka-compat", 1, Map.of("segment.bytes", "4000", "index.interval.bytes", "200"));
            PartitionLog log = manager.log(new TopicPartition("kafka-compat", 0));
            for (int i = 0; i < 300; i++) {
                log.append(batch(io.runnel.common.record.CompressionType.values()[i % 5], 10_000L + i,
                        "key-" + i, "value-" + i, "second-" + i, "v2-" + i));
            }
        }
        File partitionDir = new File(dir, "kafka-compat-0");
        File[] logs = partitionDir.listFiles((d, n) -> n.endsWith(".log"));
        assertThat(logs).hasSizeGreaterThan(5);
        java.util.Arrays.sort(logs);
        org.apache.kafka.storage.internals.log.LogConfig kafkaConfig =
                new org.apache.kafka.storage.internals.log.LogConfig(Map.of("max.message.bytes", "1048588",
                        "segment.index.bytes", "10485760", "index.interval.bytes", "200"));
        long expectedNext = 0;
        int totalIndexEntries = 0;
        for (File f : logs) {
            long base = Long.parseLong(f.getName().substring(0, 20));
            assertThat(base).isEqualTo(expectedNext);
            try (FileRecords records = FileRecords.open(f)) {
                long next = base;
                for (RecordBatch b : records.batches()) {
                    b.ensureValid();
                    assertThat(b.baseOffset()).isEqualTo(next);
                    next = b.nextOffset();
                }
                expectedNext = next;
            }
            OffsetIndex offsetIndex = new OffsetIndex(new File(partitionDir, f.getName().replace(".log", ".index")),
                    base, 10 * 1024 * 1024, false);
            offsetIndex.sanityCheck();
            totalIndexEntries += offsetIndex.entries();
            TimeIndex timeIndex = new TimeIndex(new File(partitionDir, f.getName().replace(".log", ".timeindex")),
                    base, 10 * 1024 * 1024, false);
            timeIndex.sanityCheck();
            offsetIndex.close();
            timeIndex.close();

            LogSegment segment = LogSegment.open(partitionDir, base, kafkaConfig,
                    org.apache.kafka.common.utils.Time.SYSTEM, true, 0, false, "");
            try {
                segment.sanityCheck(false);
                assertThat(segment.readNextOffset()).isEqualTo(expectedNext);
                for (long offset = base; offset < expectedNext; offset += 3) {
                    FetchDataInfo info = segment.read(offset, 1 << 20);
                    List<String> values = new ArrayList<>();
                    for (org.apache.kafka.common.record.internal.Record r : info.records.records()) {
                        if (r.offset() == offset) {
                            byte[] v = new byte[r.valueSize()];
                            r.value().get(v);
                            values.add(new String(v, StandardCharsets.UTF_8));
                        }
                    }
                    long i = offset / 2;
                    assertThat(values).containsExactly(offset % 2 == 0 ? "value-" + i : "v2-" + i);
                }
                long ts = 10_000L + (base / 2) + 1;
                var found = segment.findOffsetByTimestamp(ts, base, 1 << 20);
                if (expectedNext - base > 4) {
                    assertThat(found).isPresent();
                    assertThat(found.get().offset).isEqualTo((ts - 10_000L) * 2);
                }
            } finally {
                segment.close();
            }
        }
        assertThat(expectedNext).isEqualTo(600);
        assertThat(totalIndexEntries).isPositive();
    }
}
