package io.runnel.benchmarks.connect;

import io.runnel.connect.runtime.standalone.ConnectStandalone;
import io.runnel.server.EmbeddedLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Records per second through the real Connect worker: an in-memory source task, its converters and producer, a
 * topic on a temporary embedded log, a sink task's consumer and converters, and an in-memory sink — all through
 * {@link ConnectStandalone}. The value is a four-field struct converted by the JSON converter with {@code
 * schemas.enable} on (the {@code {"schema":..., "payload":...}} envelope) or off; the key is a string. Each
 * operation is one record that reached the sink's {@code put} (an invocation waits for {@value #BATCH} of them), so
 * the score is records/s; the source runs at most {@value BenchmarkConnectors#WINDOW} records ahead of the sink,
 * and the log keeps at most 64 MiB. The worker runs for the whole trial; warm-up iterations absorb its start.
 *
 * <pre>bin/runnel-bench ConnectPipelineBenchmark
 * java -jar benchmarks/target/benchmarks.jar ConnectPipelineBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class ConnectPipelineBenchmark {

    static final int BATCH = 20_000;

    /** The value converter's {@code schemas.enable}. */
    @Param({"true", "false"})
    public boolean schemasEnable;

    private Path dir;
    private EmbeddedLog log;
    private ConnectStandalone connect;
    private BenchmarkConnectors.Counters counters;

    /**
     * Opens the log and starts the worker with the two connectors.
     *
     * @throws IOException if the temp directory cannot be created
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("runnel-connect-bench");
        log = EmbeddedLog.open(dir.resolve("log"), Map.of("log.segment.bytes", 16 * 1024 * 1024,
                "log.retention.bytes", 64L * 1024 * 1024, "log.retention.check.interval.ms", 2000L));
        String id = UUID.randomUUID().toString();
        counters = BenchmarkConnectors.counters(id);
        connect = ConnectStandalone.start(Map.of(
                "bootstrap.servers", log.bootstrapServers(),
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", Boolean.toString(schemasEnable),
                "offset.storage.file.filename", dir.resolve("connect.offsets").toString(),
                "offset.flush.interval.ms", "1000",
                "listeners", "http://127.0.0.1:0"), List.of(
                Map.of("name", "generator", "connector.class", BenchmarkConnectors.GeneratorSource.class.getName(),
                        "bench.id", id, "topic", "orders"),
                Map.of("name", "counter", "connector.class", BenchmarkConnectors.CountingSink.class.getName(),
                        "bench.id", id, "topics", "orders")));
    }

    /** @return records received by the sink so far, after waiting for {@value #BATCH} more */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long sourceToSink() {
        long target = counters.consumed.get() + BATCH;
        long consumed;
        while ((consumed = counters.consumed.get()) < target) {
            LockSupport.parkNanos(50_000);
        }
        return consumed;
    }

    /** @throws IOException if the directory cannot be walked */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        connect.close();
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
