package io.runnel.samples.clients;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.server.EmbeddedLog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The simplest consumer: a member of group {@value #GROUP_ID} subscribed to {@value SimpleProducer#TOPIC_NAME},
 * printing every record, with automatic commits ({@code enable.auto.commit=true}, Kafka's default): the consumer
 * commits its positions inside {@code poll} every {@code auto.commit.interval.ms} and once more in {@code close()}.
 * A second run in the same group starts where the first stopped.
 *
 * <p>A Kafka consumer usually polls forever; this one stops once it has read everything the topic held (so that
 * the sample ends by itself). {@link ConsumerWithWakeup} shows the endless loop and how to stop it.
 *
 * <p>Kafka concepts: consumer group, {@code subscribe}, {@code poll}, auto-commit, {@code auto.offset.reset}
 * (here {@code earliest}: a group without committed offsets starts at the beginning, not at the end).
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}), after a producer
 * sample wrote to the same log directory:
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.SimpleConsumer [log-dir]
 * }</pre>
 */
public final class SimpleConsumer {

    static {
        SampleSupport.configureLogging();
    }

    /** The consumer group of the consumer samples. */
    public static final String GROUP_ID = "test-group";
    /** How long one {@code poll} waits for records. */
    public static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private SimpleConsumer() {
    }

    /**
     * @param bootstrapServers the log
     * @return group {@value #GROUP_ID}, string deserializers, {@code auto.offset.reset=earliest}; auto-commit on
     */
    public static Properties config(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    /**
     * Subscribes, prints every record to standard output until the consumer has read everything its partitions
     * held, then closes (which commits).
     *
     * @param config a consumer configuration ({@link #config(String)})
     * @return the records read, in the order they were polled
     */
    public static List<ConsumerRecord<String, String>> run(Properties config) {
        List<ConsumerRecord<String, String>> consumed = new ArrayList<>();
        try (Consumer<String, String> consumer = new RunnelConsumer<>(config)) {
            consumer.subscribe(List.of(SimpleProducer.TOPIC_NAME));
            while (!SampleSupport.caughtUp(consumer)) {
                ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
                for (ConsumerRecord<String, String> record : records) {
                    System.out.println("record: " + record);
                    consumed.add(record);
                }
            }
        }
        return consumed;
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        try (EmbeddedLog embedded = EmbeddedLog.open(SampleSupport.logDirectory(args))) {
            SampleSupport.createTopic(embedded.bootstrapServers(), SimpleProducer.TOPIC_NAME,
                    SimpleProducer.PARTITIONS);
            List<ConsumerRecord<String, String>> records = run(config(embedded.bootstrapServers()));
            System.out.println(records.size() + " records read; offsets committed for group " + GROUP_ID);
        }
    }
}
