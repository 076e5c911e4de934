package io.runnel.samples.clients;

import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * A producer with message keys: {@code ("Pangyo", "23")} and {@code ("Busan", "23")} to topic
 * {@value SimpleProducer#TOPIC_NAME}. The built-in partitioner hashes the serialized key with murmur2, exactly as
 * Kafka's ({@code toPositive(murmur2(keyBytes)) % partitions}), so every record with one key lands on one partition
 * (with 3 partitions: "Pangyo" on 1, "Busan" on 2), the same partition number as in Kafka: per-key order.
 *
 * <p>Kafka concepts: message key, key-based partitioning, per-partition ordering.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ProducerWithKeys [log-dir]
 * }</pre>
 */
public final class ProducerWithKeys {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ProducerWithKeys.class);

    /** The first key. */
    public static final String KEY_PANGYO = "Pangyo";
    /** The second key. */
    public static final String KEY_BUSAN = "Busan";
    /** The value of both records. */
    public static final String VALUE = "23";

    private ProducerWithKeys() {
    }

    /**
     * Sends {@code (Pangyo, 23)} then {@code (Busan, 23)} and closes the producer.
     *
     * @param config a producer configuration with string serializers ({@link SimpleProducer#config(String)})
     */
    public static void run(Properties config) {
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            for (String key : new String[] {KEY_PANGYO, KEY_BUSAN}) {
                ProducerRecord<String, String> record = new ProducerRecord<>(SimpleProducer.TOPIC_NAME, key, VALUE);
                producer.send(record);
                log.info("sent {}", record);
            }
        }
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            run(SimpleProducer.config(embedded.bootstrapServers()));
        }
    }
}
