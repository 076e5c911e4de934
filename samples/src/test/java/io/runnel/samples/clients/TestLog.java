package io.runnel.samples.clients;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.server.EmbeddedLog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A throwaway embedded log for the samples' tests, with the helpers they share: produce, read a topic back,
 * committed offsets of a group, end offsets of a topic.
 */
public final class TestLog implements AutoCloseable {

    /** How long a test waits for anything. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedLog log;
    private final Admin admin;

    /**
     * @param directory an empty directory (a JUnit {@code @TempDir})
     */
    public TestLog(Path directory) {
        this.log = EmbeddedLog.open(directory);
        this.admin = Admin.create(Map.of("bootstrap.servers", log.bootstrapServers()));
    }

    /** @return {@code file:///...} of this log */
    public String bootstrapServers() {
        return log.bootstrapServers();
    }

    /**
     * @param topic      the topic
     * @param partitions its partition count
     */
    public void createTopic(String topic, int partitions) {
        SampleSupport.createTopic(bootstrapServers(), topic, partitions);
    }

    /**
     * Sends one string record per key and waits until all are acknowledged.
     *
     * @param topic the topic
     * @param keys  the keys (null for none), one record each
     * @param value the value of record i is {@code value + i}
     */
    public void produce(String topic, List<String> keys, String value) {
        Properties props = SimpleProducer.config(bootstrapServers());
        try (Producer<String, String> producer = new RunnelProducer<>(props)) {
            for (int i = 0; i < keys.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), value + i));
            }
            producer.flush();
        }
    }

    /**
     * @param topic the topic
     * @return every record of it, by partition then offset
     */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return SampleSupport.readAll(bootstrapServers(), topic, TIMEOUT);
    }

    /**
     * @param group a consumer group
     * @return its committed offsets
     */
    public Map<TopicPartition, Long> committed(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> result = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        offsets.forEach((tp, o) -> result.put(tp, o.offset()));
        return result;
    }

    /**
     * @param topic      a topic
     * @param partitions its partition count
     * @return the log end offset of each partition (partitions with no record included, at 0)
     */
    public Map<TopicPartition, Long> endOffsets(String topic, int partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    /** @return the Admin client of this log */
    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
        log.close();
    }
}
