package io.runnel.clients.consumer;

import io.runnel.clients.ClientTestKit;
import io.runnel.clients.RunnelClient;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.GroupState;
import io.runnel.common.TopicPartition;
import io.runnel.common.errors.InvalidGroupIdException;
import io.runnel.common.errors.RecordDeserializationException;
import io.runnel.common.errors.SerializationException;
import io.runnel.common.errors.WakeupException;
import io.runnel.common.requests.AbstractRequest;
import io.runnel.common.requests.AbstractResponse;
import io.runnel.common.requests.FetchRequest;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.utils.Time;
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
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(90)
class RunnelConsumerTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);

    @TempDir
    Path dir;

    private EmbeddedLog log;
    private final List<RunnelConsumer<String, String>> consumers = new ArrayList<>();

    @BeforeEach
    void open() {
        log = EmbeddedLog.open(dir, Map.of("num.partitions", "2", "group.min.session.timeout.ms", "500"));
    }

    @AfterEach
    void close() {
        consumers.forEach(c -> c.close(Duration.ofSeconds(5)));
        log.close();
    }

    private RunnelConsumer<String, String> consumer(String group, Map<String, Object> overrides) {
        Map<String, Object> p = ClientTestKit.consumerProps(log, group);
        p.putAll(overrides);
        RunnelConsumer<String, String> c = new RunnelConsumer<>(p);
        consumers.add(c);
        return c;
    }

    private void produce(String topic, int partition, String... values) {
        try (RunnelProducer<String, String> p = new RunnelProducer<>(ClientTestKit.producerProps(log))) {
            for (String v : values) {
                p.send(new ProducerRecord<>(topic, partition, "k", v));
            }
            p.flush();
        }
    }

    private static List<String> pollValues(Consumer<String, String> c, int expected) {
        List<String> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (out.size() < expected && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(50)).forEach(r -> out.add(r.value()));
        }
        return out;
    }

    @Test
    void shouldKeepSubscriptionsAndAssignmentsMutuallyExclusive() {
        RunnelConsumer<String, String> c = consumer("g", Map.of());
        c.subscribe(List.of("t"));
        assertThatThrownBy(() -> c.assign(List.of(T0))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Subscription to topics, partitions and pattern are mutually exclusive");
        c.unsubscribe();
        c.assign(List.of(T0));
        assertThat(c.assignment()).containsExactly(T0);
        assertThat(c.subscription()).isEmpty();
    }

    @Test
    void shouldRefuseBadArgumentsWithKafkasMessages() {
        RunnelConsumer<String, String> noGroup = consumer(null, Map.of());
        assertThatThrownBy(() -> noGroup.subscribe(List.of("t"))).isInstanceOf(InvalidGroupIdException.class);
        assertThatThrownBy(() -> noGroup.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Consumer is not subscribed to any topics or assigned any partitions");
        assertThatThrownBy(() -> noGroup.subscribe(java.util.Arrays.asList("t", null)))
                .isInstanceOf(IllegalArgumentException.class);
        noGroup.assign(List.of(T0));
        assertThatThrownBy(() -> noGroup.seek(T0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> noGroup.position(T1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(noGroup::groupMetadata).isInstanceOf(InvalidGroupIdException.class);
    }

    @Test
    void shouldReturnAtMostMaxPollRecordsAndAdvanceThePosition() {
        String[] values = new String[100];
        for (int i = 0; i < 100; i++) {
            values[i] = "v" + i;
        }
        produce("t", 0, values);
        RunnelConsumer<String, String> c = consumer(null, Map.of("max.poll.records", 10));
        c.assign(List.of(T0));
        List<String> seen = new ArrayList<>();
        while (seen.size() < 100) {
            ConsumerRecords<String, String> rs = c.poll(Duration.ofSeconds(5));
            assertThat(rs.count()).isBetween(1, 10);
            rs.forEach(r -> seen.add(r.value()));
            assertThat(c.position(T0)).isEqualTo(seen.size());
            assertThat(rs.nextOffsets().get(T0).offset()).isEqualTo(seen.size());
        }
        assertThat(seen).containsExactly(values);
    }

    @Test
    void shouldGiveRecordsKafkasAccessors() {
        produce("t", 1, "hello");
        RunnelConsumer<String, String> c = consumer(null, Map.of());
        c.assign(List.of(T1));
        ConsumerRecord<String, String> r = c.poll(Duration.ofSeconds(5)).iterator().next();
        assertThat(r.topic()).isEqualTo("t");
        assertThat(r.partition()).isEqualTo(1);
        assertThat(r.offset()).isZero();
        assertThat(r.key()).isEqualTo("k");
        assertThat(r.value()).isEqualTo("hello");
        assertThat(r.serializedKeySize()).isEqualTo(1);
        assertThat(r.serializedValueSize()).isEqualTo(5);
        assertThat(r.timestampType().name).isEqualTo("CreateTime");
        assertThat(r.timestamp()).isPositive();
        assertThat(r.headers().toArray()).isEmpty();
    }

    @Test
    void shouldSeekAnywhereAndFindOffsetsByTimeAndBoundaries() {
        produce("t", 0, "a", "b", "c", "d");
        RunnelConsumer<String, String> c = consumer(null, Map.of());
        c.assign(List.of(T0));
        c.seek(T0, 2);
        assertThat(pollValues(c, 2)).containsExactly("c", "d");
        c.seekToBeginning(List.of());
        assertThat(c.position(T0)).isZero();
        c.seekToEnd(List.of(T0));
        assertThat(c.position(T0)).isEqualTo(4);
        assertThat(c.beginningOffsets(List.of(T0, T1))).containsEntry(T0, 0L).containsEntry(T1, 0L);
        assertThat(c.endOffsets(List.of(T0))).containsEntry(T0, 4L);
        Map<TopicPartition, OffsetAndTimestamp> byTime = c.offsetsForTimes(Map.of(T0, 0L, T1, 0L));
        assertThat(byTime.get(T0).offset()).isZero();
        assertThat(byTime.get(T1)).isNull();
        assertThat(c.offsetsForTimes(Map.of(T0, Long.MAX_VALUE / 2)).get(T0)).isNull();
        assertThatThrownBy(() -> c.offsetsForTimes(Map.of(T0, -5L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStartWhereAutoOffsetResetSays() {
        produce("t", 0, "old");
        RunnelConsumer<String, String> latest = consumer("latest", Map.of("auto.offset.reset", "latest"));
        latest.assign(List.of(T0));
        assertThat(latest.position(T0)).isEqualTo(1);
        RunnelConsumer<String, String> earliest = consumer("earliest", Map.of());
        earliest.assign(List.of(T0));
        assertThat(pollValues(earliest, 1)).containsExactly("old");
        RunnelConsumer<String, String> none = consumer("none", Map.of("auto.offset.reset", "none"));
        none.assign(List.of(T0));
        assertThatThrownBy(() -> none.poll(Duration.ofMillis(100))).isInstanceOf(NoOffsetForPartitionException.class)
                .satisfies(e -> assertThat(((NoOffsetForPartitionException) e).partitions()).containsExactly(T0));
    }

    @Test
    void shouldResumeAGroupFromItsCommittedOffsets() {
        produce("t", 0, "a", "b", "c");
        RunnelConsumer<String, String> first = consumer("g", Map.of("enable.auto.commit", false, "max.poll.records", 2));
        first.assign(List.of(T0));
        assertThat(first.poll(Duration.ofSeconds(5)).count()).isEqualTo(2);
        first.commitSync();
        assertThat(first.committed(Set.of(T0)).get(T0).offset()).isEqualTo(2);
        first.close();
        RunnelConsumer<String, String> second = consumer("g", Map.of());
        second.assign(List.of(T0));
        assertThat(pollValues(second, 1)).containsExactly("c");
    }

    @Test
    void shouldCommitOnCloseWithAutoCommit() {
        produce("t", 0, "a", "b");
        RunnelConsumer<String, String> c = consumer("auto", Map.of("auto.commit.interval.ms", 60_000));
        c.subscribe(List.of("t"));
        assertThat(pollValues(c, 2)).hasSize(2);
        c.close();
        RunnelConsumer<String, String> check = consumer("auto", Map.of());
        assertThat(check.committed(Set.of(T0)).get(T0).offset()).isEqualTo(2);
    }

    @Test
    void shouldRunAsyncCommitCallbacksOnThePollingThread() {
        produce("t", 0, "a");
        RunnelConsumer<String, String> c = consumer("g", Map.of("enable.auto.commit", false));
        c.assign(List.of(T0));
        pollValues(c, 1);
        CompletableFuture<Thread> callbackThread = new CompletableFuture<>();
        c.commitAsync((offsets, e) -> {
            assertThat(e).isNull();
            assertThat(offsets).containsEntry(T0, new OffsetAndMetadata(1));
            callbackThread.complete(Thread.currentThread());
        });
        c.poll(Duration.ZERO);
        assertThat(callbackThread.join()).isSameAs(Thread.currentThread());
    }

    /** Fails on values that say "bad". */
    public static final class PickyDeserializer implements Deserializer<String> {
        @Override
        public String deserialize(String topic, byte[] data) {
            String s = new String(data, StandardCharsets.UTF_8);
            if (s.equals("bad")) {
                throw new SerializationException("cannot read 'bad'");
            }
            return s;
        }
    }

    @Test
    void shouldStopAtARecordThatCannotBeDeserializedUntilTheApplicationSeeksPastIt() {
        produce("t", 0, "one", "bad", "three");
        RunnelConsumer<String, String> c = consumer(null, Map.of("value.deserializer", PickyDeserializer.class));
        c.assign(List.of(T0));
        assertThat(pollValues(c, 1)).containsExactly("one");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> c.poll(Duration.ofSeconds(2))).isInstanceOfSatisfying(
                    RecordDeserializationException.class, e -> {
                        assertThat(e.topicPartition()).isEqualTo(T0);
                        assertThat(e.offset()).isEqualTo(1);
                        assertThat(e.origin()).isEqualTo(RecordDeserializationException.DeserializationExceptionOrigin.VALUE);
                        assertThat(StandardCharsets.UTF_8.decode(e.valueBuffer()).toString()).isEqualTo("bad");
                        assertThat(e.getMessage()).contains("seek past the record");
                    });
        }
        assertThat(c.position(T0)).isEqualTo(1);
        c.seek(T0, 2);
        assertThat(pollValues(c, 1)).containsExactly("three");
    }

    @Test
    void shouldWakeUpABlockedPollFromAnotherThread() throws Exception {
        RunnelConsumer<String, String> c = consumer(null, Map.of("fetch.max.wait.ms", 100));
        c.assign(List.of(T0));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        CountDownLatch polling = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                polling.countDown();
                c.poll(Duration.ofSeconds(60));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        t.start();
        polling.await();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(c::assignment).isInstanceOf(ConcurrentModificationException.class)
                        .hasMessageContaining("not safe for multi-threaded access"));
        c.wakeup();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(WakeupException.class);
        t.join();
        c.wakeup();
        assertThatThrownBy(() -> c.poll(Duration.ZERO)).as("a wakeup before the call").isInstanceOf(WakeupException.class);
        assertThat(c.poll(Duration.ZERO).isEmpty()).isTrue();
    }

    @Test
    void shouldFetchNothingFromPausedPartitions() {
        produce("t", 0, "a");
        produce("t", 1, "b");
        RunnelConsumer<String, String> c = consumer(null, Map.of());
        c.assign(List.of(T0, T1));
        c.pause(List.of(T0));
        assertThat(c.paused()).containsExactly(T0);
        assertThat(pollValues(c, 1)).containsExactly("b");
        assertThat(c.poll(Duration.ofMillis(200)).isEmpty()).isTrue();
        c.resume(List.of(T0));
        assertThat(pollValues(c, 1)).containsExactly("a");
    }

    @Test
    void shouldLongPollInsteadOfSpinning() {
        AtomicInteger fetches = new AtomicInteger();
        Map<String, Object> props = ClientTestKit.consumerProps(log, null);
        props.put("fetch.max.wait.ms", 300);
        RunnelConsumer<String, String> c = new RunnelConsumer<>(new ConsumerConfig(props), new StringDeserializer(),
                new StringDeserializer(), new Counting(log.newClient("counting"), fetches));
        consumers.add(c);
        log.logManager().createTopic("t", 2, Map.of());
        c.assign(List.of(T0));
        long start = System.nanoTime();
        assertThat(c.poll(Duration.ofMillis(1500)).isEmpty()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1400);
        assertThat(fetches.get()).as("fetches in 1.5 s with fetch.max.wait.ms=300").isBetween(2, 8);
        produce("t", 0, "x");
        assertThat(pollValues(c, 1)).containsExactly("x");
    }

    @Test
    void shouldWaitForFetchMinBytesUpToFetchMaxWait() {
        produce("t", 0, "small");
        RunnelConsumer<String, String> c = consumer(null, Map.of("fetch.min.bytes", 1_000_000, "fetch.max.wait.ms",
                700));
        c.assign(List.of(T0));
        long start = System.nanoTime();
        assertThat(pollValues(c, 1)).containsExactly("small");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(600);
    }

    private static final class Counting implements RunnelClient {
        private final RunnelClient delegate;
        private final AtomicInteger fetches;

        Counting(RunnelClient delegate, AtomicInteger fetches) {
            this.delegate = delegate;
            this.fetches = fetches;
        }

        @Override
        public <R extends AbstractResponse> CompletableFuture<R> send(AbstractRequest<R> request) {
            if (request instanceof FetchRequest) {
                fetches.incrementAndGet();
            }
            return delegate.send(request);
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
    void shouldSubscribeToTopicsMatchingAPatternIncludingNewOnes() {
        produce("orders-eu", 0, "eu");
        RunnelConsumer<String, String> c = consumer("p", Map.of("metadata.max.age.ms", 100));
        c.subscribe(Pattern.compile("orders-.*"));
        assertThat(pollValues(c, 1)).containsExactly("eu");
        produce("orders-us", 0, "us");
        produce("other", 0, "no");
        assertThat(pollValues(c, 1)).containsExactly("us");
        assertThat(c.subscription()).containsExactlyInAnyOrder("orders-eu", "orders-us");
    }

    /** Records rebalance callbacks. */
    private static final class Recorder implements ConsumerRebalanceListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            events.add("revoked" + sorted(partitions));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            events.add("assigned" + sorted(partitions));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            events.add("lost" + sorted(partitions));
        }

        static List<String> sorted(Collection<TopicPartition> ps) {
            return ps.stream().map(TopicPartition::toString).sorted().toList();
        }
    }

    private static void pollUntil(java.util.function.BooleanSupplier done, RunnelConsumer<?, ?>... cs) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!done.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition not reached in time").isLessThan(deadline);
            for (RunnelConsumer<?, ?> c : cs) {
                c.poll(Duration.ofMillis(20));
            }
        }
    }

    @Test
    void shouldRevokeEverythingBeforeAssigningUnderTheEagerProtocol() {
        Recorder r1 = new Recorder();
        RunnelConsumer<String, String> c1 = consumer("eager", Map.of("partition.assignment.strategy", "range"));
        c1.subscribe(List.of("t"), r1);
        pollUntil(() -> c1.assignment().size() == 2, c1);
        RunnelConsumer<String, String> c2 = consumer("eager", Map.of("partition.assignment.strategy", "range"));
        c2.subscribe(List.of("t"));
        pollUntil(() -> c1.assignment().size() == 1 && c2.assignment().size() == 1, c1, c2);
        assertThat(r1.events).containsExactly("assigned[t-0, t-1]", "revoked[t-0, t-1]", "assigned[t-0]");
        assertThat(c1.groupMetadata().generationId()).isEqualTo(c2.groupMetadata().generationId()).isGreaterThan(1);
    }

    @Test
    void shouldKeepUnmovedPartitionsUnderTheCooperativeProtocol() {
        log.logManager().createTopic("coop", 4, Map.of());
        Recorder r1 = new Recorder();
        RunnelConsumer<String, String> c1 = consumer("coop", Map.of("partition.assignment.strategy",
                CooperativeStickyAssignor.class.getName()));
        c1.subscribe(List.of("coop"), r1);
        pollUntil(() -> c1.assignment().size() == 4, c1);
        RunnelConsumer<String, String> c2 = consumer("coop", Map.of("partition.assignment.strategy",
                "cooperative-sticky"));
        c2.subscribe(List.of("coop"));
        pollUntil(() -> c1.assignment().size() == 2 && c2.assignment().size() == 2, c1, c2);
        assertThat(r1.events.get(0)).isEqualTo("assigned[coop-0, coop-1, coop-2, coop-3]");
        assertThat(r1.events).noneMatch(e -> e.equals("revoked[coop-0, coop-1, coop-2, coop-3]"));
        int revoked = r1.events.indexOf(r1.events.stream().filter(e -> e.startsWith("revoked")).findFirst().orElseThrow());
        assertThat(r1.events.get(revoked)).matches("revoked\\[coop-\\d, coop-\\d]");
        assertThat(r1.events.get(revoked + 1)).as("assigned follows revoked").isEqualTo("assigned[]");
        Set<TopicPartition> both = new HashSet<>(c1.assignment());
        both.retainAll(c2.assignment());
        assertThat(both).isEmpty();
    }

    @Test
    void shouldFailTheCommitOfAMemberThatStoppedPollingAndReportItsPartitionsLost() {
        Recorder r = new Recorder();
        RunnelConsumer<String, String> c = consumer("slow", Map.of("max.poll.interval.ms", 300,
                "enable.auto.commit", false));
        c.subscribe(List.of("t"), r);
        pollUntil(() -> c.assignment().size() == 2, c);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                log.groupCoordinator().groupState("slow") == GroupState.EMPTY);
        assertThatThrownBy(c::commitSync).isInstanceOf(CommitFailedException.class);
        pollUntil(() -> r.events.contains("lost[t-0, t-1]") && c.assignment().size() == 2, c);
        assertThat(r.events).containsSubsequence("assigned[t-0, t-1]", "lost[t-0, t-1]", "assigned[t-0, t-1]");
    }

    @Test
    void shouldReportLagAndGroupMetadataAndRebalanceOnDemand() {
        produce("t", 0, "a", "b", "c");
        RunnelConsumer<String, String> c = consumer("lag", Map.of("max.poll.records", 1));
        c.subscribe(List.of("t"));
        pollUntil(() -> c.assignment().contains(T0) && c.currentLag(T0).isPresent() && c.position(T0) >= 1, c);
        assertThat(c.currentLag(T0).getAsLong()).isEqualTo(3 - c.position(T0));
        ConsumerGroupMetadata md = c.groupMetadata();
        assertThat(md.groupId()).isEqualTo("lag");
        assertThat(md.memberId()).isNotEmpty();
        assertThat(md.generationId()).isPositive();
        c.enforceRebalance("test");
        pollUntil(() -> c.groupMetadata().generationId() > md.generationId(), c);
    }

    @Test
    void shouldLeaveTheGroupAtOnceWhenClosed() {
        RunnelConsumer<String, String> c1 = consumer("leave", Map.of());
        RunnelConsumer<String, String> c2 = consumer("leave", Map.of());
        c1.subscribe(List.of("t"));
        c2.subscribe(List.of("t"));
        pollUntil(() -> c1.assignment().size() == 1 && c2.assignment().size() == 1, c1, c2);
        c2.close();
        pollUntil(() -> c1.assignment().size() == 2, c1);
        assertThatThrownBy(() -> c2.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void shouldRebalanceWhenTheSubscribedTopicGetsMorePartitions() {
        RunnelConsumer<String, String> c = consumer("grow", Map.of("metadata.max.age.ms", 100));
        c.subscribe(List.of("t"));
        pollUntil(() -> c.assignment().size() == 2, c);
        log.logManager().createPartitions("t", 4);
        pollUntil(() -> c.assignment().size() == 4, c);
    }

    @Test
    void shouldLetTheRevocationListenerCommitWhileTheConsumerCloses() {
        produce("t", 0, "a", "b");
        RunnelConsumer<String, String> c = consumer("commit-on-close", Map.of("enable.auto.commit", false));
        List<Throwable> listenerFailures = new CopyOnWriteArrayList<>();
        c.subscribe(List.of("t"), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                try {
                    c.commitSync(); // Kafka's documented pattern: commit what was processed before partitions move
                    c.close();      // a close from inside close is a no-op
                } catch (RuntimeException e) {
                    listenerFailures.add(e);
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
        assertThat(pollValues(c, 2)).containsExactly("a", "b");

        c.close();

        assertThat(listenerFailures).isEmpty();
        RunnelConsumer<String, String> reader = consumer("commit-on-close", Map.of());
        assertThat(reader.committed(Set.of(T0)).get(T0).offset()).isEqualTo(2L);
        assertThatThrownBy(() -> c.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void shouldRethrowAListenerFailureAfterCompletingTheRebalance() {
        RunnelConsumer<String, String> c = consumer("throws", Map.of());
        AtomicInteger revocations = new AtomicInteger();
        c.subscribe(List.of("t"), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                revocations.incrementAndGet();
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    throw new IllegalStateException("listener bug");
                }
            }
        });
        assertThatThrownBy(() -> pollUntil(() -> false, c)).isInstanceOf(io.runnel.common.RunnelException.class)
                .hasMessageContaining("onPartitionsAssigned").hasRootCauseMessage("listener bug");
        assertThat(c.assignment()).hasSize(2);
        int before = revocations.get();
        c.enforceRebalance();
        assertThatThrownBy(() -> pollUntil(() -> false, c)).hasRootCauseMessage("listener bug");
        assertThat(revocations.get()).as("the next rebalance still revokes first").isEqualTo(before + 1);
    }

    @Test
    void shouldLetAStaticMemberRestartWithoutARebalance() {
        Map<String, Object> staticProps = Map.of("group.instance.id", "worker-1", "session.timeout.ms", 6000);
        RunnelConsumer<String, String> first = consumer("static", staticProps);
        first.subscribe(List.of("t"));
        pollUntil(() -> first.assignment().size() == 2, first);
        int generation = first.groupMetadata().generationId();
        first.close();
        assertThat(log.groupCoordinator().groupState("static")).as("a static member does not leave on close")
                .isEqualTo(GroupState.STABLE);
        RunnelConsumer<String, String> restarted = consumer("static", staticProps);
        restarted.subscribe(List.of("t"));
        pollUntil(() -> restarted.assignment().size() == 2, restarted);
        assertThat(restarted.groupMetadata().generationId()).isEqualTo(generation);
        assertThat(restarted.groupMetadata().groupInstanceId()).contains("worker-1");
    }

    @Test
    void shouldNameEveryBadSettingAtOnce() {
        Map<String, Object> props = new HashMap<>(ClientTestKit.consumerProps(log, "g"));
        props.put("auto.offset.reset", "sometimes");
        props.put("max.poll.records", "0");
        props.put("isolation.level", "dirty");
        assertThatThrownBy(() -> new RunnelConsumer<String, String>(props))
                .isInstanceOfSatisfying(io.runnel.common.config.ConfigException.class,
                        e -> assertThat(e.problems()).hasSize(3));
    }
}
