package io.runnel.samples.connect;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.TopicPartition;
import io.runnel.connect.runtime.Herder;
import io.runnel.connect.runtime.rest.entities.ConnectorOffsets;
import io.runnel.connect.runtime.standalone.ConnectStandalone;
import io.runnel.samples.clients.SampleSupport;
import io.runnel.server.EmbeddedLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Connect pipeline in one process: a standalone worker ({@link ConnectStandalone}, configured like
 * {@code connect-standalone.properties}) runs {@link SequenceSourceConnector} (records {@code "0".."n-1"} into topic
 * {@value #TOPIC}, 3 partitions) and {@link RecordFileSinkConnector} (topic → {@value #OUTPUT_FILE}, one line per
 * record), on the embedded log. Source offsets live in {@value #OFFSETS_FILE} and the sink's progress in its consumer
 * group {@code connect-<name>}, so running the pipeline again continues where it stopped: with the same number of
 * records it ingests and exports nothing new; with more, only the new ones.
 *
 * <p>Kafka concepts: source and sink connectors, tasks, source partitions and offsets, standalone worker
 * ({@code offset.storage.file.filename}, {@code offset.flush.interval.ms}), converters, sink consumer group, the REST
 * API ({@code listeners}; here on a free loopback port).
 *
 * <p>The two connectors must be registered for discovery: {@code io.runnel.samples.connect.SequenceSourceConnector}
 * in {@code META-INF/services/io.runnel.connect.source.SourceConnector} and
 * {@code io.runnel.samples.connect.RecordFileSinkConnector} in
 * {@code META-INF/services/io.runnel.connect.sink.SinkConnector} of the samples module.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -DskipTests -pl samples -am package}); the worker's files
 * go to {@code <log-dir>-connect/}:
 * <pre>{@code
 * java -cp "samples/target/runnel-samples.jar:samples/target/lib/*" io.runnel.samples.connect.ConnectPipeline [log-dir]
 * }</pre>
 */
public final class ConnectPipeline {

    static {
        SampleSupport.configureLogging();
    }

