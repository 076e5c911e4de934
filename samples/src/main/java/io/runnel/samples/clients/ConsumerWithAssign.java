package io.runnel.samples.clients;

import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.server.EmbeddedLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A consumer that picks its partition itself with {@code assign()} instead of joining a group with
 * {@code subscribe()}: it reads partition {@value #PARTITION} of {@value SimpleProducer#TOPIC_NAME} only, no
 * rebalance ever moves it, and it needs no {@code group.id} (without one it cannot commit; with one it may commit
 * while no subscribed member uses the group). Useful when the application already knows which partitions a process
 * owns, for example one process per partition.
 *
 * <p>Kafka concepts: {@code assign(Collection<TopicPartition>)}, manual partition assignment.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}), after a producer
 * sample wrote to the same log directory:
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.clients.ConsumerWithAssign [log-dir]
 * }</pre>
 */
public final class ConsumerWithAssign {

    static {
        SampleSupport.configureLogging();
    }

    /** The partition read. */
    public static final int PARTITION = 0;

    private ConsumerWithAssign() {
    }

    /**
     * @param bootstrapServers the log
     * @return string deserializers and {@code auto.offset.reset=earliest}; no group
     */
    public static Properties config(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    /**
     * Assigns partition {@code partition} of {@value SimpleProducer#TOPIC_NAME} and prints its records until caught up.
     *
     * @param config    a consumer configuration ({@link #config(String)})
     * @param partition the partition to read
     * @return the records read, all from that partition
     */
    public static List<ConsumerRecord<String, String>> run(Properties config, int partition) {
        List<ConsumerRecord<String, String>> consumed = new ArrayList<>();
        try (Consumer<String, String> consumer = new RunnelConsumer<>(config)) {
            consumer.assign(Set.of(new TopicPartition(SimpleProducer.TOPIC_NAME, partition)));
            while (!SampleSupport.caughtUp(consumer)) {
                for (ConsumerRecord<String, String> record : consumer.poll(SimpleConsumer.POLL_TIMEOUT)) {
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
            System.out.println(run(config(embedded.bootstrapServers()), PARTITION).size() + " records in partition "
                    + PARTITION);
        }
    }
}
