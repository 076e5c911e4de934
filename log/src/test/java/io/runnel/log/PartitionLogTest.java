package io.runnel.log;

import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.errors.InvalidProducerEpochException;
import io.runnel.common.errors.InvalidRecordException;
import io.runnel.common.errors.OffsetOutOfRangeException;
import io.runnel.common.errors.OutOfOrderSequenceException;
import io.runnel.common.errors.RecordTooLargeException;
import io.runnel.common.errors.UnknownTopicOrPartitionException;
import io.runnel.common.record.CompressionType;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.FileRecords;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.Record;
import io.runnel.common.record.RecordBatch;
import io.runnel.common.record.TimestampType;
import io.runnel.common.utils.MockTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.runnel.log.LogTestKit.batch;
import static io.runnel.log.LogTestKit.idempotentBatch;
import static io.runnel.log.LogTestKit.readAll;
import static io.runnel.log.LogTestKit.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionLogTest {

    @TempDir
    File dir;

    private final MockTime time = new MockTime(0, 1_000_000L, 0L);
    private final MockScheduler scheduler = new MockScheduler(time);
    private PartitionLog log;

    @BeforeEach
    void setUp() {
        log = open(Map.of());
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    private PartitionLog open(Map<String, ?> overrides) {
        return LogTestKit.open(dir, new LogConfig(overrides), time, scheduler, true);
    }

    private void reopen(Map<String, ?> overrides) {
        log.close();
        log = open(overrides);
    }

    @Test
    void shouldAssignOffsetsAndReadBack() {
        LogAppendInfo first = log.append(batch(10L, "a", "1", "b", "2"));
        LogAppendInfo second = log.append(batch(20L, "c", "3"));
        assertThat(first.firstOffset()).isZero();
        assertThat(first.lastOffset()).isEqualTo(1);
        assertThat(second.firstOffset()).isEqualTo(2);
        assertThat(second.maxTimestamp()).isEqualTo(20L);
        assertThat(log.logEndOffset()).isEqualTo(3);
        assertThat(log.highWatermark()).isEqualTo(3);
        FetchDataInfo info = log.read(1, 1 << 20, false);
        assertThat(info.records()).isInstanceOf(FileRecords.class);
        assertThat(LogTestKit.contents(info.records())).containsEntry(1L, "b=2").containsEntry(2L, "c=3");
        assertThat(info.logEndOffset()).isEqualTo(3);
    }

    @Test
    void shouldReturnEmptyRecordsAtTheLogEndAndRejectOffsetsOutOfRange() {
        log.append(batch(1L, "a", "1"));
        assertThat(log.read(1, 100, true).records().sizeInBytes()).isZero();
        assertThatThrownBy(() -> log.read(2, 100, true)).isInstanceOf(OffsetOutOfRangeException.class)
                .hasMessageContaining("orders-0").hasMessageContaining("log end offset 1");
        assertThatThrownBy(() -> log.read(-1, 100, true)).isInstanceOf(OffsetOutOfRangeException.class);
    }

    @Test
    void shouldReturnWholeBatchesWithinTheByteLimit() {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            MemoryRecords b = batch(1L, "k" + i, "v".repeat(100));
            sizes.add(b.sizeInBytes());
            log.append(b);
        }
        int limit = sizes.get(0) * 3 + 10;
        FetchDataInfo info = log.read(0, limit, false);
        assertThat(info.records().sizeInBytes()).isEqualTo(sizes.get(0) * 3);
        assertThat(LogTestKit.offsets(info.records())).containsExactly(0L, 1L, 2L);
        assertThat(log.read(0, 10, false).records().sizeInBytes()).isZero();
        assertThat(LogTestKit.offsets(log.read(0, 10, true).records())).containsExactly(0L);
    }

    @Test
    void shouldStartAtTheBatchHoldingTheFetchOffset() {
        log.append(batch(1L, "a", "1", "b", "2", "c", "3"));
        log.append(batch(1L, "d", "4"));
        FetchDataInfo info = log.read(1, 1 << 20, false);
        assertThat(info.records().batches().iterator().next().baseOffset()).isZero();
        assertThat(LogTestKit.offsets(info.records())).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void shouldTransferSlicesToAChannel() throws Exception {
        log.append(batch(1L, "a", "1"));
        log.append(batch(1L, "b", "2"));
        FetchDataInfo info = log.read(0, 1 << 20, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = info.records().writeTo(Channels.newChannel(out), 0, info.records().sizeInBytes());
        assertThat(written).isEqualTo(info.records().sizeInBytes());
        MemoryRecords copy = MemoryRecords.readableRecords(ByteBuffer.wrap(out.toByteArray()));
        assertThat(LogTestKit.contents(copy)).containsEntry(0L, "a=1").containsEntry(1L, "b=2");
    }

    @Test
    void shouldRollSegmentsBySizeAndReadAcrossThem() {
        reopen(Map.of("segment.bytes", "300"));
        for (int i = 0; i < 20; i++) {
            log.append(batch(1L, "key" + i, "value-" + "x".repeat(50)));
        }
        assertThat(log.numberOfSegments()).isGreaterThan(5);
        List<Record> all = readAll(log);
        assertThat(all).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(all.get(i).offset()).isEqualTo(i);
            assertThat(str(all.get(i).key())).isEqualTo("key" + i);
        }
        assertThat(new File(dir, "00000000000000000000.log")).exists();
        assertThat(new File(dir, "00000000000000000000.index")).exists();
        assertThat(new File(dir, "00000000000000000000.timeindex")).exists();
    }

    @Test
    void shouldRollSegmentsByTime() {
        reopen(Map.of("segment.ms", "1000"));
        log.append(batch(1L, "a", "1"));
        time.advance(999);
        log.append(batch(1L, "b", "2"));
        assertThat(log.numberOfSegments()).isEqualTo(1);
        time.advance(2);
        log.append(batch(1L, "c", "3"));
        assertThat(log.segmentBaseOffsets()).containsExactly(0L, 2L);
    }

    @Test
    void shouldRollWhenTheIndexIsFull() {
        reopen(Map.of("segment.index.bytes", "24", "index.interval.bytes", "1"));
        for (int i = 0; i < 12; i++) {
            log.append(batch(i, "k", "v"));
        }
        assertThat(log.numberOfSegments()).isGreaterThan(2);
        assertThat(readAll(log)).hasSize(12);
    }

    @Test
    void shouldRejectOversizeBatch() {
        reopen(Map.of("max.message.bytes", "200"));
        assertThatThrownBy(() -> log.append(batch(1L, "k", "v".repeat(300))))
                .isInstanceOf(RecordTooLargeException.class).hasMessageContaining("max.message.bytes=200")
                .hasMessageContaining("orders-0");
        assertThat(log.logEndOffset()).isZero();
    }

    @Test
    void shouldRejectEmptyAppendsAndWrongMagic() {
        assertThatThrownBy(() -> log.append(MemoryRecords.EMPTY)).isInstanceOf(InvalidRecordException.class);
        MemoryRecords b = batch(1L, "k", "v");
        ByteBuffer buf = b.buffer();
        buf.put(DefaultRecordBatch.MAGIC_OFFSET, (byte) 1);
        assertThatThrownBy(() -> log.append(MemoryRecords.readableRecords(buf)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("magic 1");
    }

    @Test
    void shouldRejectCorruptBatch() {
        MemoryRecords b = batch(1L, "k", "value");
        ByteBuffer buf = b.buffer();
        buf.put(buf.limit() - 2, (byte) (buf.get(buf.limit() - 2) ^ 0x10));
        assertThatThrownBy(() -> log.append(MemoryRecords.readableRecords(buf)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("CRC");
    }

    @Test
    void shouldRejectRecordsWithoutKeyOnCompactedTopics() {
        reopen(Map.of("cleanup.policy", "compact"));
        assertThatThrownBy(() -> log.append(batch(1L, null, "v")))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("without key");
        assertThatThrownBy(() -> log.append(batch(CompressionType.LZ4, 1L, "k", "v", null, "v")))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(log.append(batch(1L, "k", "v")).lastOffset()).isZero();
    }

    @Test
    void shouldStampLogAppendTime() {
        reopen(Map.of("message.timestamp.type", "LogAppendTime"));
        LogAppendInfo info = log.append(batch(5L, "a", "1", "b", "2"));
        assertThat(info.logAppendTime()).isEqualTo(time.milliseconds());
        RecordBatch stored = log.read(0, 1000, true).records().batches().iterator().next();
        stored.ensureValid();
        assertThat(stored.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        for (Record r : stored) {
            assertThat(r.timestamp()).isEqualTo(time.milliseconds());
        }
    }

    @Test
    void shouldFindOffsetsByTimestamp() {
        reopen(Map.of("segment.bytes", "200", "index.interval.bytes", "1"));
        for (int i = 0; i < 20; i++) {
            log.append(batch(1000L + i * 10, "k" + i, "v" + i));
        }
        assertThat(log.offsetForTimestamp(1000L).orElseThrow().offset()).isZero();
        assertThat(log.offsetForTimestamp(1055L).orElseThrow()).isEqualTo(new TimestampAndOffset(1060L, 6L));
        assertThat(log.offsetForTimestamp(1190L).orElseThrow().offset()).isEqualTo(19L);
        assertThat(log.offsetForTimestamp(1191L)).isEmpty();
        assertThat(log.offsetForTimestamp(PartitionLog.EARLIEST_TIMESTAMP).orElseThrow().offset()).isZero();
        assertThat(log.offsetForTimestamp(PartitionLog.LATEST_TIMESTAMP).orElseThrow().offset()).isEqualTo(20L);
        assertThat(log.offsetForTimestamp(PartitionLog.MAX_TIMESTAMP).orElseThrow()).isEqualTo(new TimestampAndOffset(1190L, 19L));
    }

    @Test
    void shouldDeleteRecordsBeforeAnOffset() {
        reopen(Map.of("segment.bytes", "200"));
        for (int i = 0; i < 10; i++) {
            log.append(batch(1L, "k" + i, "v" + i));
        }
        int segmentsBefore = log.numberOfSegments();
        assertThat(log.deleteRecordsBefore(5)).isEqualTo(5);
        assertThat(log.logStartOffset()).isEqualTo(5);
        assertThat(log.numberOfSegments()).isLessThan(segmentsBefore);
        assertThatThrownBy(() -> log.read(4, 1000, true)).isInstanceOf(OffsetOutOfRangeException.class);
        assertThat(LogTestKit.offsets(log.read(5, 1000, true).records())).contains(5L);
        assertThatThrownBy(() -> log.deleteRecordsBefore(11)).isInstanceOf(OffsetOutOfRangeException.class)
                .hasMessageContaining("high watermark 10");
        assertThat(log.deleteRecordsBefore(3)).isEqualTo(5);
    }

    @Test
    void shouldTruncateToAnOffset() {
        reopen(Map.of("segment.bytes", "200"));
        for (int i = 0; i < 10; i++) {
            log.append(batch(1L, "k" + i, "v" + i));
        }
        log.truncateTo(4);
        assertThat(log.logEndOffset()).isEqualTo(4);
        assertThat(readAll(log)).extracting(Record::offset).containsExactly(0L, 1L, 2L, 3L);
        assertThat(log.append(batch(1L, "new", "x")).firstOffset()).isEqualTo(4);
        log.truncateTo(0);
        assertThat(log.logEndOffset()).isZero();
        assertThat(log.numberOfSegments()).isEqualTo(1);
        reopen(Map.of("segment.bytes", "200"));
        assertThat(log.logEndOffset()).isZero();
    }

    @Test
    void shouldDeduplicateRetriedIdempotentBatches() {
        LogAppendInfo first = log.append(idempotentBatch(7L, (short) 0, 0, 3));
        log.append(idempotentBatch(7L, (short) 0, 3, 2));
        LogAppendInfo retry = log.append(idempotentBatch(7L, (short) 0, 0, 3));
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.firstOffset()).isEqualTo(first.firstOffset());
        assertThat(retry.lastOffset()).isEqualTo(first.lastOffset());
        assertThat(log.logEndOffset()).isEqualTo(5);
    }

    @Test
    void shouldRejectSequenceGapsAndStaleEpochs() {
        log.append(idempotentBatch(7L, (short) 1, 0, 3));
        assertThatThrownBy(() -> log.append(idempotentBatch(7L, (short) 1, 5, 1)))
                .isInstanceOf(OutOfOrderSequenceException.class).hasMessageContaining("expected 3");
        assertThatThrownBy(() -> log.append(idempotentBatch(7L, (short) 0, 3, 1)))
                .isInstanceOf(InvalidProducerEpochException.class);
        assertThatThrownBy(() -> log.append(idempotentBatch(7L, (short) 2, 3, 1)))
                .isInstanceOf(OutOfOrderSequenceException.class).hasMessageContaining("sequence 0");
        assertThat(log.append(idempotentBatch(7L, (short) 2, 0, 1)).duplicate()).isFalse();
        assertThat(log.logEndOffset()).isEqualTo(4);
    }

    @Test
    void shouldKeepDeduplicatingAfterRestart() {
        log.append(idempotentBatch(9L, (short) 0, 0, 2));
        log.append(idempotentBatch(9L, (short) 0, 2, 2));
        reopen(Map.of());
        LogAppendInfo retry = log.append(idempotentBatch(9L, (short) 0, 0, 2));
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.firstOffset()).isZero();
        assertThatThrownBy(() -> log.append(idempotentBatch(9L, (short) 0, 9, 1)))
                .isInstanceOf(OutOfOrderSequenceException.class);
        assertThat(log.append(idempotentBatch(9L, (short) 0, 4, 1)).firstOffset()).isEqualTo(4);
    }

    @Test
    void shouldCompleteDataFuturesWhenDataArrives() throws Exception {
        CompletableFuture<Long> f = log.newDataFuture(0);
        assertThat(f).isNotDone();
        log.append(batch(1L, "a", "1"));
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(log.newDataFuture(0)).isCompletedWithValue(1L);
        CompletableFuture<Long> waiting = log.newDataFuture(1);
        log.close();
        assertThat(waiting).isCompletedExceptionally();
        assertThatThrownBy(() -> log.append(batch(1L, "a", "1"))).isInstanceOf(UnknownTopicOrPartitionException.class);
        log = open(Map.of());
    }

    @Test
    void shouldServeConcurrentAppendersAndReaders() throws Exception {
        reopen(Map.of("segment.bytes", "4096"));
        int threads = 4;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentHashMap<Long, String> seen = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    log.append(batch(1L, "t" + id, "m" + i));
                }
                return null;
            }));
        }
        Future<?> reader = pool.submit(() -> {
            start.await();
            long offset = 0;
            long total = (long) threads * perThread;
            while (offset < total) {
                if (offset == log.logEndOffset()) {
                    log.newDataFuture(offset).get(10, TimeUnit.SECONDS);
                    continue;
                }
                FetchDataInfo info = log.read(offset, 2000, true);
                for (RecordBatch b : info.records().batches()) {
                    b.ensureValid();
                    for (Record r : b) {
                        seen.put(r.offset(), str(r.key()) + ":" + str(r.value()));
                    }
                    offset = b.nextOffset();
                }
            }
            return null;
        });
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(log.logEndOffset()).isEqualTo((long) threads * perThread);
        assertThat(seen).hasSize(threads * perThread);
        for (int t = 0; t < threads; t++) {
            int expected = 0;
            for (long o = 0; o < threads * perThread; o++) {
                if (seen.get(o).startsWith("t" + t + ":")) {
                    assertThat(seen.get(o)).isEqualTo("t" + t + ":m" + expected++);
                }
            }
            assertThat(expected).isEqualTo(perThread);
        }
    }
}
