package io.runnel.clients.producer;

import io.runnel.clients.ClientTestKit;
import io.runnel.clients.RunnelClient;
import io.runnel.common.Cluster;
import io.runnel.common.PartitionInfo;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.common.config.ConfigException;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.NetworkException;
import io.runnel.common.errors.RecordTooLargeException;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.Record;
import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.requests.ProduceRequest;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.common.utils.Time;
import io.runnel.log.PartitionLog;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class RunnelProducerTest {

    @TempDir
    Path dir;

    private EmbeddedLog log;

    @BeforeEach
    void open() {
        log = EmbeddedLog.open(dir, Map.of("num.partitions", "3"));
    }

    @AfterEach
    void close() {
        log.close();
    }

    private RunnelProducer<String, String> producer(Map<String, Object> overrides) {
        Map<String, Object> p = ClientTestKit.producerProps(log);
        p.putAll(overrides);
        return new RunnelProducer<>(p);
    }

    private List<String> values(TopicPartition tp) {
        PartitionLog pl = log.logManager().log(tp);
        List<String> out = new ArrayList<>();
        for (DefaultRecordBatch b : pl.read(pl.logStartOffset(), Integer.MAX_VALUE, true).records().batches()) {
            for (Record r : b) {
                out.add(r.hasValue() ? StandardCharsets.UTF_8.decode(r.value()).toString() : null);
            }
        }
        return out;
    }

    @Test
    void shouldReturnRecordMetadataWithOffsetTimestampAndSizes() throws Exception {
        try (RunnelProducer<String, String> p = producer(Map.of())) {
            RecordMetadata first = p.send(new ProducerRecord<>("t", 1, 1234L, "key", "value")).get();
            RecordMetadata second = p.send(new ProducerRecord<>("t", 1, null, null, "v2")).get();
            assertThat(first.topic()).isEqualTo("t");
            assertThat(first.partition()).isEqualTo(1);
            assertThat(first.offset()).isEqualTo(0);
            assertThat(first.timestamp()).isEqualTo(1234L);
            assertThat(first.serializedKeySize()).isEqualTo(3);
            assertThat(first.serializedValueSize()).isEqualTo(5);
            assertThat(first.toString()).isEqualTo("t-1@0");
            assertThat(second.offset()).isEqualTo(1);
            assertThat(second.serializedKeySize()).isEqualTo(-1);
            assertThat(second.hasTimestamp()).isTrue();
        }
    }

    @Test
    void shouldRunCallbacksInSendOrderPerPartition() throws Exception {
        List<Long> offsets = new ArrayList<>();
        try (RunnelProducer<String, String> p = producer(Map.of("linger.ms", 2, "batch.size", 200))) {
            for (int i = 0; i < 2000; i++) {
                p.send(new ProducerRecord<>("t", 2, "k", "v" + i), (md, e) -> offsets.add(md.offset()));
            }
            p.flush();
        }
        assertThat(offsets).hasSize(2000);
        for (int i = 0; i < offsets.size(); i++) {
            assertThat(offsets.get(i)).isEqualTo(i);
        }
        assertThat(values(new TopicPartition("t", 2)).get(1999)).isEqualTo("v1999");
    }

    @Test
    void shouldReportOffsetMinusOneUnderAcksZero() throws Exception {
        try (RunnelProducer<String, String> p = producer(Map.of("acks", "0"))) {
            RecordMetadata md = p.send(new ProducerRecord<>("t", 0, "k", "v")).get();
            assertThat(md.offset()).isEqualTo(-1);
            assertThat(md.hasOffset()).isFalse();
            assertThat(md.toString()).isEqualTo("t-0@-1");
        }
        assertThat(values(new TopicPartition("t", 0))).containsExactly("v");
    }

    @Test
    void shouldPlaceKeysOnThePartitionsKafkasProducerChooses() throws Exception {
        log.logManager().createTopic("seven", 7, Map.of());
        try (RunnelProducer<String, String> p = producer(Map.of())) {
            for (int i = 0; i < 200; i++) {
                String key = "customer-" + i;
                int partition = p.send(new ProducerRecord<>("seven", key, "v")).get().partition();
                byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
                int kafka = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(bytes, 7);
                assertThat(partition).as("partition of %s", key).isEqualTo(kafka);
            }
        }
    }

    @Test
    void shouldLetAnExplicitPartitionWinAndRejectOneOutOfRange() throws Exception {
        try (RunnelProducer<String, String> p = producer(Map.of())) {
            assertThat(p.send(new ProducerRecord<>("t", 2, "same-key", "v")).get().partition()).isEqualTo(2);
            assertThatThrownBy(() -> p.send(new ProducerRecord<>("t", 3, "k", "v")))
                    .isInstanceOf(InvalidPartitionsException.class)
                    .hasMessageContaining("Invalid partition given with record: 3 is not in the range [0...3)");
        }
    }

    /** Sends everything to the last partition; records what it was configured with. */
    public static final class LastPartitioner implements Partitioner {
        static final AtomicInteger CONFIGURED = new AtomicInteger();

        @Override
        public void configure(Map<String, ?> configs) {
            if ("yes".equals(configs.get("custom.setting"))) {
                CONFIGURED.incrementAndGet();
            }
        }

        @Override
        public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
            return cluster.partitionCountForTopic(topic) - 1;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldUseACustomPartitionerThatCountsPartitions() throws Exception {
        try (RunnelProducer<String, String> p = producer(Map.of("partitioner.class", LastPartitioner.class.getName(),
                "custom.setting", "yes"))) {
            assertThat(p.send(new ProducerRecord<>("t", "k", "v")).get().partition()).isEqualTo(2);
        }
        assertThat(LastPartitioner.CONFIGURED.get()).isPositive();
    }

    @Test
    void shouldSpreadRecordsWithTheRoundRobinPartitioner() throws Exception {
        Set<Integer> used = new HashSet<>();
        try (RunnelProducer<String, String> p = producer(Map.of("partitioner.class", RoundRobinPartitioner.class))) {
            for (int i = 0; i < 3; i++) {
                used.add(p.send(new ProducerRecord<>("t", "same", "v")).get().partition());
            }
        }
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void shouldKeepKeylessRecordsOfOneBatchOnOnePartition() throws Exception {
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        try (RunnelProducer<String, String> p = producer(Map.of("linger.ms", 60_000, "delivery.timeout.ms", 200_000))) {
            for (int i = 0; i < 20; i++) {
                futures.add(p.send(new ProducerRecord<>("t", "v" + i)));
            }
            p.flush();
            Set<Integer> partitions = new HashSet<>();
            for (Future<RecordMetadata> f : futures) {
                partitions.add(f.get().partition());
            }
            assertThat(partitions).hasSize(1);
        }
    }

    @Test
    void shouldMoveKeylessRecordsToAnotherPartitionWhenTheirBatchIsFull() throws Exception {
        Set<Integer> partitions = new HashSet<>();
        try (RunnelProducer<String, String> p = producer(Map.of("batch.size", 100, "linger.ms", 60_000,
                "delivery.timeout.ms", 200_000))) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                futures.add(p.send(new ProducerRecord<>("t", "value-" + "x".repeat(40) + i)));
            }
            p.flush();
            for (Future<RecordMetadata> f : futures) {
                partitions.add(f.get().partition());
            }
        }
        assertThat(partitions).hasSizeGreaterThan(1);
    }

    @Test
    void shouldFailARecordLargerThanMaxRequestSizeThroughFutureAndCallback() {
        CompletableFuture<Exception> callback = new CompletableFuture<>();
        try (RunnelProducer<String, String> p = producer(Map.of("max.request.size", 1000))) {
            Future<RecordMetadata> f = p.send(new ProducerRecord<>("t", "k", "x".repeat(2000)),
                    (md, e) -> callback.complete(e));
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("max.request.size");
        }
        assertThat(callback.join()).isInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void shouldFailABatchLargerThanTheTopicsMaxMessageBytes() {
        log.logManager().createTopic("small", 1, Map.of("max.message.bytes", "500"));
        CompletableFuture<Exception> callback = new CompletableFuture<>();
        try (RunnelProducer<String, String> p = producer(Map.of())) {
            Future<RecordMetadata> f = p.send(new ProducerRecord<>("small", "k", "x".repeat(2000)),
                    (md, e) -> callback.complete(e));
            assertThatThrownBy(f::get).hasCauseInstanceOf(RecordTooLargeException.class);
            assertThat(callback.join()).isInstanceOf(RecordTooLargeException.class);
            assertThat(p.send(new ProducerRecord<>("small", "k", "fits")).get(10, TimeUnit.SECONDS).offset()).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldBlockUpToMaxBlockMsWhenTheBufferIsFullThenFail() {
        Map<String, Object> props = ClientTestKit.producerProps(log);
        props.putAll(Map.of("buffer.memory", 2048, "batch.size", 1024, "max.block.ms", 200));
        RunnelProducer<String, String> p = new RunnelProducer<>(new ProducerConfig(props), new StringSerializer(),
                new StringSerializer(), new Unanswered(log.newClient("stuck")));
        try {
            p.send(new ProducerRecord<>("t", 0, "k", "a"));
            p.send(new ProducerRecord<>("t", 1, "k", "b"));
            long start = System.nanoTime();
            Future<RecordMetadata> f = p.send(new ProducerRecord<>("t", 2, "k", "c"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
            assertThatThrownBy(f::get).hasCauseInstanceOf(BufferExhaustedException.class)
                    .hasMessageContaining("max blocking time 200 ms");
        } finally {
            p.close(Duration.ZERO);
        }
    }

    /** A transport whose produce requests are never answered (the log is unreachable). */
    private static final class Unanswered implements RunnelClient {
        private final RunnelClient delegate;

        Unanswered(RunnelClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public <R extends AbstractResponse> CompletableFuture<R> send(AbstractRequest<R> request) {
            return request instanceof ProduceRequest ? new CompletableFuture<>() : delegate.send(request);
        }

        @Override
        public Time time() {
            return delegate.time();
        }

        @Override
        public String destination() {
            return delegate.destination();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void shouldSendEverythingBufferedOnClose() throws Exception {
        Future<RecordMetadata> f;
        try (RunnelProducer<String, String> p = producer(Map.of("linger.ms", 100_000, "delivery.timeout.ms", 200_000))) {
            f = p.send(new ProducerRecord<>("t", 0, "k", "buffered"));
            assertThat(f.isDone()).isFalse();
        }
        assertThat(f.get().offset()).isZero();
        assertThat(values(new TopicPartition("t", 0))).containsExactly("buffered");
    }

    @Test
    void shouldFailPendingSendsOnCloseWithZeroTimeout() {
        RunnelProducer<String, String> p = producer(Map.of("linger.ms", 100_000, "delivery.timeout.ms", 200_000));
        CompletableFuture<Exception> callback = new CompletableFuture<>();
        Future<RecordMetadata> f = p.send(new ProducerRecord<>("t", 0, "k", "pending"), (md, e) -> callback.complete(e));
        p.close(Duration.ZERO);
        assertThatThrownBy(f::get).hasCauseInstanceOf(RunnelException.class)
                .hasMessageContaining("Producer is closed forcefully.");
        assertThat(callback.join()).hasMessage("Producer is closed forcefully.");
        assertThat(values(new TopicPartition("t", 0))).isEmpty();
        assertThatThrownBy(() -> p.send(new ProducerRecord<>("t", "v"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void shouldSendWithoutWaitingForLingerWhenFlushed() throws Exception {
        try (RunnelProducer<String, String> p = producer(Map.of("linger.ms", 100_000, "delivery.timeout.ms", 200_000))) {
            Future<RecordMetadata> f = p.send(new ProducerRecord<>("t", 0, "k", "v"));
            p.flush();
            assertThat(f.isDone()).isTrue();
            assertThat(f.get().offset()).isZero();
        }
    }

    @Test
    void shouldNameEveryBadSettingAtOnceAndRefuseTransactions() {
        Map<String, Object> props = ClientTestKit.producerProps(log);
        props.put("transactional.id", "tx-1");
        props.put("acks", "2");
        props.put("batch.size", "-1");
        props.put("compression.type", "brotli");
        assertThatThrownBy(() -> new RunnelProducer<>(props)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).hasSize(4);
            assertThat(e.getMessage()).contains("transactional.id is not supported by Runnel: transactions are not "
                    + "supported yet").contains("acks").contains("batch.size").contains("compression.type");
        });
    }

    @Test
    void shouldRefuseIdempotenceWithAcksOneOnlyWhenAskedForExplicitly() {
        Map<String, Object> props = ClientTestKit.producerProps(log);
        props.put("acks", "1");
        assertThat(new ProducerConfig(props).idempotenceEnabled()).isFalse();
        props.put("enable.idempotence", "true");
        assertThatThrownBy(() -> new ProducerConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("enable.idempotence=true needs: acks must be all");
    }

    @Test
    void shouldReachNoNetworkAddress() {
        Map<String, Object> props = ClientTestKit.producerProps(log);
        props.put("bootstrap.servers", "localhost:9092");
        assertThatThrownBy(() -> new RunnelProducer<>(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not supported yet; use file:///path/to/dir");
    }

    @Test
    void shouldCreateMissingTopicsAndReportTheirPartitions() {
        try (RunnelProducer<String, String> p = producer(Map.of())) {
            List<PartitionInfo> ps = p.partitionsFor("fresh");
            assertThat(ps).hasSize(3);
            assertThat(ps.get(0).leader().id()).isZero();
        }
        assertThat(log.logManager().listTopics()).contains("fresh");
    }

    @Test
    void shouldMakeHeadersReadOnlyOnceSent() throws Exception {
        try (RunnelProducer<String, String> p = producer(Map.of())) {
            ProducerRecord<String, String> r = new ProducerRecord<>("t", 0, "k", "v");
            r.headers().add("h", new byte[]{1});
            p.send(r).get();
            assertThatThrownBy(() -> r.headers().add("h2", null)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldStampTheLogAppendTimeForLogAppendTimeTopics() throws Exception {
        log.logManager().createTopic("lat", 1, Map.of("message.timestamp.type", "LogAppendTime"));
        try (RunnelProducer<String, String> p = producer(Map.of())) {
            RecordMetadata md = p.send(new ProducerRecord<>("lat", null, 5L, "k", "v")).get();
            assertThat(md.timestamp()).isNotEqualTo(5L).isGreaterThan(1_000_000_000_000L);
        }
    }

    /** A transport that loses the answer to the first produce requests after the log appended them. */
    private static final class LosingResponses implements RunnelClient {
        private final RunnelClient delegate;
        private final AtomicInteger toLose;

        LosingResponses(RunnelClient delegate, int toLose) {
            this.delegate = delegate;
            this.toLose = new AtomicInteger(toLose);
        }

        @Override
        public <R extends AbstractResponse> CompletableFuture<R> send(AbstractRequest<R> request) {
            CompletableFuture<R> f = delegate.send(request);
            if (request instanceof ProduceRequest && toLose.getAndDecrement() > 0) {
                return f.thenApply(r -> {
                    throw new NetworkException("injected: the response was lost after the log appended the batch");
                });
            }
            return f;
        }

        @Override
        public Time time() {
            return delegate.time();
        }

        @Override
        public String destination() {
            return delegate.destination();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private List<Long> sendThroughLosingTransport(boolean idempotent) throws Exception {
        Map<String, Object> props = ClientTestKit.producerProps(log);
        props.put("enable.idempotence", idempotent);
        props.put("retry.backoff.ms", 1);
        if (!idempotent) {
            props.put("acks", "1");
        }
        List<Long> offsets = new ArrayList<>();
        try (RunnelProducer<String, String> p = new RunnelProducer<>(new ProducerConfig(props), new StringSerializer(),
                new StringSerializer(), new LosingResponses(log.newClient("lossy"), 3))) {
            for (int i = 0; i < 5; i++) {
                offsets.add(p.send(new ProducerRecord<>("t", 1, "k", "v" + i)).get().offset());
            }
        }
        return offsets;
    }

    @Test
    void shouldNotDuplicateABatchRetriedAfterItsResponseWasLost() throws Exception {
        List<Long> offsets = sendThroughLosingTransport(true);
        assertThat(offsets).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(values(new TopicPartition("t", 1))).containsExactly("v0", "v1", "v2", "v3", "v4");
    }

    @Test
    void shouldDuplicateRetriedBatchesWithoutIdempotence() throws Exception {
        sendThroughLosingTransport(false);
        assertThat(values(new TopicPartition("t", 1))).as("the contrast: a plain producer writes retries again")
                .hasSizeGreaterThan(5).startsWith("v0", "v0");
    }

    @Test
    void shouldAcceptSerializersAsInstances() throws Exception {
        Map<String, Object> props = new HashMap<>(ClientTestKit.producerProps(log));
        props.remove("key.serializer");
        props.remove("value.serializer");
        try (RunnelProducer<String, String> p = new RunnelProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            assertThat(p.send(new ProducerRecord<>("t", 0, "k", "v")).get().offset()).isZero();
        }
    }
}
