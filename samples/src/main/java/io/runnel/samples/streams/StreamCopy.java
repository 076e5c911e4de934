package io.runnel.samples.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.kstream.KStream;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The smallest Streams application: {@code builder.stream(STREAM_LOG).to(STREAM_LOG_COPY)} copies every record of
 * {@value #STREAM_LOG} to {@value #STREAM_LOG_COPY}, key, value and timestamp unchanged, partition for partition
 * (one stream task per input partition; the sink's default partitioner hashes the key as the producer does).
 *
 * <p>Kafka concepts: {@code StreamsBuilder}, {@code KStream}, {@code to()}, {@code application.id}, stream tasks.
 *
 * <p>{@link #main} writes {@link #DEMO_INPUT} to {@value #STREAM_LOG} (3 partitions), runs the application until
 * it has processed them, prints the copies and stops. Run (from the repository root, after
 * {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.streams.StreamCopy [log-dir]
 * }</pre>
 * Streams state goes to {@code <log-dir>-streams-state}.
 */
public final class StreamCopy {

    static {
        SampleSupport.configureLogging();
    }

    /** The input topic of the stream samples. */
    public static final String STREAM_LOG = "stream_log";
    /** The output topic. */
    public static final String STREAM_LOG_COPY = "stream_log_copy";
    /** Partitions of the stream samples' topics. */
    public static final int PARTITIONS = 3;
    /** The application id. */
    public static final String APPLICATION_ID = "stream-copy";
    /** What {@link #main} writes to {@value #STREAM_LOG}. */
    public static final List<KeyValue<String, String>> DEMO_INPUT = List.of(
            KeyValue.pair("1", "kafka"), KeyValue.pair("2", "streams"), KeyValue.pair("3", "connect"),
            KeyValue.pair("4", "runnel"), KeyValue.pair("5", "stream processing"), KeyValue.pair("6", "log"));

    private StreamCopy() {
    }

    /** @return the topology: source {@value #STREAM_LOG}, sink {@value #STREAM_LOG_COPY} */
    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> streamLog = builder.stream(STREAM_LOG);
        streamLog.to(STREAM_LOG_COPY);
        return builder.build();
    }

    /**
     * @param bootstrapServers the log
     * @param stateDir         the state directory
     * @return the application's settings (string serdes)
     */
    public static Properties config(String bootstrapServers, Path stateDir) {
        return StreamsSampleSupport.config(APPLICATION_ID, bootstrapServers, stateDir);
    }

    /**
     * Creates the topics, writes {@link #DEMO_INPUT}, runs the application until it has processed its
     * input, stops it.
     *
     * @param bootstrapServers the log
     * @param stateDir         the state directory
     * @return the copies written by this run
     */
    public static List<ConsumerRecord<String, String>> runDemo(String bootstrapServers, Path stateDir) {
        SampleSupport.createTopic(bootstrapServers, STREAM_LOG, PARTITIONS);
        SampleSupport.createTopic(bootstrapServers, STREAM_LOG_COPY, PARTITIONS);
        Map<TopicPartition, Long> before = SampleSupport.endOffsets(bootstrapServers, STREAM_LOG_COPY);
        StreamsSampleSupport.produce(bootstrapServers, STREAM_LOG, DEMO_INPUT, System.currentTimeMillis());
        return StreamsSampleSupport.runUntilCaughtUp(topology(), config(bootstrapServers, stateDir),
                STREAM_LOG_COPY, before);
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        Path logDir = SampleSupport.logDirectory(args);
        try (EmbeddedLog embedded = EmbeddedLog.open(logDir)) {
            StreamsSampleSupport.print(STREAM_LOG_COPY + ":", runDemo(embedded.bootstrapServers(),
                    StreamsSampleSupport.stateDirectory(logDir)));
        }
    }
}
