package io.runnel.benchmarks.streams;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.ByteArraySerializer;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/** A temporary embedded log with a pre-filled input topic, shared by the Streams benchmarks. */
final class StreamsBenchmarkLog implements AutoCloseable {

    final Path root;
    final EmbeddedLog log;
    final Admin admin;

    StreamsBenchmarkLog(String name) {
        try {
            root = Files.createTempDirectory("runnel-bench-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log = EmbeddedLog.open(root.resolve("log"), Map.of("group.initial.rebalance.delay.ms", 0));
        admin = Admin.create(Map.of("bootstrap.servers", log.bootstrapServers()));
    }

    void createTopic(String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void recreateTopic(String topic, int partitions) {
        try {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        createTopic(topic, partitions);
    }

    /** Writes {@code n} records: keys "key-(i % distinctKeys)" and 100-byte values, 10 % of them shorter than 20. */
    void fill(String topic, int n, int distinctKeys) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        byte[] longValue = "v".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] shortValue = "short".getBytes(StandardCharsets.UTF_8);
        try (RunnelProducer<byte[], byte[]> producer = new RunnelProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                byte[] key = ("key-" + (i % distinctKeys)).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, null, (long) i, key, i % 10 == 0 ? shortValue : longValue));
            }
            producer.flush();
        }
    }

    Properties props(String applicationId, int threads) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, root.resolve("state").toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200L);
        return p;
    }

    /** Waits (polling every 20 ms) until the instance runs and has committed all its input. */
    static void awaitCaughtUp(RunnelStreams streams, int partitions) {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            if (streams.state() == RunnelStreams.State.RUNNING) {
                Map<?, Long> lags = streams.inputLags();
                if (lags.size() == partitions && lags.values().stream().allMatch(l -> l == 0)) {
                    return;
                }
            }
            if (streams.state() == RunnelStreams.State.ERROR) {
                throw new IllegalStateException("The benchmarked application failed");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The benchmarked application did not catch up within 10 minutes");
    }

    @Override
    public void close() {
        admin.close();
        log.close();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
