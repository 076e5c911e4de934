package io.runnel.benchmarks.e2e;

import io.runnel.clients.consumer.ConsumerConfig;
import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.clients.consumer.ConsumerRecords;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.common.TopicPartition;
import io.runnel.common.serialization.ByteArrayDeserializer;
import io.runnel.common.serialization.StringDeserializer;
import io.runnel.samples.flights.FlightDelaysPipeline;
import io.runnel.samples.flights.FlightDelaysTopology;
import io.runnel.server.EmbeddedLog;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The flight-delays pipeline of {@code runnel demo flight-delays} over all 3,000,000 flights of
 * {@code ../shared/data/flights-3m.csv.gz} (January to June 2001), measured end to end.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl benchmarks -am package
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.runnel.benchmarks.e2e.FlightDelaysEndToEnd \
 *      [flights.csv.gz] [airports.csv] [threads] [work-dir]
 * </pre>
 *
 * The file is not in the repository: it is {@code flights-3m.csv} of the npm package {@code vega-datasets} 3.2.1,
 * gzipped ({@code npm pack vega-datasets@3.2.1}, then {@code gzip -9 package/data/flights-3m.csv}; see
 * {@code ../shared/data/SOURCES.md}). Measured and printed:
 * <ul>
 *   <li>ingest rate: flights / ms until the Connect source had every row acknowledged by the log;</li>
 *   <li>processing rate: flights / ms of the whole run (the application finishes after ingestion);</li>
 *   <li>end-to-end latency p50/p99/max: for every flight in {@code severe-delays}, the time a consumer of that
 *       topic received it minus the time Connect's producer created the flight record in {@code flights} (its
 *       CreateTime), matched by the flight's fields; this includes the backlog a replay builds up;</li>
 *   <li>peak heap (sum of the heap pools' peaks) and peak resident memory ({@code VmHWM} of
 *       {@code /proc/self/status}, Linux only);</li>
 *   <li>bytes written to disk per input flight: the size of the data directory (log, state, offsets) at the end
 *       divided by the flights.</li>
 * </ul>
 * Output goes to standard output; the data directory is deleted at the end unless a work directory was given.
 * {@code FlightDelaysEndToEndIT} runs it on a slice in {@code mvn verify}, so it keeps working.
 */
public final class FlightDelaysEndToEnd {

    private FlightDelaysEndToEnd() {
    }

    /**
     * @param args optional: flights file, airports file, stream threads, work directory
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        Path flights = Path.of(args.length > 0 ? args[0] : defaultFlights());
        Path airports = Path.of(args.length > 1 ? args[1] : "samples/data/airports.csv");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean keep = args.length > 3;
        if (!Files.isRegularFile(flights)) {
            System.err.println("Flights file " + flights.toAbsolutePath() + " not found. It is flights-3m.csv of the "
                    + "npm package vega-datasets 3.2.1: run 'npm pack vega-datasets@3.2.1', extract it, gzip "
                    + "package/data/flights-3m.csv, and pass its path (or put it in ../shared/data).");
            System.exit(2);
        }
        Path work = keep ? Path.of(args[3]) : Files.createTempDirectory("runnel-e2e-");
        PrintWriter out = new PrintWriter(System.out, true);
        try {
            Report report = run(flights, airports, threads, work, 5000, out);
            out.println();
            out.println(report.describe(threads));
        } finally {
            if (!keep) {
                delete(work);
            }
        }
    }

    /**
     * What one run measured.
     *
     * @param result         the pipeline's own result
     * @param latenciesMs    ingest-to-result latency of every matched severe delay, ms, sorted
     * @param severeReceived severe delays the probe consumer received
     * @param peakHeapBytes  sum of the heap pools' peak usage, bytes
     * @param peakResident   peak resident memory as text ("unknown" off Linux)
     * @param diskBytes      bytes in the data directory at the end
     */
    public record Report(FlightDelaysPipeline.Result result, long[] latenciesMs, int severeReceived,
                         long peakHeapBytes, String peakResident, long diskBytes) {

        /**
         * @param p a fraction in (0, 1]
         * @return that percentile of the latencies, ms; -1 if there are none
         */
        public long latencyPercentile(double p) {
            return percentile(latenciesMs, p);
        }

        String describe(int threads) {
            FlightDelaysPipeline.Result r = result;
            return String.join(System.lineSeparator(),
                    "=== flight-delays end to end ===",
                    String.format("flights: %,d, stream threads: %d, JVM: %s %s, cores: %d, max heap: %,d MiB",
                            r.flightRows(), threads, System.getProperty("java.vm.name"),
                            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                            Runtime.getRuntime().maxMemory() >> 20),
                    String.format("ingest:     %,.0f flights/s (%,d ms until every row was acknowledged)",
                            r.flightRows() * 1000.0 / r.ingestMs(), r.ingestMs()),
                    String.format("processing: %,.0f flights/s (%,d ms for the whole run, %,d records processed, "
                            + "%,d dropped)", r.flightRows() * 1000.0 / r.elapsedMs(), r.elapsedMs(),
                            r.processedThisRun(), r.droppedRecords()),
                    String.format("latency ingest -> severe-delays: p50 %,d ms, p99 %,d ms, max %,d ms (%,d of %,d "
                            + "results matched)", latencyPercentile(0.50), latencyPercentile(0.99),
                            latencyPercentile(1.0), latenciesMs.length, severeReceived),
                    String.format("memory: peak heap %,d MiB, peak resident %s", peakHeapBytes >> 20, peakResident),
                    String.format("disk: %,d bytes in the data directory = %,.1f bytes per input flight", diskBytes,
                            (double) diskBytes / r.flightRows()),
                    String.format("output: %,d windows, %,d severe delays", r.windows(), r.severeDelays()));
        }
    }

