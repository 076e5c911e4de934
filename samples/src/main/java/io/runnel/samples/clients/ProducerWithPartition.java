package io.runnel.samples.clients;

import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * A producer that names the partition: {@code ProducerRecord(topic, partition, key, value)} with partition
 * {@value #PARTITION}. An explicit partition always wins: neither the key's hash ("Pangyo" would hash to partition 1
 * of 3) nor {@code partitioner.class} is consulted. A partition the topic does not have fails {@code send} with
 * {@code InvalidPartitionsException} naming the valid range.
 *
 * <p>Kafka concepts: explicit partition in {@code ProducerRecord}.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ProducerWithPartition [log-dir]
 * }</pre>
 */
public final class ProducerWithPartition {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ProducerWithPartition.class);

    /** The partition the record is sent to. */
    public static final int PARTITION = 0;

    private ProducerWithPartition() {
    }

    /**
     * Sends {@code (Pangyo, 23)} to partition {@code partition} of {@value SimpleProducer#TOPIC_NAME}.
     *
     * @param config    a producer configuration with string serializers ({@link SimpleProducer#config(String)})
     * @param partition the partition, which must exist
     * @throws io.runnel.common.errors.InvalidPartitionsException if the topic has no such partition
     */
    public static void run(Properties config, int partition) {
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(SimpleProducer.TOPIC_NAME, partition,
                    ProducerWithKeys.KEY_PANGYO, ProducerWithKeys.VALUE);
            producer.send(record);
            log.info("sent {}", record);
        }
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            run(SimpleProducer.config(embedded.bootstrapServers()), PARTITION);
        }
    }
}
