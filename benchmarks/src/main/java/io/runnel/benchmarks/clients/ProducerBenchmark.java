package io.runnel.benchmarks.clients;

import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.ByteArraySerializer;
import io.runnel.server.EmbeddedLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Producer throughput into the embedded log: values of {@link #valueSize} bytes without keys (sticky
 * partitioning), {@code acks=1} (idempotence therefore off), {@code compression.type} {@link #compressionType}
 * ({@code none} unless given: {@code -p compressionType=lz4,zstd}), over 1 or 6 partitions with {@code linger.ms}
 * 0 or 5. One invocation sends {@value #RECORDS} records and flushes; it counts as that many operations, so the
 * score (ops/s) is records/s acknowledged by the log. Retention keeps the log small.
 *
 * <pre>bin/runnel-bench ProducerBenchmark
 * java -jar benchmarks/target/benchmarks.jar ProducerBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s -p partitions=1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProducerBenchmark {

    static final int RECORDS = 10_000;

    /** Partitions of the topic. */
    @Param({"1", "6"})
    public int partitions;

    /** The producer's {@code linger.ms}. */
    @Param({"0", "5"})
    public int lingerMs;

    /** Bytes of each record's value. */
    @Param({"100", "1000"})
    public int valueSize;

    /** The producer's {@code compression.type}. */
    @Param({"none"})
    public String compressionType;

    private Path dir;
    private EmbeddedLog log;
    private RunnelProducer<byte[], byte[]> producer;
    private byte[][] values;

    /** @throws IOException if the temp directory cannot be created */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = ClientBenchmarkData.tempDir("runnel-producer-bench");
        log = EmbeddedLog.open(dir, Map.of("log.retention.bytes", Long.toString(256L << 20),
                "log.segment.bytes", Integer.toString(64 << 20), "log.retention.check.interval.ms", "1000",
                "log.segment.delete.delay.ms", "0"));
        log.logManager().createTopic("bench", partitions, Map.of());
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", log.bootstrapServers());
        props.put("key.serializer", ByteArraySerializer.class);
        props.put("value.serializer", ByteArraySerializer.class);
        props.put("acks", "1");
        props.put("linger.ms", lingerMs);
        props.put("compression.type", compressionType);
        producer = new RunnelProducer<>(props);
        values = ClientBenchmarkData.values(1024, valueSize, 42);
    }

    /** @throws IOException on cleanup failure */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        producer.close();
        log.close();
        ClientBenchmarkData.deleteRecursively(dir);
    }

    /** Sends {@value #RECORDS} records and waits until the log acknowledged them. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void send() {
        for (int i = 0; i < RECORDS; i++) {
            producer.send(new ProducerRecord<>("bench", values[i & 1023]));
        }
        producer.flush();
    }
}
