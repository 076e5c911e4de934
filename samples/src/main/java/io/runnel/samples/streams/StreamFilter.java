package io.runnel.samples.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.kstream.KStream;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A stateless filter in the DSL: {@code stream(STREAM_LOG).filter((k, v) -> v.length() > 5).to(STREAM_LOG_FILTER)}
 * keeps the records whose value is longer than 5 characters. {@code filter} is stateless and never repartitions.
 * {@link FilterProcessorTopology} builds the same thing with the Processor API.
 *
 * <p>Kafka concepts: {@code KStream.filter}, {@code Predicate}, stateless operators.
 *
 * <p>{@link #main} writes {@link StreamCopy#DEMO_INPUT} ("kafka", "streams", "connect", "runnel",
 * "stream processing", "log") and prints the 4 values that pass. Run (from the repository root, after
 * {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.streams.StreamFilter [log-dir]
 * }</pre>
 */
public final class StreamFilter {

    static {
        SampleSupport.configureLogging();
    }

    /** The output topic. */
    public static final String STREAM_LOG_FILTER = "stream_log_filter";
    /** The application id. */
    public static final String APPLICATION_ID = "stream-filter";
    /** Values longer than this pass. */
    public static final int MIN_LENGTH_EXCLUSIVE = 5;

    private StreamFilter() {
    }

    /** @return the topology: {@value StreamCopy#STREAM_LOG} → filter → {@value #STREAM_LOG_FILTER} */
    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> streamLog = builder.stream(StreamCopy.STREAM_LOG);
        KStream<String, String> filtered = streamLog.filter((key, value) -> value.length() > MIN_LENGTH_EXCLUSIVE);
        filtered.to(STREAM_LOG_FILTER);
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
     * Creates the topics, writes {@link StreamCopy#DEMO_INPUT}, runs the application until it has processed its
     * input, stops it.
     *
     * @param bootstrapServers the log
     * @param stateDir         the state directory
     * @return the records this run wrote to {@value #STREAM_LOG_FILTER}
     */
    public static List<ConsumerRecord<String, String>> runDemo(String bootstrapServers, Path stateDir) {
        SampleSupport.createTopic(bootstrapServers, StreamCopy.STREAM_LOG, StreamCopy.PARTITIONS);
        SampleSupport.createTopic(bootstrapServers, STREAM_LOG_FILTER, StreamCopy.PARTITIONS);
        Map<TopicPartition, Long> before = SampleSupport.endOffsets(bootstrapServers, STREAM_LOG_FILTER);
        StreamsSampleSupport.produce(bootstrapServers, StreamCopy.STREAM_LOG, StreamCopy.DEMO_INPUT,
                System.currentTimeMillis());
        return StreamsSampleSupport.runUntilCaughtUp(topology(), config(bootstrapServers, stateDir),
                STREAM_LOG_FILTER, before);
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        Path logDir = SampleSupport.logDirectory(args);
        try (EmbeddedLog embedded = EmbeddedLog.open(logDir)) {
            StreamsSampleSupport.print(STREAM_LOG_FILTER + ":", runDemo(embedded.bootstrapServers(),
                    StreamsSampleSupport.stateDirectory(logDir)));
        }
    }
}