    /**
     * Runs the pipeline once on a fresh data directory under {@code work} and measures it.
     *
     * @param flights            the flights CSV
     * @param airports           the airports CSV
     * @param threads            stream threads
     * @param work               an empty directory for the data and outputs
     * @param progressIntervalMs progress lines every this many ms; 0 for none
     * @param out                where progress goes
     * @return the measurements
     * @throws Exception if the pipeline fails
     */
    public static Report run(Path flights, Path airports, int threads, Path work, long progressIntervalMs,
                             PrintWriter out) throws Exception {
        Path dataDir = work.resolve("data");
        // The latency probe: a consumer of severe-delays on the same embedded log, started before the pipeline.
        Files.createDirectories(dataDir.resolve("log"));
        List<long[]> received = new ArrayList<>();
        List<String> receivedValues = new ArrayList<>();
        FlightDelaysPipeline.Result result;
        Map<String, Long> ingestTimes;
        try (EmbeddedLog log = EmbeddedLog.open(dataDir.resolve("log"))) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread probe = new Thread(() -> probe(log.bootstrapServers(), stop, received, receivedValues),
                    "latency-probe");
            probe.start();
            try {
                result = new FlightDelaysPipeline(new FlightDelaysPipeline.Options(dataDir, flights, airports,
                        work.resolve("out"), threads, progressIntervalMs, Duration.ofMinutes(5), out)).run();
            } finally {
                stop.set(true);
                probe.join();
            }
            ingestTimes = ingestTimes(log.bootstrapServers());
        }
        long[] latencies = new long[receivedValues.size()];
        int matched = 0;
        for (int i = 0; i < receivedValues.size(); i++) {
            Long created = ingestTimes.get(identity(receivedValues.get(i)));
            if (created != null) {
                latencies[matched++] = received.get(i)[0] - created;
            }
        }
        latencies = Arrays.copyOf(latencies, matched);
        Arrays.sort(latencies);
        return new Report(result, latencies, receivedValues.size(), peakHeap(), peakResident(), size(dataDir));
    }

    private static String defaultFlights() {
        for (String candidate : List.of("../shared/data/flights-3m.csv.gz", "shared/data/flights-3m.csv.gz")) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return candidate;
            }
        }
        return "../shared/data/flights-3m.csv.gz";
    }

    private static void probe(String bootstrap, AtomicBoolean stop, List<long[]> received, List<String> values) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (RunnelConsumer<byte[], String> consumer = new RunnelConsumer<>(config, new ByteArrayDeserializer(),
                new StringDeserializer())) {
            boolean assigned = false;
            while (!stop.get()) {
                if (!assigned) {
                    try {
                        consumer.assign(List.of(new TopicPartition(FlightDelaysTopology.SEVERE_DELAYS_TOPIC, 0)));
                        consumer.seekToBeginning(consumer.assignment());
                        assigned = true;
                    } catch (RuntimeException e) {
                        // the topic is created by the pipeline: try again
                    }
                }
                ConsumerRecords<byte[], String> records = consumer.poll(Duration.ofMillis(50));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], String> r : records) {
                    received.add(new long[] {now});
                    values.add(r.value());
                }
            }
        }
    }

    /** @return CreateTime of each flight record, by its identity (the earliest when two flights look alike) */
    private static Map<String, Long> ingestTimes(String bootstrap) {
        Map<String, Long> times = new HashMap<>();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (RunnelConsumer<byte[], String> consumer = new RunnelConsumer<>(config, new ByteArrayDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < FlightDelaysPipeline.FLIGHTS_PARTITIONS; p++) {
                partitions.add(new TopicPartition(FlightDelaysTopology.FLIGHTS_TOPIC, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], String> r : consumer.poll(Duration.ofMillis(200))) {
                    // only severe ones are looked up: keep the map small
                    if (r.value().contains("\"delay\":") && delay(r.value()) >= FlightDelaysTopology.SEVERE_DELAY_MINUTES) {
                        times.merge(identity(r.value()), r.timestamp(), Math::min);
                    }
                }
            }
        }
        return times;
    }

    private static int delay(String json) {
        int i = json.indexOf("\"delay\":") + 8;
        int j = i;
        while (j < json.length() && (Character.isDigit(json.charAt(j)) || json.charAt(j) == '-')) {
            j++;
        }
        return Integer.parseInt(json.substring(i, j));
    }

    /** @return the flight's fields in a fixed order, from either the input JSON or the severe-delay JSON */
    private static String identity(String json) {
        StringBuilder id = new StringBuilder();
        for (String field : List.of("date", "delay", "distance", "origin", "destination")) {
            int i = json.indexOf("\"" + field + "\":");
            int start = i + field.length() + 3;
            int end = start;
            while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
                end++;
            }
            id.append(json, start, end).append('|');
        }
        return id.toString();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%,d MiB", kb >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown (no /proc/self/status)";
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        }
    }
}
