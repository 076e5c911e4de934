package io.runnel.clients.producer;

import io.runnel.clients.ClientTestKit;
import io.runnel.clients.RunnelClient;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.NetworkException;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.Record;
import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.requests.ProduceRequest;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.common.utils.Time;
import io.runnel.log.PartitionLog;
import io.runnel.server.EmbeddedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotent producer at scale, with a transport that loses responses after the log appended. */
@Timeout(120)
class IdempotentProducerIT {

    @TempDir
    Path dir;

    /** Loses a random fraction of produce responses after the log appended. */
    private static final class Lossy implements RunnelClient {
        private final RunnelClient delegate;
        private final Random random = new Random(17);
        private final AtomicInteger lost = new AtomicInteger();

        Lossy(RunnelClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public <R extends AbstractResponse> CompletableFuture<R> send(AbstractRequest<R> request) {
            CompletableFuture<R> f = delegate.send(request);
            boolean lose;
            synchronized (random) {
                lose = request instanceof ProduceRequest && random.nextInt(5) == 0;
            }
            if (lose) {
                lost.incrementAndGet();
                return f.thenApply(r -> {
                    throw new NetworkException("injected: response lost");
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

    @Test
    void shouldWriteEveryRecordExactlyOnceWhenResponsesAreLostAtRandom() throws Exception {
        int total = 10_000;
        try (EmbeddedLog log = EmbeddedLog.open(dir, Map.of("num.partitions", "4"))) {
            Map<String, Object> props = ClientTestKit.producerProps(log);
            props.put("retry.backoff.ms", 1);
            props.put("batch.size", 2048);
            Lossy lossy = new Lossy(log.newClient("lossy"));
            try (RunnelProducer<String, String> p = new RunnelProducer<>(new ProducerConfig(props),
                    new StringSerializer(), new StringSerializer(), lossy)) {
                for (int i = 0; i < total; i++) {
                    p.send(new ProducerRecord<>("exact", "k" + (i % 13), "r" + i));
                }
            }
            assertThat(lossy.lost.get()).as("responses lost").isPositive();
            Set<String> values = new HashSet<>();
            int records = 0;
            for (int part = 0; part < 4; part++) {
                PartitionLog pl = log.logManager().log(new TopicPartition("exact", part));
                Map<String, Integer> lastOfKey = new HashMap<>();
                for (DefaultRecordBatch b : pl.read(0, Integer.MAX_VALUE, true).records().batches()) {
                    for (Record r : b) {
                        records++;
                        String v = StandardCharsets.UTF_8.decode(r.value()).toString();
                        values.add(v);
                        int n = Integer.parseInt(v.substring(1));
                        Integer prev = lastOfKey.put(StandardCharsets.UTF_8.decode(r.key()).toString(), n);
                        assertThat(prev == null || prev < n).as("order of key records in partition %d", part).isTrue();
                    }
                }
            }
            assertThat(records).as("records in the log").isEqualTo(total);
            assertThat(values).hasSize(total);
        }
    }
}
