package io.runnel.samples.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.Serdes;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.samples.clients.SimpleProducer;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the Streams samples share: their configuration, the state directory next to the log directory, writing
 * demo input, and running a topology until it has processed its input. Not part of Runnel's API.
 *
 * <p>Thread-safe (no state).
 */
public final class StreamsSampleSupport {

    /** How long a sample's {@code main} waits for its output. */
    public static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(60);

    private StreamsSampleSupport() {
    }

    /**
     * @param logDirectory a sample's log directory
     * @return the state directory of its Streams applications: a sibling named {@code <log-dir>-streams-state}
     *         (never inside the log directory, which holds only partitions)
     */
    public static Path stateDirectory(Path logDirectory) {
        Path absolute = logDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-streams-state");
    }

    /**
     * @param applicationId    the application id (group id, prefix of internal topics, state sub-directory)
     * @param bootstrapServers the log
     * @param stateDir         the state directory
     * @return Streams settings with string default serdes and a 100 ms commit interval (so a short demo's tables
     *         and offsets are flushed quickly; Kafka's default is 30 s)
     */
    public static Properties config(String applicationId, String bootstrapServers, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L);
        return props;
    }

    /**
     * Writes string records with one timestamp and waits until the log acknowledged them.
     *
     * @param bootstrapServers the log
     * @param topic            the topic (created beforehand)
     * @param records          key (may be null) and value of each record
     * @param timestamp        the records' timestamp, ms since the epoch (event time for Streams)
     */
    public static void produce(String bootstrapServers, String topic, List<KeyValue<String, String>> records,
                               long timestamp) {
        try (Producer<String, String> producer = new RunnelProducer<>(SimpleProducer.config(bootstrapServers))) {
            for (KeyValue<String, String> kv : records) {
                producer.send(new ProducerRecord<>(topic, null, timestamp, kv.key, kv.value));
            }
            producer.flush();
        }
    }

    /**
     * Runs a topology until it has processed every record of its input topics (the application is RUNNING and the
     * lag of every input partition is 0), stops it (which flushes its output and commits), and returns what it wrote
     * to the output topic since {@code outputBefore}.
     *
     * @param topology     the topology
     * @param config       its Streams settings
     * @param outputTopic  the output topic
     * @param outputBefore the output topic's end offsets before the run ({@link SampleSupport#endOffsets})
     * @return the new output records, by partition then offset
     * @throws IllegalStateException if the application does not catch up within {@link #OUTPUT_TIMEOUT}
     */
    public static List<ConsumerRecord<String, String>> runUntilCaughtUp(Topology topology, Properties config,
                                                                        String outputTopic,
                                                                        Map<TopicPartition, Long> outputBefore) {
        String bootstrapServers = config.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (RunnelStreams streams = new RunnelStreams(topology, config)) {
            streams.start();
            SampleSupport.await(() -> caughtUp(streams), OUTPUT_TIMEOUT,
                    config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + " to process its input");
        }
        Map<TopicPartition, Long> after = SampleSupport.endOffsets(bootstrapServers, outputTopic);
        long written = 0;
        for (Map.Entry<TopicPartition, Long> end : after.entrySet()) {
            written += end.getValue() - outputBefore.getOrDefault(end.getKey(), 0L);
        }
        return SampleSupport.readAtLeast(bootstrapServers, outputTopic, outputBefore, (int) written, OUTPUT_TIMEOUT);
    }

    /**
     * @param streams a started application
     * @return whether it is RUNNING and has processed every record of its input partitions
     */
    public static boolean caughtUp(RunnelStreams streams) {
        Map<TopicPartition, Long> lags = streams.inputLags();
        return streams.state() == RunnelStreams.State.RUNNING && !lags.isEmpty()
                && lags.values().stream().allMatch(lag -> lag == 0);
    }

    /**
     * Prints records as {@code partition/offset key -> value}.
     *
     * @param title   a heading
     * @param records the records
     */
    public static void print(String title, List<ConsumerRecord<String, String>> records) {
        System.out.println(title);
        for (ConsumerRecord<String, String> r : records) {
            System.out.println("  " + r.partition() + "/" + r.offset() + " " + r.key() + " -> " + r.value());
        }
    }
}
