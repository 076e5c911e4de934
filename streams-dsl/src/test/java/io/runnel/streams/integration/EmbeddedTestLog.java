package io.runnel.streams.integration;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serializer;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A temporary embedded log for the DSL's integration tests: topics, producing, reading, waiting for an app. */
final class EmbeddedTestLog implements AutoCloseable {

    private final EmbeddedLog log;
    private final Admin admin;

    EmbeddedTestLog(Path dir) {
        this.log = EmbeddedLog.open(dir.resolve("log"), Map.of("group.initial.rebalance.delay.ms", 0));
        this.admin = Admin.create(Map.of("bootstrap.servers", log.bootstrapServers()));
    }

    String bootstrap() {
        return log.bootstrapServers();
    }

    void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    Properties streamsProps(String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 500);
        return p;
    }

    /** Produces records with explicit timestamps (null key = sticky partitioning). */
    <K, V> void produce(String topic, Serializer<K> ks, Serializer<V> vs, List<KeyValue<K, V>> records,
                        List<Long> timestamps) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (RunnelProducer<K, V> producer = new RunnelProducer<>(props, ks, vs)) {
            for (int i = 0; i < records.size(); i++) {
                KeyValue<K, V> kv = records.get(i);
                producer.send(new ProducerRecord<>(topic, null, timestamps.get(i), kv.key, kv.value));
            }
            producer.flush();
        }
    }

    <K, V> void produce(String topic, Serializer<K> ks, Serializer<V> vs, List<KeyValue<K, V>> records,
                        long timestamp) {
        List<Long> ts = new ArrayList<>();
        records.forEach(r -> ts.add(timestamp));
        produce(topic, ks, vs, records, ts);
    }

    /** Reads a topic from the beginning until {@code done} holds for everything read. */
    <K, V> List<ConsumerRecord<K, V>> readUntil(String topic, Deserializer<K> kd, Deserializer<V> vd,
                                                Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<K, V>> all = new ArrayList<>();
        try (RunnelConsumer<K, V> consumer = new RunnelConsumer<>(props, kd, vd)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions(topic); p++) {
                tps.add(new TopicPartition(topic, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            await().atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(50)).forEach(all::add);
                return done.test(all);
            });
        }
        return all;
    }

    /** Waits until the application runs and has committed all input its tasks read. */
    static void awaitCaughtUp(RunnelStreams streams, Duration timeout) {
        await().atMost(timeout).until(() -> streams.state() == RunnelStreams.State.RUNNING
                && !streams.inputLags().isEmpty()
                && streams.inputLags().values().stream().allMatch(l -> l == 0));
    }

    @Override
    public void close() {
        admin.close();
        log.close();
    }
}
