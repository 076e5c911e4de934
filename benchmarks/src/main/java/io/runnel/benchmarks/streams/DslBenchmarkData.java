package io.runnel.benchmarks.streams;

import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.producer.ProducerConfig;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.TaskMetadata;
import io.runnel.streams.ThreadMetadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * The flights data of the DSL benchmarks: {@code flights-3m.csv.gz} and {@code airports.csv} from
 * {@code ../shared/data} relative to the repository root (the working directory of
 * {@code java -jar benchmarks/target/benchmarks.jar}), or the file or directory named by {@code -Drunnel.data}.
 */
final class DslBenchmarkData {

    private DslBenchmarkData() {
    }

    static Path dataDir() {
        String configured = System.getProperty("runnel.data");
        Path dir = configured == null ? Path.of("..", "shared", "data") : Path.of(configured);
        if (Files.isRegularFile(dir)) {
            dir = dir.toAbsolutePath().getParent();
        }
        if (!Files.isRegularFile(dir.resolve("flights-3m.csv.gz")) || !Files.isRegularFile(dir.resolve("airports.csv"))) {
            throw new IllegalStateException("flights-3m.csv.gz and airports.csv are not in " + dir.toAbsolutePath()
                    + ". Get them as /work/shared/data/SOURCES.md describes (npm pack vega-datasets@3.2.1;"
                    + " data/flights-3m.parquet as CSV, data/airports.csv) and run from the repository root with"
                    + " them in ../shared/data, or pass -Drunnel.data=/path/to/flights-3m.csv.gz");
        }
        return dir;
    }

    /** @return the first {@code rows} flight lines ({@code date,delay,distance,origin,destination}) */
    static List<String> flights(int rows) {
        List<String> lines = new ArrayList<>(rows);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(dataDir().resolve("flights-3m.csv.gz")), 1 << 16), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while (lines.size() < rows && (line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.size() < rows) {
            throw new IllegalArgumentException("rows=" + rows + " but the file has " + lines.size() + " flights");
        }
        return lines;
    }

    /** @return IATA code to CSV line ({@code iata,name,city,state,country,latitude,longitude}) */
    static Map<String, String> airports() {
        Map<String, String> airports = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(dataDir().resolve("airports.csv"))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                airports.put(line.substring(0, line.indexOf(',')), line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return airports;
    }

    /** @return field {@code i} of a CSV line without quoted commas (flight lines) */
    static String field(String line, int i) {
        int start = 0;
        for (int n = 0; n < i; n++) {
            start = line.indexOf(',', start) + 1;
        }
        int end = line.indexOf(',', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }

    /** @return the state of an airport line (4th field from the end: names may hold quoted commas) */
    static String state(String airportLine) {
        int end = airportLine.length();
        for (int n = 0; n < 3; n++) {
            end = airportLine.lastIndexOf(',', end - 1);
        }
        return airportLine.substring(airportLine.lastIndexOf(',', end - 1) + 1, end);
    }

    /** @return a flight's scheduled departure in ms, its local time read as UTC */
    static long timestamp(String flightLine) {
        return LocalDateTime.parse(field(flightLine, 0)).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * Writes lines to a topic with their event time as record timestamp.
     *
     * @param bootstrap the log
     * @param topic     the topic
     * @param lines     the values
     * @param key       the key of a line (null: sticky partitioning)
     * @param timestamp the timestamp of a line
     */
    static void produce(String bootstrap, String topic, List<String> lines, Function<String, String> key,
                        Function<String, Long> timestamp) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (RunnelProducer<String, String> producer = new RunnelProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (String line : lines) {
                producer.send(new ProducerRecord<>(topic, null, timestamp.apply(line), key.apply(line), line));
            }
            producer.flush();
        }
    }

    /**
     * Heartbeats every 200 ms (Kafka's default is 3 s), so the rebalance a second stream thread causes at start-up
     * costs about as much as the runtime's own benchmarks pay, not seconds of every invocation.
     *
     * @param props the application's properties
     */
    static void fastRebalances(Properties props) {
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 200);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
    }

    /** @return records the instance's tasks dropped (late records, null keys), as the tasks last reported */
    static long droppedRecords(RunnelStreams streams) {
        long dropped = 0;
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                dropped += task.droppedRecords();
            }
        }
        return dropped;
    }
}
