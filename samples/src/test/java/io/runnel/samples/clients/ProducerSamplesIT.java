package io.runnel.samples.clients;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.RecordMetadata;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.InvalidRecordException;
import io.runnel.common.errors.RecordTooLargeException;
import io.runnel.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.runnel.samples.clients.SimpleProducer.PARTITIONS;
import static io.runnel.samples.clients.SimpleProducer.TOPIC_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The producer samples on a throwaway embedded log, topic "test" with 3 partitions. */
class ProducerSamplesIT {

    @TempDir
    Path dir;

    private TestLog log;

    @BeforeEach
    void openLog() {
        log = new TestLog(dir);
        log.createTopic(TOPIC_NAME, PARTITIONS);
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static int murmur2Partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Test
    void simpleProducerShouldWriteOneRecordWithoutKey() {
        SimpleProducer.run(SimpleProducer.config(log.bootstrapServers()));

        List<ConsumerRecord<String, String>> records = log.readAll(TOPIC_NAME);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isNull();
        assertThat(records.get(0).value()).isEqualTo(SimpleProducer.MESSAGE);
    }

    @Test
    void producerWithKeysShouldPutEveryRecordOfAKeyOnTheKeysMurmur2Partition() {
        ProducerWithKeys.run(SimpleProducer.config(log.bootstrapServers()));
        ProducerWithKeys.run(SimpleProducer.config(log.bootstrapServers()));

        List<ConsumerRecord<String, String>> records = log.readAll(TOPIC_NAME);
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r.value()).isEqualTo("23"));
        Map<String, List<Integer>> partitionsByKey = records.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(ConsumerRecord::partition, Collectors.toList())));
        // the same numbers Kafka's default partitioner gives: Pangyo -> 1, Busan -> 2 (of 3)
        assertThat(partitionsByKey).containsOnly(
                Map.entry("Pangyo", List.of(1, 1)),
                Map.entry("Busan", List.of(2, 2)));
        assertThat(murmur2Partition("Pangyo", PARTITIONS)).isEqualTo(1);
    }

    @Test
    void producerWithPartitionShouldWriteToTheGivenPartitionWhateverTheKeyHashes() {
        ProducerWithPartition.run(SimpleProducer.config(log.bootstrapServers()), ProducerWithPartition.PARTITION);
        ProducerWithPartition.run(SimpleProducer.config(log.bootstrapServers()), 2);

        List<ConsumerRecord<String, String>> records = log.readAll(TOPIC_NAME);
        assertThat(records).extracting(ConsumerRecord::partition).containsExactly(0, 2);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("Pangyo");
    }

    @Test
    void producerWithPartitionShouldRefuseAPartitionTheTopicDoesNotHave() {
        assertThatThrownBy(() -> ProducerWithPartition.run(SimpleProducer.config(log.bootstrapServers()), 3))
                .isInstanceOf(InvalidPartitionsException.class)
                .hasMessageContaining("3");
        assertThat(log.readAll(TOPIC_NAME)).isEmpty();
    }

    @Test
    void customPartitionerShouldSendPangyoToPartitionZeroAndHashOtherKeysOverTheOthers() {
        ProducerWithCustomPartitioner.run(ProducerWithCustomPartitioner.config(log.bootstrapServers()));

        List<ConsumerRecord<String, String>> records = log.readAll(TOPIC_NAME);
        assertThat(records).hasSize(ProducerWithCustomPartitioner.KEYS.size());
        for (ConsumerRecord<String, String> r : records) {
            int expected = r.key().equals("Pangyo") ? 0 : 1 + murmur2Partition(r.key(), PARTITIONS - 1);
            assertThat(r.partition()).as("partition of %s", r.key()).isEqualTo(expected);
        }
        assertThat(records).filteredOn(r -> r.partition() == 0).extracting(ConsumerRecord::key)
                .containsExactly("Pangyo");
        // both other partitions get keys: the hash really spreads them
        assertThat(records).extracting(ConsumerRecord::partition).contains(1, 2);
    }

    @Test
    void customPartitionerShouldRefuseARecordWithoutKey() {
        Properties config = ProducerWithCustomPartitioner.config(log.bootstrapServers());
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            // Kafka delivers this failure through the future; Runnel throws it from send: accept both
            Throwable failure = catchThrowable(() -> producer.send(new ProducerRecord<>(TOPIC_NAME, "no key")).get());
            Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
            assertThat(cause).isInstanceOf(InvalidRecordException.class).hasMessageContaining("need a key");
        }
    }

    @Test
    void customPartitionerShouldSendEverythingToPartitionZeroOfASinglePartitionTopic() {
        log.createTopic("single", 1);
        Properties config = ProducerWithCustomPartitioner.config(log.bootstrapServers());
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            for (String key : ProducerWithCustomPartitioner.KEYS) {
                producer.send(new ProducerRecord<>("single", key, "v"));
            }
        }
        assertThat(log.readAll("single")).hasSize(ProducerWithCustomPartitioner.KEYS.size())
                .allSatisfy(r -> assertThat(r.partition()).isZero());
    }

    @Test
    void syncSendShouldReturnMetadataPrintedAsTopicPartitionAtOffset() throws Exception {
        ProducerWithKeys.run(SimpleProducer.config(log.bootstrapServers())); // Pangyo@0 on 1, Busan@0 on 2

        List<RecordMetadata> results = ProducerSyncSend.run(SimpleProducer.config(log.bootstrapServers()));

        assertThat(results).extracting(RecordMetadata::toString).containsExactly("test-1@1", "test-2@1");
        List<ConsumerRecord<String, String>> records = log.readAll(TOPIC_NAME);
        for (RecordMetadata m : results) {
            assertThat(records).anySatisfy(r -> {
                assertThat(r.partition()).isEqualTo(m.partition());
                assertThat(r.offset()).isEqualTo(m.offset());
            });
        }
    }

    @Test
    void asyncCallbackShouldBeToldOfEveryRecordsMetadataBeforeCloseReturns() {
        List<String> values = IntStream.range(0, 20).mapToObj(Integer::toString).toList();
        ProducerAsyncCallback.ProducerCallback callback = new ProducerAsyncCallback.ProducerCallback();

        ProducerAsyncCallback.run(SimpleProducer.config(log.bootstrapServers()), values, callback);

        List<ProducerAsyncCallback.ProducerCallback.Result> results = callback.results();
        assertThat(results).hasSize(20).allSatisfy(r -> {
            assertThat(r.exception()).isNull();
            assertThat(r.metadata().partition()).isEqualTo(1); // key Pangyo
        });
        // one partition: callbacks in send order, offsets 0..19
        assertThat(results).extracting(r -> r.metadata().offset())
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> (long) i).toList());
        assertThat(log.readAll(TOPIC_NAME)).extracting(ConsumerRecord::value).containsExactlyElementsOf(values);
    }

    @Test
    void asyncCallbackShouldBeToldOfAFailedSend() {
        Properties config = SimpleProducer.config(log.bootstrapServers());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024);
        ProducerAsyncCallback.ProducerCallback callback = new ProducerAsyncCallback.ProducerCallback();

        ProducerAsyncCallback.run(config, List.of("small", "x".repeat(4096)), callback);

        assertThat(callback.results()).hasSize(2);
        assertThat(callback.results()).filteredOn(r -> r.exception() == null).hasSize(1);
        assertThat(callback.results()).filteredOn(r -> r.exception() != null).singleElement()
                .satisfies(r -> assertThat(r.exception()).isInstanceOf(RecordTooLargeException.class));
        assertThat(log.readAll(TOPIC_NAME)).extracting(ConsumerRecord::value).containsExactly("small");
    }
}
