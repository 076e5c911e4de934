package io.runnel.log;

import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.Record;
import io.runnel.common.utils.MockTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.runnel.log.LogTestKit.batch;
import static io.runnel.log.LogTestKit.readAll;
import static io.runnel.log.LogTestKit.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogRecoveryTest {

    @TempDir
    File dir;

    private final MockTime time = new MockTime(0, 1_000_000L, 0L);
    private final MockScheduler scheduler = new MockScheduler(time);
    private final LogConfig config = new LogConfig(Map.of("segment.index.bytes", "4096", "index.interval.bytes", "64"));

    private PartitionLog open(boolean clean) {
        return LogTestKit.open(dir, config, time, scheduler, clean);
    }

    private static File segmentFile(File dir, String suffix) {
        return new File(dir, "00000000000000000000" + suffix);
    }

    @Test
    void shouldEndAtThePreviousBatchBoundaryWhateverByteTheLastBatchIsCutAt() throws IOException {
        PartitionLog log = open(true);
        for (int i = 0; i < 5; i++) {
            log.append(batch(100L + i, "k" + i, "value-" + i, "x" + i, "y" + i));
        }
        long lastBatchStartOffset = 8;
        int lastBatchStart = ((io.runnel.common.record.FileRecords) log.read(lastBatchStartOffset, 1 << 20, true)
                .records()).startPosition();
        log.close();
        byte[] full = Files.readAllBytes(segmentFile(dir, ".log").toPath());
        assertThat(lastBatchStart).isGreaterThan(0).isLessThan(full.length);
        for (int cut = lastBatchStart; cut < full.length; cut++) {
            try (RandomAccessFile raf = new RandomAccessFile(segmentFile(dir, ".log"), "rw")) {
                raf.setLength(0);
                raf.write(full, 0, cut);
            }
            PartitionLog recovered = open(false);
            try {
                assertThat(recovered.logEndOffset()).as("cut at byte %d", cut).isEqualTo(lastBatchStartOffset);
                List<Record> records = readAll(recovered);
                assertThat(records).hasSize(8);
                assertThat(str(records.get(7).value())).isEqualTo("y3");
                assertThat(segmentFile(dir, ".log").length()).isEqualTo(lastBatchStart);
            } finally {
                recovered.close();
            }
        }
    }

    @Test
    void shouldCatchEveryFlippedByteInTheCrcCoveredRange() {
        MemoryRecords records = batch(5L, "key", "some value", "k2", "v2");
        byte[] bytes = new byte[records.sizeInBytes()];
        records.buffer().get(bytes);
        Random random = new Random(42);
        for (int pos = DefaultRecordBatch.ATTRIBUTES_OFFSET; pos < bytes.length; pos++) {
            byte[] copy = bytes.clone();
            copy[pos] ^= (byte) (1 + random.nextInt(255));
            DefaultRecordBatch b = new DefaultRecordBatch(ByteBuffer.wrap(copy));
            assertThat(b.isValid()).as("flip at %d", pos).isFalse();
            assertThatThrownBy(b::ensureValid).isInstanceOf(CorruptRecordException.class);
        }
        for (int pos = DefaultRecordBatch.CRC_OFFSET; pos < DefaultRecordBatch.ATTRIBUTES_OFFSET; pos++) {
            byte[] copy = bytes.clone();
            copy[pos] ^= 0x01;
            assertThat(new DefaultRecordBatch(ByteBuffer.wrap(copy)).isValid()).isFalse();
        }
    }

    @Test
    void shouldTruncateAtAFlippedByteOnUncleanRecovery() throws IOException {
        PartitionLog log = open(true);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            starts.add((int) log.size());
            log.append(batch(1L, "k" + i, "v" + i));
        }
        log.close();
        Random random = new Random(7);
        int victim = starts.get(3) + DefaultRecordBatch.ATTRIBUTES_OFFSET
                + random.nextInt(starts.get(4) - starts.get(3) - DefaultRecordBatch.ATTRIBUTES_OFFSET);
        try (RandomAccessFile raf = new RandomAccessFile(segmentFile(dir, ".log"), "rw")) {
            raf.seek(victim);
            int b = raf.read();
            raf.seek(victim);
            raf.write(b ^ 0x5a);
        }
        PartitionLog recovered = open(false);
        assertThat(recovered.logEndOffset()).isEqualTo(3);
        assertThat(readAll(recovered)).hasSize(3);
        assertThat(recovered.append(batch(1L, "after", "recovery")).firstOffset()).isEqualTo(3);
        recovered.close();
    }

    @Test
    void shouldRebuildMissingOrCorruptIndexesWithIdenticalLookups() throws IOException {
        LogConfig small = new LogConfig(Map.of("segment.bytes", "2000", "index.interval.bytes", "100"));
        PartitionLog log = LogTestKit.open(dir, small, time, scheduler, true);
        for (int i = 0; i < 60; i++) {
            log.append(batch(1000L + i, "k" + i, "v".repeat(20 + i % 7)));
        }
        List<String> before = new ArrayList<>();
        for (long o = 0; o < 60; o++) {
            before.add(o + ":" + log.read(o, 300, true).records().batches().iterator().next().baseOffset());
        }
        long tsOffset = log.offsetForTimestamp(1033L).orElseThrow().offset();
        log.close();
        File[] indexes = dir.listFiles((d, n) -> n.endsWith(".index") || n.endsWith(".timeindex"));
        assertThat(indexes).hasSizeGreaterThan(4);
        byte[] firstIndex = Files.readAllBytes(indexes[0].toPath());
        for (int i = 0; i < indexes.length; i++) {
            if (i % 2 == 0) {
                Files.delete(indexes[i].toPath());
            } else {
                Files.write(indexes[i].toPath(), new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0});
            }
        }
        PartitionLog reopened = LogTestKit.open(dir, small, time, scheduler, true);
        List<String> after = new ArrayList<>();
        for (long o = 0; o < 60; o++) {
            after.add(o + ":" + reopened.read(o, 300, true).records().batches().iterator().next().baseOffset());
        }
        assertThat(after).isEqualTo(before);
        assertThat(reopened.offsetForTimestamp(1033L).orElseThrow().offset()).isEqualTo(tsOffset);
        reopened.close();
        assertThat(indexes[0]).exists();
        assertThat(Files.readAllBytes(indexes[0].toPath())).isEqualTo(firstIndex);
    }

    @Test
    void shouldKeepDeduplicatingAfterAnUncleanShutdown() {
        PartitionLog log = open(true);
        log.append(LogTestKit.idempotentBatch(3L, (short) 0, 0, 2));
        log.append(LogTestKit.idempotentBatch(3L, (short) 0, 2, 2));
        log.flush();
        // simulate a crash: no close(), no snapshot; reopen as unclean
        PartitionLog recovered = open(false);
        assertThat(recovered.append(LogTestKit.idempotentBatch(3L, (short) 0, 2, 2)).duplicate()).isTrue();
        assertThat(recovered.append(LogTestKit.idempotentBatch(3L, (short) 0, 4, 1)).firstOffset()).isEqualTo(4);
        recovered.close();
    }
}
