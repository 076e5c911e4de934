package io.runnel.benchmarks.clients;

import io.runnel.clients.consumer.ConsumerRecords;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency, producer to consumer: one 100-byte record is sent ({@code linger.ms=0}, {@code acks=1}) and
 * the benchmark thread polls until the consumer returns it. The consumer's fetch is a long poll
 * ({@code fetch.max.wait.ms=500}) that the append completes, so the time is: send, sender thread, append, fetch
 * wake-up, read, deserialize. One operation is one record's round trip; JMH's sample mode reports the mean and the
 * percentiles (p50, p99, p99.9) in µs per record.
 *
 * <pre>bin/runnel-bench EndToEndLatencyBenchmark
 * java -jar benchmarks/target/benchmarks.jar EndToEndLatencyBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EndToEndLatencyBenchmark {

    private Path dir;
    private EmbeddedLog log;
    private RunnelProducer<byte[], byte[]> producer;
    private RunnelConsumer<byte[], byte[]> consumer;
    private byte[] value;

    /** @throws IOException if the temp directory cannot be created */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = ClientBenchmarkData.tempDir("runnel-latency-bench");
        log = EmbeddedLog.open(dir, Map.of("log.retention.bytes", Long.toString(128L << 20),
                "log.segment.bytes", Integer.toString(32 << 20), "log.retention.check.interval.ms", "1000",
                "log.segment.delete.delay.ms", "0"));
        log.logManager().createTopic("latency", 1, Map.of());
        Map<String, Object> pp = new HashMap<>();
        pp.put("bootstrap.servers", log.bootstrapServers());
        pp.put("key.serializer", ByteArraySerializer.class);
        pp.put("value.serializer", ByteArraySerializer.class);
        pp.put("acks", "1");
        pp.put("linger.ms", 0);
        producer = new RunnelProducer<>(pp);
        Map<String, Object> cp = new HashMap<>();
        cp.put("bootstrap.servers", log.bootstrapServers());
        cp.put("key.deserializer", ByteArrayDeserializer.class);
        cp.put("value.deserializer", ByteArrayDeserializer.class);
        cp.put("auto.offset.reset", "latest");
        consumer = new RunnelConsumer<>(cp);
        consumer.assign(List.of(new TopicPartition("latency", 0)));
        consumer.poll(Duration.ZERO);
        value = ClientBenchmarkData.values(1, 100, 3)[0];
    }

    /** @throws IOException on cleanup failure */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        consumer.close();
        producer.close();
        log.close();
        ClientBenchmarkData.deleteRecursively(dir);
    }

    /**
     * Sends one record and polls until it arrives.
     *
     * @return the records (so JMH does not eliminate the work)
     */
    @Benchmark
    public ConsumerRecords<byte[], byte[]> sendAndReceive() {
        producer.send(new ProducerRecord<>("latency", value));
        ConsumerRecords<byte[], byte[]> records;
        do {
            records = consumer.poll(Duration.ofSeconds(5));
        } while (records.isEmpty());
        return records;
    }
}
