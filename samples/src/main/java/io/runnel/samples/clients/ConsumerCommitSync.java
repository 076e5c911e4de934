package io.runnel.samples.clients;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Synchronous commits: auto-commit off ({@code enable.auto.commit=false}) and {@code commitSync()} after the
 * records of each poll are processed. {@code commitSync()} commits the positions after the last records the poll
 * returned and blocks until the group coordinator stored them, so a record is never committed before it was
 * processed (at-least-once: a crash between processing and commit re-delivers the poll's records).
 *
 * <p>Kafka concepts: {@code enable.auto.commit=false}, {@code commitSync()}, committed offsets in
 * {@code __consumer_offsets}.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}), after a producer
 * sample wrote to the same log directory:
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ConsumerCommitSync [log-dir]
 * }</pre>
 */
public final class ConsumerCommitSync {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ConsumerCommitSync.class);

    /** The group of this sample. */
    public static final String GROUP_ID = "commit-sync-group";

    private ConsumerCommitSync() {
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

    /**
     * Polls until caught up, printing each record and committing synchronously after each non-empty poll.
     *
     * @param config a consumer configuration with auto-commit off ({@link #config(String)})
     * @return the records processed
     * @throws io.runnel.clients.consumer.CommitFailedException if the consumer was no longer in the group when it
     *         committed (its partitions may belong to another member)
     */
    public static List<ConsumerRecord<String, String>> run(Properties config) {
        List<ConsumerRecord<String, String>> processed = new ArrayList<>();
        try (Consumer<String, String> consumer = new RunnelConsumer<>(config)) {
            consumer.subscribe(List.of(SimpleProducer.TOPIC_NAME));
            while (!SampleSupport.caughtUp(consumer)) {
                ConsumerRecords<String, String> records = consumer.poll(SimpleConsumer.POLL_TIMEOUT);
                for (ConsumerRecord<String, String> record : records) {
                    System.out.println("record: " + record);
                    processed.add(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    log.info("committed after {} records", records.count());
                }
            }
        }
        return processed;
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            System.out.println(run(config(embedded.bootstrapServers())).size() + " records processed and committed");
        }
    }
}
