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
import io.runnel.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A temporary embedded log for integration tests: topics, producing and reading. */
public final class TestLog implements AutoCloseable {

    private final EmbeddedLog log;
    private final Admin admin;

    public TestLog(Path dir) {
        this.log = EmbeddedLog.open(dir.resolve("log"), Map.of("group.initial.rebalance.delay.ms", 0));
        this.admin = Admin.create(Map.of("bootstrap.servers", log.bootstrapServers()));
    }

    public String bootstrap() {
        return log.bootstrapServers();
    }

    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public Set<String> topics() {
        try {
            return admin.listTopics().names().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public Properties streamsProps(String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 500);
        return p;
    }

    public <K, V> void produce(String topic, Serializer<K> ks, Serializer<V> vs, List<KeyValue<K, V>> records,
                        long timestamp) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (RunnelProducer<K, V> producer = new RunnelProducer<>(props, ks, vs)) {
            for (KeyValue<K, V> kv : records) {
                producer.send(new ProducerRecord<>(topic, null, timestamp, kv.key, kv.value));
            }
            producer.flush();
        }
    }

    /**
     * Reads every record of a topic from the beginning until {@code done} holds for what was read. */
    public <K, V> List<ConsumerRecord<K, V>> readUntil(String topic, Deserializer<K> kd, Deserializer<V> vd,
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

    @Override
    public void close() {
        admin.close();
        log.close();
    }
}
