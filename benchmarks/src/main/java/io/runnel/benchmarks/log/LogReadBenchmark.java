package io.runnel.benchmarks.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.record.CompressionType;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.FileRecords;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.Record;
import io.runnel.log.FetchDataInfo;
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

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Read throughput of one partition of {@link #sizeBytes} (1 GiB by default, 100-byte values in ~16 KiB batches;
 * pass {@code -p sizeBytes=134217728} for a quicker run): one operation fetches 1 MiB from the current position with
 * {@link PartitionLog#read}, wrapping to the start at the end, so the primary score is 1 MiB fetches/s.
 * {@link #iterateRecords} decodes every record (decompressing lz4 batches; key/value sizes touched);
 * {@link #rawSlices} sends the slice to {@code /dev/null} with {@code FileChannel.transferTo} (zero-copy, as a
 * fetch served to a remote consumer would be) and walks only the batch headers. The {@code records} and
 * {@code bytes} secondary scores are records/s and bytes/s (bytes as stored).
 *
 * <pre>bin/runnel-bench LogReadBenchmark
 * java -jar benchmarks/target/benchmarks.jar LogReadBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LogReadBenchmark {

    /** Size of the partition in bytes. */
    @Param({"1073741824"})
    public long sizeBytes;

    /** The codec of the stored batches. */
    @Param({"none", "lz4"})
    public String codec;

    private File dir;
    private LogManager manager;
    private PartitionLog log;
    private long position;
    private FileChannel devNull;

    /** Per-iteration counters reported as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Records read. */
        public long records;
        /** Bytes read. */
        public long bytes;

        /** Resets the counters. */
        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
            bytes = 0;
        }
    }

    /**
     * Fills a partition of {@link #sizeBytes}.
     *
     * @throws IOException if the temp directory cannot be created
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchmarkData.tempDir("runnel-read-bench");
        manager = LogManager.open(Map.of("log.dir", dir.getPath()));
        manager.createTopic("bench", 1, Map.of("retention.ms", "-1", "segment.bytes", Integer.toString(256 << 20)));
        log = manager.log(new TopicPartition("bench", 0));
        MemoryRecords batch = BenchmarkData.batch(CompressionType.forName(codec), 100, 7L);
        while (log.size() < sizeBytes) {
            log.append(batch);
        }
        log.flush();
        devNull = new FileOutputStream("/dev/null").getChannel();
        System.out.printf("%nfilled %d bytes, %d records in %d segments%n", log.size(), log.logEndOffset(),
                log.numberOfSegments());
    }

    /** Closes and deletes the log directory. @throws IOException on cleanup failure */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        devNull.close();
        manager.close();
        BenchmarkData.deleteRecursively(dir);
    }

    private FetchDataInfo next() {
        if (position >= log.logEndOffset()) {
            position = log.logStartOffset();
        }
        return log.read(position, 1 << 20, true);
    }

    /**
     * Fetches 1 MiB and decodes every record.
     *
     * @param counters rates
     * @return a checksum so the work is not eliminated
     */
    @Benchmark
    public long iterateRecords(Counters counters) {
        FetchDataInfo info = next();
        long sum = 0;
        long n = 0;
        for (DefaultRecordBatch b : info.records().batches()) {
            for (Record r : b) {
                sum += r.valueSize() + r.keySize();
                n++;
            }
            position = b.nextOffset();
        }
        counters.records += n;
        counters.bytes += info.records().sizeInBytes();
        return sum;
    }

    /**
     * Fetches 1 MiB and transfers the slice to /dev/null without decoding.
     *
     * @param counters rates
     * @return bytes transferred
     * @throws IOException if the transfer fails
     */
    @Benchmark
    public long rawSlices(Counters counters) throws IOException {
        FetchDataInfo info = next();
        int size = info.records().sizeInBytes();
        long written = 0;
        while (written < size) {
            written += info.records().writeTo(devNull, written, size - (int) written);
        }
        // advance by walking the 61-byte batch headers only (the bytes themselves never enter the JVM)
        if (info.records() instanceof FileRecords file) {
            ByteBuffer header = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
            int p = 0;
            while (p < size) {
                DefaultRecordBatch h = file.readBatchHeader(p, header);
                position = h.nextOffset();
                counters.records += h.lastOffset() - h.baseOffset() + 1;
                p += h.sizeInBytes();
            }
        }
        counters.bytes += size;
        return written;
    }
}
