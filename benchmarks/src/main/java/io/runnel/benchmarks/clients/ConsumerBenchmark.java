package io.runnel.benchmarks.clients;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.ByteArrayDeserializer;
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
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Consumer throughput from the embedded log: {@value #RECORDS} records of 100 bytes (written once, in ~16 KiB
 * batches, over 1 or 6 partitions) are read from the beginning by a consumer with manual assignment, CRC checks on
 * and byte-array deserializers, each record's value handed to a blackhole. One invocation reads all
 * {@value #RECORDS} records ({@code seekToBeginning} first) and counts as that many operations, so the score
 * (ops/s) is records/s.
 *
 * <pre>bin/runnel-bench ConsumerBenchmark
 * java -jar benchmarks/target/benchmarks.jar ConsumerBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConsumerBenchmark {

    static final int RECORDS = 500_000;

    /** Partitions of the topic. */
    @Param({"1", "6"})
    public int partitions;

    private Path dir;
    private EmbeddedLog log;
    private RunnelConsumer<byte[], byte[]> consumer;
    private List<TopicPartition> assigned;

    /** @throws IOException if the temp directory cannot be created */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = ClientBenchmarkData.tempDir("runnel-consumer-bench");
        log = EmbeddedLog.open(dir);
        log.logManager().createTopic("bench", partitions, Map.of());
        Map<String, Object> pp = new HashMap<>();
        pp.put("bootstrap.servers", log.bootstrapServers());
        pp.put("key.serializer", ByteArraySerializer.class);
        pp.put("value.serializer", ByteArraySerializer.class);
        pp.put("linger.ms", 5);
        byte[][] values = ClientBenchmarkData.values(1024, 100, 7);
        try (RunnelProducer<byte[], byte[]> p = new RunnelProducer<>(pp)) {
            for (int i = 0; i < RECORDS; i++) {
                p.send(new ProducerRecord<>("bench", i % partitions, null, values[i & 1023]));
            }
        }
        Map<String, Object> cp = new HashMap<>();
        cp.put("bootstrap.servers", log.bootstrapServers());
        cp.put("key.deserializer", ByteArrayDeserializer.class);
        cp.put("value.deserializer", ByteArrayDeserializer.class);
        cp.put("max.poll.records", 2000);
        consumer = new RunnelConsumer<>(cp);
        assigned = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            assigned.add(new TopicPartition("bench", p));
        }
        consumer.assign(assigned);
    }

    /** @throws IOException on cleanup failure */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        consumer.close();
        log.close();
        ClientBenchmarkData.deleteRecursively(dir);
    }

    /**
     * Reads every record from the beginning.
     *
     * @param bh sink
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void consumeAll(Blackhole bh) {
        consumer.seekToBeginning(assigned);
        int read = 0;
        while (read < RECORDS) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(5))) {
                bh.consume(r.value());
                read++;
            }
        }
    }
}
