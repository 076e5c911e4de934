package io.runnel.samples.clients;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRebalanceListener;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.TopicPartition;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A consumer with a {@link ConsumerRebalanceListener} that commits on revocation. Auto-commit is off; the
 * consumer remembers, per partition, the offset after the last record it processed, and when partitions are
 * revoked — another member joined or left the group, or this consumer unsubscribes or closes — the listener commits
 * exactly those offsets with {@code commitSync} before the partitions move, so the next owner starts right after
 * the last processed record: nothing processed twice, nothing skipped.
 *
 * <p>To keep the listener's role visible, this sample commits only there; a real application also commits after
 * processing (as {@link ConsumerCommitSync}), and commits on revocation what it processed since.
 *
 * <p>The group uses the default assignors (range first, hence the EAGER protocol): at each rebalance every owned
 * partition is revoked before the consumer rejoins. With {@code cooperative-sticky} only the partitions that move
 * are revoked.
 *
 * <p>Kafka concepts: {@code ConsumerRebalanceListener}, {@code onPartitionsRevoked}/{@code onPartitionsAssigned},
 * rebalance, {@code commitSync(Map)}.
 *
 * <p>Not thread-safe: one thread polls (the listener runs inside {@code poll} and {@code close}).
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}), after a producer
 * sample wrote to the same log directory:
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ConsumerWithRebalanceListener [log-dir]
 * }</pre>
 */
public final class ConsumerWithRebalanceListener implements AutoCloseable {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ConsumerWithRebalanceListener.class);

    /** The group of this sample. */
    public static final String GROUP_ID = "rebalance-group";

    private final Consumer<String, String> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> currentOffsets = new HashMap<>();
    private final List<Map<TopicPartition, OffsetAndMetadata>> commitsOnRevocation = new ArrayList<>();

    /**
     * Creates the consumer and subscribes it to {@value SimpleProducer#TOPIC_NAME} with the listener; it joins the
     * group at its first {@link #poll}.
     *
     * @param config a consumer configuration with auto-commit off ({@link #config(String)})
     */
    public ConsumerWithRebalanceListener(Properties config) {
        this.consumer = new RunnelConsumer<>(config);
        consumer.subscribe(List.of(SimpleProducer.TOPIC_NAME), new RebalanceListener());
    }

    /**
     * @param bootstrapServers the log
     * @return {@link SimpleConsumer#config(String)} with group {@value #GROUP_ID} and auto-commit off
     */
    public static Properties config(String bootstrapServers) {
        Properties props = SimpleConsumer.config(bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /** Commits what was processed on the revoked partitions, before they move. */
    private final class RebalanceListener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata offset = currentOffsets.remove(tp);
                if (offset != null) {
                    toCommit.put(tp, offset);
                }
            }
            log.info("partitions revoked: {}; committing {}", partitions, toCommit);
            if (!toCommit.isEmpty()) {
                consumer.commitSync(toCommit);
            }
            commitsOnRevocation.add(toCommit);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("partitions assigned: {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // another member may own them already: committing would fail, and must not succeed
            log.warn("partitions lost: {}; their uncommitted progress will be processed again", partitions);
            partitions.forEach(currentOffsets::remove);
        }
    }

    /**
     * One poll: prints the records and remembers the offset after each. Rebalance callbacks run inside.
     *
     * @param timeout the longest wait for records
     * @return the records processed
     */
    public List<ConsumerRecord<String, String>> poll(Duration timeout) {
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        List<ConsumerRecord<String, String>> processed = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            System.out.println("record: " + record);
            currentOffsets.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
            processed.add(record);
        }
        return processed;
    }

    /** @return the partitions assigned now */
    public Set<TopicPartition> assignment() {
        return consumer.assignment();
    }

    /** @return whether this consumer has read everything its partitions hold ({@link SampleSupport#caughtUp}) */
    public boolean caughtUp() {
        return SampleSupport.caughtUp(consumer);
    }

    /** @return what the listener committed at each revocation so far, oldest first (empty maps included) */
    public List<Map<TopicPartition, OffsetAndMetadata>> commitsOnRevocation() {
        return List.copyOf(commitsOnRevocation);
    }

    /** Leaves the group: the listener is told of the revocation (and commits) first. */
    @Override
    public void close() {
        consumer.close();
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            int processed = 0;
            try (ConsumerWithRebalanceListener sample = new ConsumerWithRebalanceListener(
                    config(embedded.bootstrapServers()))) {
                while (!sample.caughtUp()) {
                    processed += sample.poll(SimpleConsumer.POLL_TIMEOUT).size();
                }
            }
            System.out.println(processed + " records processed; committed when the partitions were revoked at close");
        }
    }
}
