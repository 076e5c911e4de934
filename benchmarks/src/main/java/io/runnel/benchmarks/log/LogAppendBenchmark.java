package io.runnel.benchmarks.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.record.CompressionType;
import io.runnel.common.record.MemoryRecords;
import io.runnel.log.LogAppendInfo;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Append throughput of one partition, no fsync: pre-built ~16 KiB producer batches of {@link #valueSize}-byte
 * values (no keys) are appended with {@link PartitionLog#append} (validation, CRC check, offset assignment, index
 * maintenance, write to the page cache). One operation is one batch appended: the primary score is batches/s; the
 * {@code records} and {@code bytes} secondary scores are records/s and bytes/s (batch bytes as stored, compressed
 * when a codec is set). Retention keeps the partition under 2 GiB so long runs do not fill the disk.
 *
 * <pre>bin/runnel-bench LogAppendBenchmark
 * java -jar benchmarks/target/benchmarks.jar LogAppendBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s -p valueSize=100</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LogAppendBenchmark {

    /** The codec of the producer batches. */
    @Param({"none", "lz4", "zstd"})
    public String codec;

    /** Bytes of each record's value. */
    @Param({"100", "1000"})
    public int valueSize;

    /** Records in each appended batch (set at setup). */
    public int recordsPerBatch;

    /** Per-iteration counters reported as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Records appended. */
        public long records;
        /** Bytes appended (batch bytes as stored). */
        public long bytes;

        /** Resets the counters. */
        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
            bytes = 0;
        }
    }

    private File dir;
    private LogManager manager;
    private PartitionLog log;
    private MemoryRecords batch;

    /**
     * Opens a fresh log directory and builds the batch.
     *
     * @throws IOException if the temp directory cannot be created
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchmarkData.tempDir("runnel-append-bench");
        manager = LogManager.open(Map.of("log.dir", dir.getPath(), "log.retention.check.interval.ms", "1000"));
        manager.createTopic("bench", 1, Map.of("retention.bytes", Long.toString(2L << 30),
                "segment.bytes", Integer.toString(256 << 20), "file.delete.delay.ms", "0"));
        log = manager.log(new TopicPartition("bench", 0));
        batch = BenchmarkData.batch(CompressionType.forName(codec), valueSize, 42L);
        recordsPerBatch = batch.firstBatch().countOrNull();
        System.out.printf("%n%s: %d records of %d bytes per batch, %d bytes on disk%n", codec, recordsPerBatch,
                valueSize, batch.sizeInBytes());
    }

    /** Closes and deletes the log directory. @throws IOException on cleanup failure */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        manager.close();
        BenchmarkData.deleteRecursively(dir);
    }

    /**
     * Appends one batch (the same bytes each time; the log overwrites the base offset in place).
     *
     * @param bh       sink
     * @param counters records and bytes appended
     */
    @Benchmark
    public void append(Blackhole bh, Counters counters) {
        LogAppendInfo info = log.append(batch);
        bh.consume(info.lastOffset());
        counters.records += recordsPerBatch;
        counters.bytes += batch.sizeInBytes();
    }
}
