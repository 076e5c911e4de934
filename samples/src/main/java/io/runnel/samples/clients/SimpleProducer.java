package io.runnel.samples.clients;

import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.server.EmbeddedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * The simplest producer: one record, value {@value #MESSAGE}, no key, to topic {@value #TOPIC_NAME}. Without a key
 * the producer's built-in partitioner picks the partition (sticky partitioning, Kafka's KIP-480); {@code send}
 * only appends to a batch, and {@code close()} sends what is buffered before it returns.
 *
 * <p>Kafka concepts: {@code ProducerRecord}, {@code bootstrap.servers}, {@code key.serializer} /
 * {@code value.serializer}, fire-and-forget {@code send}.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.SimpleProducer [log-dir]
 * }</pre>
 * The log directory defaults to {@value SampleSupport#DEFAULT_LOG_DIRECTORY}; topic {@value #TOPIC_NAME} is created
 * there with 3 partitions if missing. Read the record back with {@link SimpleConsumer} on the same directory.
 */
public final class SimpleProducer {

    static {
        SampleSupport.configureLogging(); // before the logger below exists
    }

    private static final Logger log = LoggerFactory.getLogger(SimpleProducer.class);

    /** The topic the producer samples write to and the consumer samples read. */
    public static final String TOPIC_NAME = "test";
    /** Partitions of {@value #TOPIC_NAME}. */
    public static final int PARTITIONS = 3;
    /** The value sent. */
    public static final String MESSAGE = "testMessage";

    private SimpleProducer() {
    }

    /**
     * @param bootstrapServers the log, {@code file:///dir} ({@link EmbeddedLog#bootstrapServers()})
     * @return the producer configuration of this sample: string key and value serializers
     */
    public static Properties config(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    /**
     * Sends {@value #MESSAGE} to {@value #TOPIC_NAME} and closes the producer, which delivers it.
     *
     * @param config a producer configuration ({@link #config(String)})
     */
    public static void run(Properties config) {
        try (Producer<String, String> producer = new RunnelProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC_NAME, MESSAGE);
            producer.send(record);
            log.info("sent {}", record);
            producer.flush();
        }
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), TOPIC_NAME, PARTITIONS);
            run(config(embedded.bootstrapServers()));
        }
    }
}
