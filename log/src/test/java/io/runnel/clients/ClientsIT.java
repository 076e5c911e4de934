package io.runnel.clients;

import io.runnel.clients.consumer.ConsumerRebalanceListener;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producers, consumers and the group coordinator together on one embedded log, with real threads.
 */
@Timeout(180)
class ClientsIT {

    @TempDir
    Path dir;

    /** value = producer:sequence; key = producer:key, so a key's values must arrive in sequence order. */
    private static String value(int producer, int seq) {
        return producer + ":" + seq;
    }

    @Test
    void shouldDeliverEveryRecordOnceAndInOrderWithSeveralProducersAndConsumers() throws Exception {
        int producers = 3;
        int perProducer = 5000;
        try (EmbeddedLog log = EmbeddedLog.open(dir, Map.of("num.partitions", "6"))) {
            ExecutorService pool = Executors.newFixedThreadPool(producers + 3);
            List<Future<?>> sends = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                sends.add(pool.submit(() -> {
                    Map<String, Object> props = ClientTestKit.producerProps(log);
                    props.put("linger.ms", 1);
                    props.put("batch.size", 4096);
                    try (RunnelProducer<String, String> producer = new RunnelProducer<>(props)) {
                        for (int i = 0; i < perProducer; i++) {
                            producer.send(new ProducerRecord<>("events", id + ":" + (i % 50), value(id, i)));
                        }
                    }
                    return null;
                }));
            }
            Map<String, TopicPartition> partitionOfKey = new ConcurrentHashMap<>();
            Map<String, Integer> lastSeqOfKey = new ConcurrentHashMap<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            AtomicInteger outOfOrder = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> consumers = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                consumers.add(pool.submit(() -> {
                    try (RunnelConsumer<String, String> consumer = new RunnelConsumer<>(ClientTestKit.consumerProps(log,
                            "readers"))) {
                        consumer.subscribe(List.of("events"));
                        while (!stop.get()) {
                            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                                if (!seen.add(r.value())) {
                                    duplicates.incrementAndGet();
                                }
                                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                                if (!tp.equals(partitionOfKey.computeIfAbsent(r.key(), k -> tp))) {
                                    outOfOrder.incrementAndGet();
                                }
                                int seq = Integer.parseInt(r.value().substring(r.value().indexOf(':') + 1));
                                Integer prev = lastSeqOfKey.put(r.key(), seq);
                                if (prev != null && prev >= seq) {
                                    outOfOrder.incrementAndGet();
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : sends) {
                f.get(60, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == producers * perProducer);
            stop.set(true);
            for (Future<?> f : consumers) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(seen).hasSize(producers * perProducer);
            assertThat(duplicates.get()).as("records consumed twice").isZero();
            assertThat(outOfOrder.get()).as("records of a key out of order or on two partitions").isZero();
            long inLog = 0;
            for (int p = 0; p < 6; p++) {
                inLog += log.logManager().log(new TopicPartition("events", p)).logEndOffset();
            }
            assertThat(inLog).as("records in the log").isEqualTo(producers * perProducer);
        }
    }

    /** Consumes, committing after each poll and when partitions are revoked. */
    private static final class Member implements Runnable {
        final RunnelConsumer<String, String> consumer;
        final Map<String, Integer> counts;
        final Map<String, Set<TopicPartition>> owners;
        final String name;
        final AtomicBoolean stop = new AtomicBoolean();
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Member(EmbeddedLog log, String name, Map<String, Integer> counts, Map<String, Set<TopicPartition>> owners) {
            Map<String, Object> props = ClientTestKit.consumerProps(log, "elastic");
            props.put("enable.auto.commit", false);
            props.put("max.poll.records", 100);
            props.put("client.id", name);
            this.consumer = new RunnelConsumer<>(props);
            this.counts = counts;
            this.owners = owners;
            this.name = name;
        }

        @Override
        public void run() {
            Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
            try {
                consumer.subscribe(List.of("stream"), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
                        partitions.forEach(tp -> {
                            if (processed.containsKey(tp)) {
                                mine.put(tp, processed.remove(tp));
                            }
                        });
                        consumer.commitSync(mine);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    }
                });
                while (!stop.get()) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(50));
                    for (ConsumerRecord<String, String> r : records) {
                        counts.merge(r.value(), 1, Integer::sum);
                    }
                    processed.putAll(records.nextOffsets());
                    if (!records.isEmpty()) {
                        consumer.commitSync(records.nextOffsets());
                    }
                    owners.put(name, new HashSet<>(consumer.assignment()));
                }
                owners.remove(name);
                consumer.close();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }
    }

    @Test
    void shouldConsumeEverythingWhileTheGroupGoesFromOneToThreeToTwoMembers() throws Exception {
        int total = 20_000;
        try (EmbeddedLog log = EmbeddedLog.open(dir, Map.of("num.partitions", "6"))) {
            Map<String, Integer> counts = new ConcurrentHashMap<>();
            Map<String, Set<TopicPartition>> owners = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newCachedThreadPool();
            AtomicLong produced = new AtomicLong();
            Future<?> producing = pool.submit(() -> {
                try (RunnelProducer<String, String> p = new RunnelProducer<>(ClientTestKit.producerProps(log))) {
                    for (int i = 0; i < total; i++) {
                        p.send(new ProducerRecord<>("stream", "k" + (i % 97), "r" + i));
                        produced.incrementAndGet();
                        if (i % 500 == 0) {
                            p.flush();
                        }
                    }
                }
                return null;
            });
            Member a = new Member(log, "a", counts, owners);
            pool.submit(a);
            await().atMost(Duration.ofSeconds(30)).until(() -> counts.size() > 2000);
            Member b = new Member(log, "b", counts, owners);
            Member c = new Member(log, "c", counts, owners);
            pool.submit(b);
            pool.submit(c);
            await().atMost(Duration.ofSeconds(30)).until(() -> owners.size() == 3
                    && owners.values().stream().allMatch(s -> !s.isEmpty()) && counts.size() > 8000);
            b.stop.set(true);
            b.done.get(30, TimeUnit.SECONDS);
            producing.get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> counts.size() == total);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Set<TopicPartition> union = new HashSet<>();
                int sum = 0;
                for (Set<TopicPartition> s : owners.values()) {
                    union.addAll(s);
                    sum += s.size();
                }
                assertThat(owners).containsOnlyKeys("a", "c");
                assertThat(union).as("every partition owned").hasSize(6);
                assertThat(sum).as("no partition owned twice").isEqualTo(6);
            });
            a.stop.set(true);
            c.stop.set(true);
            a.done.get(30, TimeUnit.SECONDS);
            c.done.get(30, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(counts).as("every record consumed at least once").hasSize(total);
            int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
            assertThat(duplicates).as("duplicates, bounded by uncommitted work (one poll per member change)")
                    .isLessThanOrEqualTo(3 * 100);
        }
    }
}