    /** The topic between the two connectors. */
    public static final String TOPIC = "sequence";
    /** Its partitions. */
    public static final int PARTITIONS = 3;
    /** The source connector's name. */
    public static final String SOURCE_NAME = "sequence-source";
    /** The sink connector's name (its consumer group is {@code connect-<name>}). */
    public static final String SINK_NAME = "record-file-sink";
    /** The source offsets file, in the work directory. */
    public static final String OFFSETS_FILE = "connect.offsets";
    /** The sink's output file, in the work directory. */
    public static final String OUTPUT_FILE = "records.txt";
    /** The records {@link #main} asks for. */
    public static final long DEMO_RECORDS = 100;
    /** How long {@link #run} waits for the pipeline to finish. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ConnectPipeline() {
    }

    /**
     * @param bootstrapServers the log
     * @param workDir          where the offsets file goes
     * @return the worker's settings: string converters, offsets file, 1 s offset flushes, REST on a free port
     */
    public static Map<String, String> workerConfig(String bootstrapServers, Path workDir) {
        return Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.converter", "io.runnel.connect.storage.StringConverter",
                "value.converter", "io.runnel.connect.storage.StringConverter",
                "offset.storage.file.filename", workDir.resolve(OFFSETS_FILE).toString(),
                "offset.flush.interval.ms", "1000",
                "listeners", "http://127.0.0.1:0");
    }

    /**
     * @param records how many records the sequence has
     * @return the source connector's configuration
     */
    public static Map<String, String> sourceConfig(long records) {
        return Map.of(
                "name", SOURCE_NAME,
                "connector.class", SequenceSourceConnector.class.getName(),
                "tasks.max", "1",
                SequenceSourceConnector.TOPIC_CONFIG, TOPIC,
                SequenceSourceConnector.RECORDS_CONFIG, Long.toString(records));
    }

    /**
     * @param workDir where the output file goes
     * @return the sink connector's configuration
     */
    public static Map<String, String> sinkConfig(Path workDir) {
        return Map.of(
                "name", SINK_NAME,
                "connector.class", RecordFileSinkConnector.class.getName(),
                "tasks.max", "1",
                "topics", TOPIC,
                RecordFileSinkConnector.FILE_CONFIG, workDir.resolve(OUTPUT_FILE).toString());
    }

    /**
     * Creates the topic and starts the worker with both connectors.
     *
     * @param bootstrapServers the log
     * @param workDir          the worker's directory (created if missing)
     * @param records          how many records the sequence has
     * @return the running worker; close it to stop (source offsets flushed, sink offsets committed)
     * @throws io.runnel.common.config.ConfigException if a configuration is invalid (for example a connector class
     *                                                 that is not registered)
     */
    public static ConnectStandalone start(String bootstrapServers, Path workDir, long records) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + workDir, e);
        }
        SampleSupport.createTopic(bootstrapServers, TOPIC, PARTITIONS);
        return ConnectStandalone.start(workerConfig(bootstrapServers, workDir),
                List.of(sourceConfig(records), sinkConfig(workDir)));
    }

    /**
     * @param herder  the worker's herder
     * @param records how many records the sequence has
     * @return whether the source's committed offset says every record was written (and acknowledged by the log)
     */
    public static boolean sourceDone(Herder herder, long records) {
        for (ConnectorOffsets.ConnectorOffset offset : herder.connectorOffsets(SOURCE_NAME).offsets()) {
            Object next = offset.offset().get(SequenceSourceTask.OFFSET_FIELD);
            if (next instanceof Number n && n.longValue() == records) {
                return true;
            }
        }
        return records == 0;
    }

    /**
     * @param herder           the worker's herder
     * @param bootstrapServers the log
     * @return whether the sink's committed consumer offsets reached the end of every partition of {@value #TOPIC}
     */
    public static boolean sinkDone(Herder herder, String bootstrapServers) {
        Map<TopicPartition, Long> ends = SampleSupport.endOffsets(bootstrapServers, TOPIC);
        long committed = 0;
        for (ConnectorOffsets.ConnectorOffset offset : herder.connectorOffsets(SINK_NAME).offsets()) {
            committed += ((Number) offset.offset().get("kafka_offset")).longValue();
        }
        return committed == ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Runs the pipeline until the source wrote every record and the sink committed them, then stops the worker.
     * Waits by checking the offsets every 100 ms.
     *
     * @param bootstrapServers the log
     * @param workDir          the worker's directory
     * @param records          how many records the sequence has
     * @return every line of the output file
     * @throws IllegalStateException if the pipeline did not finish within {@link #TIMEOUT}
     */
    public static List<String> run(String bootstrapServers, Path workDir, long records) {
        try (ConnectStandalone connect = start(bootstrapServers, workDir, records)) {
            Herder herder = connect.herder();
            SampleSupport.await(() -> sourceDone(herder, records), TIMEOUT,
                    "source " + SOURCE_NAME + " to write " + records + " records");
            SampleSupport.await(() -> sinkDone(herder, bootstrapServers), TIMEOUT,
                    "sink " + SINK_NAME + " to commit every record");
        }
        try {
            return Files.readAllLines(workDir.resolve(OUTPUT_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + workDir.resolve(OUTPUT_FILE), e);
        }
    }

    /**
     * @param args {@code [log-directory]}
     */
    public static void main(String[] args) {
        Path logDir = SampleSupport.logDirectory(args);
        Path absolute = logDir.toAbsolutePath().normalize();
        Path workDir = absolute.resolveSibling(absolute.getFileName() + "-connect");
        try (EmbeddedLog embedded = EmbeddedLog.open(logDir)) {
            List<String> lines = run(embedded.bootstrapServers(), workDir, DEMO_RECORDS);
            List<ConsumerRecord<String, String>> topic = SampleSupport.readAll(embedded.bootstrapServers(), TOPIC,
                    TIMEOUT);
            System.out.println("topic " + TOPIC + " holds " + topic.size() + " records; "
                    + workDir.resolve(OUTPUT_FILE) + " has " + lines.size() + " lines, the last ones:");
            lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> System.out.println("  " + l));
        }
    }
}
