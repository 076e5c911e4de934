package io.runnel.samples.streams;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.Topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@link StreamFilter} written with the Processor API: a {@link Topology} of three named nodes, source
 * {@value #SOURCE} reading {@value StreamCopy#STREAM_LOG} → processor {@value #PROCESSOR} ({@link FilterProcessor})
 * → sink {@value #SINK} writing {@value StreamFilter#STREAM_LOG_FILTER}. {@code topology.describe()} prints Kafka's
 * description of it (one sub-topology, run as one task per input partition).
 *
 * <p>Kafka concepts: {@code Topology.addSource/addProcessor/addSink}, {@code Processor}, {@code ProcessorSupplier},
 * {@code ProcessorContext.forward}.
 *
 * <p>{@link #main} prints the topology's description, writes {@link StreamCopy#DEMO_INPUT}, and prints the records
 * that pass. Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}):
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.streams.FilterProcessorTopology [log-dir]
 * }</pre>
 */
public final class FilterProcessorTopology {

    static {
        SampleSupport.configureLogging();
    }

    /** The source node's name. */
    public static final String SOURCE = "Source";
    /** The processor node's name. */
    public static final String PROCESSOR = "Process";
    /** The sink node's name. */
    public static final String SINK = "Sink";
    /** The application id. */
    public static final String APPLICATION_ID = "processor-filter";

    private FilterProcessorTopology() {
    }

    /** @return source → {@link FilterProcessor} → sink */
    public static Topology topology() {
        return new Topology()
                .addSource(SOURCE, StreamCopy.STREAM_LOG)
                .addProcessor(PROCESSOR, FilterProcessor::new, SOURCE)
                .addSink(SINK, StreamFilter.STREAM_LOG_FILTER, PROCESSOR);
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
     * Creates the topics, writes {@link StreamCopy#DEMO_INPUT}, runs the topology until it has processed its input,
     * stops it.
     *
     * @param bootstrapServers the log
     * @param stateDir         the state directory
     * @return the records this run wrote to {@value StreamFilter#STREAM_LOG_FILTER}
     */
    public static List<ConsumerRecord<String, String>> runDemo(String bootstrapServers, Path stateDir) {
        SampleSupport.createTopic(bootstrapServers, StreamCopy.STREAM_LOG, StreamCopy.PARTITIONS);
        SampleSupport.createTopic(bootstrapServers, StreamFilter.STREAM_LOG_FILTER, StreamCopy.PARTITIONS);
        Map<TopicPartition, Long> before = SampleSupport.endOffsets(bootstrapServers, StreamFilter.STREAM_LOG_FILTER);
        StreamsSampleSupport.produce(bootstrapServers, StreamCopy.STREAM_LOG, StreamCopy.DEMO_INPUT,
                System.currentTimeMillis());
        return StreamsSampleSupport.runUntilCaughtUp(topology(), config(bootstrapServers, stateDir),
                StreamFilter.STREAM_LOG_FILTER, before);
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        Path logDir = SampleSupport.logDirectory(args);
        System.out.println(topology().describe());
        try (EmbeddedLog embedded = EmbeddedLog.open(logDir)) {
            StreamsSampleSupport.print(StreamFilter.STREAM_LOG_FILTER + ":", runDemo(embedded.bootstrapServers(),
                    StreamsSampleSupport.stateDirectory(logDir)));
        }
    }
}
