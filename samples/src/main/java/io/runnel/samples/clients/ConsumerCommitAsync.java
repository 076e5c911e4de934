package io.runnel.samples.clients;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.OffsetAndMetadata;
import io.runnel.clients.consumer.OffsetCommitCallback;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.TopicPartition;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Asynchronous commits: auto-commit off and {@code commitAsync(callback)} after each poll's records are processed.
 * The consumer sends the commit and goes on polling; the {@link OffsetCommitCallback} runs on the polling thread
 * during a later {@code poll}, {@code commitSync}, {@code commitAsync} or {@code close} with the offsets and null,
 * or the failure. A failed async commit is not retried (a later commit covers it); {@code close()} waits for
 * commits still in flight and runs their callbacks.
 *
 * <p>Kafka concepts: {@code commitAsync}, {@code OffsetCommitCallback}.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}), after a producer
 * sample wrote to the same log directory:
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ConsumerCommitAsync [log-dir]
 * }</pre>
 */
public final class ConsumerCommitAsync {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ConsumerCommitAsync.class);

    /** The group of this sample. */
    public static final String GROUP_ID = "commit-async-group";

    private ConsumerCommitAsync() {
    }

    /**
     * Logs each commit's result and keeps it. Called on the polling thread only.
     */
    public static final class LoggingCommitCallback implements OffsetCommitCallback {

        /** One completed commit: the offsets and the failure, null on success. */
        public record Result(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception) {
        }

        private final List<Result> results = new ArrayList<>();

        /** Creates a callback with no results yet. */
        public LoggingCommitCallback() {
        }

        @Override
        public void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception) {
            if (exception == null) {
                log.info("commit succeeded for {}", offsets);
            } else {
                log.error("commit failed for {}", offsets, exception);
            }
            results.add(new Result(Map.copyOf(offsets), exception));
        }

        /** @return the commits completed so far, in completion order; a copy */
        public List<Result> results() {
            return List.copyOf(results);
        }
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
     * Polls until caught up, printing each record and committing asynchronously after each non-empty poll; every
     * commit's callback has run when this returns.
     *
     * @param config   a consumer configuration with auto-commit off ({@link #config(String)})
     * @param callback told of each commit's result
     * @return the records processed
     */
    public static List<ConsumerRecord<String, String>> run(Properties config, OffsetCommitCallback callback) {
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
                    consumer.commitAsync(callback);
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
            LoggingCommitCallback callback = new LoggingCommitCallback();
            int records = run(config(embedded.bootstrapServers()), callback).size();
            System.out.println(records + " records processed; " + callback.results().size() + " commits completed");
        }
    }
}
