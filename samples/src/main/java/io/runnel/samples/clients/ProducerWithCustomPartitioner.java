package io.runnel.samples.clients;

import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Properties;

/**
 * A producer with a custom partitioner ({@link PangyoPartitioner}, set with {@code partitioner.class}): key
 * "Pangyo" always goes to partition 0 (the built-in partitioner would put it on 1 of 3) and every other key is
 * hashed with murmur2 over partitions 1 and 2.
 *
 * <p>Kafka concepts: {@code Partitioner}, {@code partitioner.class}.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ProducerWithCustomPartitioner [log-dir]
 * }</pre>
 */
public final class ProducerWithCustomPartitioner {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(ProducerWithCustomPartitioner.class);

    /** The keys sent, each with value "23". */
    public static final List<String> KEYS = List.of("Pangyo", "Busan", "Seoul", "Jeju", "Incheon", "Daegu");

    private ProducerWithCustomPartitioner() {
    }

    /**
     * @param bootstrapServers the log
     * @return {@link SimpleProducer#config(String)} plus {@code partitioner.class} = {@link PangyoPartitioner}
     */
    public static Properties config(String bootstrapServers) {
        Properties props = SimpleProducer.config(bootstrapServers);
        props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PangyoPartitioner.class.getName());
        return props;
    }

    /**
     * Sends one record {@code (key, "23")} per key of {@link #KEYS} to {@value SimpleProducer#TOPIC_NAME}.
     *
     * @param config a configuration with {@code partitioner.class} ({@link #config(String)})
     */
    public static void run(Properties config) {
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            for (String key : KEYS) {
                producer.send(new ProducerRecord<>(SimpleProducer.TOPIC_NAME, key, ProducerWithKeys.VALUE),
                        (metadata, exception) -> {
                            if (exception == null) {
                                log.info("key {} -> {}", key, metadata);
                            } else {
                                log.error("key {} failed", key, exception);
                            }
                        });
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
            run(config(embedded.bootstrapServers()));
        }
    }
}
