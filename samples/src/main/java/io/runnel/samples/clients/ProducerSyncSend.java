package io.runnel.samples.clients;

import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RecordMetadata;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.errors.InterruptException;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Synchronous sends: {@code producer.send(record).get()} blocks until the log has appended the record and returns
 * its {@link RecordMetadata}, logged as Kafka prints it, {@code topic-partition@offset} (for example
 * {@code test-2@1}: partition 2, offset 1). Simple and slow: one record in flight at a time, so no batching.
 *
 * <p>Kafka concepts: {@code Future<RecordMetadata>}, {@code acks} (the default {@code all}; on one node the same as
 * {@code 1}), synchronous delivery results.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ProducerSyncSend [log-dir]
 * }</pre>
 */
public final class ProducerSyncSend {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ProducerSyncSend.class);

    private ProducerSyncSend() {
    }

    /**
     * Sends {@code (Pangyo, 23)} and {@code (Busan, 23)} one at a time, waiting for each result.
     *
     * @param config a producer configuration with string serializers ({@link SimpleProducer#config(String)})
     * @return the metadata of each record, in send order
     * @throws ExecutionException with the cause (for example {@code RecordTooLargeException}) if a send failed
     * @throws InterruptException if interrupted while waiting
     */
    public static List<RecordMetadata> run(Properties config) throws ExecutionException {
        List<RecordMetadata> results = new ArrayList<>();
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            for (String key : new String[] {ProducerWithKeys.KEY_PANGYO, ProducerWithKeys.KEY_BUSAN}) {
                ProducerRecord<String, String> record = new ProducerRecord<>(SimpleProducer.TOPIC_NAME, key,
                        ProducerWithKeys.VALUE);
                RecordMetadata metadata = producer.send(record).get();
                log.info("{}", metadata);
                results.add(metadata);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
        return results;
    }

    /**
     * @param args {@code [log-directory]}
     * @throws ExecutionException if a send failed
     */
    public static void main(String[] args) throws ExecutionException {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            run(SimpleProducer.config(embedded.bootstrapServers()));
        }
    }
}
