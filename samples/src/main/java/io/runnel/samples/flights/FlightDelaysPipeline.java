package io.runnel.samples.flights;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.runnel.clients.admin.Admin;
import io.runnel.clients.admin.AdminClientConfig;
import io.runnel.clients.admin.NewTopic;
import io.runnel.clients.admin.OffsetSpec;
import io.runnel.clients.admin.TopicDescription;
import io.runnel.clients.producer.RoundRobinPartitioner;
import io.runnel.common.RunnelException;
import io.runnel.common.TopicPartition;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.file.FileStreamSinkConnector;
import io.runnel.connect.json.JsonConverter;
import io.runnel.connect.runtime.Herder;
import io.runnel.connect.runtime.rest.entities.ConnectorOffsets;
import io.runnel.connect.runtime.rest.entities.ConnectorStateInfo;
import io.runnel.connect.runtime.standalone.ConnectStandalone;
import io.runnel.connect.storage.StringConverter;
import io.runnel.server.EmbeddedLog;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StoreQueryParameters;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.TaskMetadata;
import io.runnel.streams.ThreadMetadata;
import io.runnel.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyWindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * The flight-delays pipeline behind {@code runnel demo flight-delays}: every layer of Runnel in one process, on one
 * embedded log.
 *
 * <pre>
 *  flights CSV ──CsvSource──▶ flights (6 partitions) ─┐
 *  airports CSV ─CsvSource──▶ airports (compacted) ───┤ Streams (FlightDelaysTopology, N threads)
 *                                                     ├─▶ delays-by-state-hourly ──(interactive query)──▶ out/…tsv
 *                                                     └─▶ severe-delays ──FileStreamSink──▶ out/severe-delays.jsonl
 * </pre>
 *
 * <h2>Order of work</h2>
 * The log directory, Connect's offsets file and the Streams state all live under the data directory, so a second
 * run on the same directory continues where the first stopped: it ingests nothing new (source offsets), counts
 * nothing twice (committed offsets and restored window store) and exports nothing twice (the sink's committed
 * offsets). A run: (1) counts the rows of both files, (2) opens the log and creates the topics, (3) starts a
 * standalone Connect worker in-process and ingests the airports first, so the global table is complete before the
 * first flight is joined, (4) starts the Streams application and waits until it runs (every task assigned and
 * restored), (5) adds the flights source and the file sink, (6)
 * waits until the flights source has stored an offset for every row, the application's input lags are zero twice
 * in a row (the second look starts after the first ended, so repartitioned records written before the first look
 * are counted), and the sink has committed the end of {@code severe-delays}, (7) queries the window store and
 * writes the TSV (to a temporary file, then renamed), (8) stops everything.
 *
 * <h2>Event time and skew</h2>
 * The aggregation runs after a repartition, so each of its tasks sees the interleaved output of all six upstream
 * tasks; if one upstream task ran more than the 24-hour grace period ahead of another, the slower one's flights
 * would be dropped as late. Processing is slower than ingestion, so a backlog builds and is replayed. Two settings
 * keep the tasks in step: the source's producer partitions round robin, so the n-th record of every flights
 * partition has about the same event time, and {@code max.task.time.skew.ms} (one hour) holds back any task that
 * is further ahead of the instance's slowest task, across threads. Measured before these, half the flights were
 * dropped with two threads; with them, none. The run reports dropped records so a drop never goes unnoticed.
 *
 * <p>Not thread-safe: one run at a time per instance; {@link #run()} blocks until the pipeline is done.
 */
public final class FlightDelaysPipeline {

    private static final Logger log = LoggerFactory.getLogger(FlightDelaysPipeline.class);

    /** The Streams application id (group id and internal topic prefix). */
    public static final String APPLICATION_ID = "flight-delays";
    /** Name of the flights source connector. */
    public static final String FLIGHTS_SOURCE = "flights-source";
    /** Name of the airports source connector. */
    public static final String AIRPORTS_SOURCE = "airports-source";
    /** Name of the severe-delays file sink connector. */
    public static final String SEVERE_DELAYS_SINK = "severe-delays-sink";
    /** Partitions of the flights topic. */
    public static final int FLIGHTS_PARTITIONS = 6;
    /** The TSV's header line. */
    public static final String TSV_HEADER = "state\twindow_start\tflights\tavg_delay_minutes";
    /** Output file of the severe delays, in the output directory. */
    public static final String SEVERE_DELAYS_FILE = "severe-delays.jsonl";
    /** Output file of the hourly aggregates, in the output directory. */
    public static final String DELAYS_FILE = "delays-by-state-hourly.tsv";

    private static final long POLL_MS = 100;

    private final Options options;

    /**
     * What to run on and how.
     *
     * @param dataDir            the directory of the log, Connect offsets and Streams state; created when missing
     * @param flightsFile        the flights CSV ({@code date,delay,distance,origin,destination}; {@code .gz} ok)
     * @param airportsFile       the airports CSV ({@code iata,name,city,state,country,latitude,longitude})
     * @param outDir             where the two output files go; created when missing
     * @param threads            stream threads, at least 1
     * @param progressIntervalMs how often to print a progress line, ms; 0 prints none
     * @param timeout            the longest the pipeline may go without progress before it gives up
     * @param out                where progress and the summary are printed; null prints nothing
     */
    public record Options(Path dataDir, Path flightsFile, Path airportsFile, Path outDir, int threads,
                          long progressIntervalMs, Duration timeout, PrintWriter out) {

        /** Checks the values. */
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (progressIntervalMs < 0) {
                throw new IllegalArgumentException("progressIntervalMs must be >= 0, got " + progressIntervalMs);
            }
        }
    }

    /**
     * What a run did.
     *
     * @param flightRows           data rows in the flights file
     * @param airportRows          data rows in the airports file
     * @param flightsInTopic       records in topic {@code flights} at the end (all runs)
     * @param ingestedThisRun      flights this run added to the topic
     * @param processedThisRun     records the application's tasks processed in this run (flights and repartitioned)
     * @param droppedRecords       records the application dropped in this run (late beyond the grace period,
     *                             invalid): 0 when everything was counted
     * @param severeDelays         records in topic {@code severe-delays} (all runs)
     * @param windows              (state, hour) windows written to the TSV
     * @param windowedFlights      flights counted over all windows (equals {@code flightRows} when nothing was
     *                             dropped)
     * @param ingestMs             ms from the start of the run until the flights source had stored offsets for
     *                             every row (the log acknowledged them all)
     * @param elapsedMs            wall-clock time of the run, ms
     * @param severeDelaysFile     the JSON-lines file
     * @param delaysFile           the TSV
     */
    public record Result(long flightRows, long airportRows, long flightsInTopic, long ingestedThisRun,
                         long processedThisRun, long droppedRecords, long severeDelays, long windows,
                         long windowedFlights, long ingestMs, long elapsedMs, Path severeDelaysFile,
                         Path delaysFile) {
    }

    /** @param options what to run on */
    public FlightDelaysPipeline(Options options) {
        this.options = options;
    }

    /**
     * Runs the pipeline to the end.
     *
     * @return what it did
     * @throws IllegalArgumentException if an input file is missing or the data directory holds topics of another
     *     shape
     * @throws RunnelException          if a connector or the Streams application fails, or nothing progresses
     *     for {@link Options#timeout()}; the message says which and why
     * @throws InterruptedException     if interrupted while waiting
     */
    public Result run() throws InterruptedException {
        long start = System.nanoTime();
        requireFile(options.flightsFile(), "flights", "--input");
        requireFile(options.airportsFile(), "airports", "--airports");
        Path dataDir = options.dataDir().toAbsolutePath();
        Path outDir = options.outDir().toAbsolutePath();
        Path severeFile = outDir.resolve(SEVERE_DELAYS_FILE);
        Path tsvFile = outDir.resolve(DELAYS_FILE);
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataDir + " or " + outDir + ": " + e.getMessage(), e);
        }
        print("Counting rows of %s and %s...", options.flightsFile(), options.airportsFile());
        long flightRows = countRows(options.flightsFile());
        long airportRows = countRows(options.airportsFile());
        print("%,d flights, %,d airports. Data directory: %s", flightRows, airportRows, dataDir);

        try (EmbeddedLog embeddedLog = EmbeddedLog.open(dataDir.resolve("log"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     embeddedLog.bootstrapServers()))) {
            String bootstrap = embeddedLog.bootstrapServers();
            createTopics(admin);
            long flightsAtStart = endOffsets(admin, FlightDelaysTopology.FLIGHTS_TOPIC);

            try (ConnectStandalone connect = ConnectStandalone.start(workerConfig(bootstrap, dataDir),
                    List.of(airportsSource()))) {
                Herder herder = connect.herder();
                print("Connect worker started (REST API at %s); ingesting airports...", connect.restUrl());
                awaitSourceRows(herder, AIRPORTS_SOURCE, options.airportsFile(), airportRows);

                AtomicReference<Throwable> streamsFailure = new AtomicReference<>();
                try (RunnelStreams streams = new RunnelStreams(FlightDelaysTopology.build(),
                        streamsConfig(bootstrap, dataDir))) {
                    streams.setUncaughtExceptionHandler(e -> {
                        streamsFailure.compareAndSet(null, e);
                        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                    });
                    streams.start();
                    awaitRunning(streams, streamsFailure);
                    herder.putConnectorConfig(FLIGHTS_SOURCE, flightsSource(), true);
                    herder.putConnectorConfig(SEVERE_DELAYS_SINK, severeDelaysSink(severeFile), true);
                    print("Streams application '%s' started with %d threads; ingesting and processing flights...",
                            APPLICATION_ID, options.threads());

                    Progress progress = awaitProcessed(admin, herder, streams, streamsFailure, flightRows,
                            flightsAtStart, start);

                    Windows windows = writeTsv(streams, tsvFile);
                    long severe = endOffsets(admin, FlightDelaysTopology.SEVERE_DELAYS_TOPIC);
                    long flightsInTopic = endOffsets(admin, FlightDelaysTopology.FLIGHTS_TOPIC);
                    Result result = new Result(flightRows, airportRows, flightsInTopic,
                            flightsInTopic - flightsAtStart, progress.processed, progress.dropped, severe,
                            windows.count, windows.flights, progress.ingestMs, (System.nanoTime() - start) / 1_000_000,
                            severeFile, tsvFile);
                    summary(result);
                    return result;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- configuration

    private static Map<String, String> workerConfig(String bootstrap, Path dataDir) {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", bootstrap);
        worker.put("key.converter", StringConverter.class.getName());
        worker.put("value.converter", JsonConverter.class.getName());
        worker.put("value.converter.schemas.enable", "false");
        worker.put("offset.storage.file.filename", dataDir.resolve("connect.offsets").toString());
        worker.put("offset.flush.interval.ms", "500");
        worker.put("listeners", "http://127.0.0.1:0");
        worker.put("producer.linger.ms", "5");
        // Round robin keeps the flights partitions equally long at every moment, so the n-th record of each
        // partition is about the same event time: fair consumption then keeps the tasks in step (see the class
        // comment). Sticky partitioning would let partitions drift apart by a day or more over the month.
        worker.put("producer.partitioner.class", RoundRobinPartitioner.class.getName());
        return worker;
    }

    private Map<String, String> airportsSource() {
        return Map.of("name", AIRPORTS_SOURCE,
                "connector.class", CsvSourceConnector.class.getName(),
                CsvSourceConnector.FILE_CONFIG, options.airportsFile().toAbsolutePath().toString(),
                CsvSourceConnector.TOPIC_CONFIG, FlightDelaysTopology.AIRPORTS_TOPIC,
                CsvSourceConnector.KEY_FIELD_CONFIG, "iata",
                CsvSourceConnector.DOUBLE_FIELDS_CONFIG, "latitude,longitude");
    }

    private Map<String, String> flightsSource() {
        return Map.of("name", FLIGHTS_SOURCE,
                "connector.class", CsvSourceConnector.class.getName(),
                CsvSourceConnector.FILE_CONFIG, options.flightsFile().toAbsolutePath().toString(),
                CsvSourceConnector.TOPIC_CONFIG, FlightDelaysTopology.FLIGHTS_TOPIC,
                CsvSourceConnector.INT_FIELDS_CONFIG, "delay,distance",
                CsvSourceConnector.BATCH_SIZE_CONFIG, "2000");
    }

    private static Map<String, String> severeDelaysSink(Path file) {
        // The Streams application writes JSON text: the string converter hands it to the file sink unchanged.
        return Map.of("name", SEVERE_DELAYS_SINK,
                "connector.class", FileStreamSinkConnector.class.getName(),
                FileStreamSinkConnector.FILE_CONFIG, file.toString(),
                "topics", FlightDelaysTopology.SEVERE_DELAYS_TOPIC,
                "key.converter", StringConverter.class.getName(),
                "value.converter", StringConverter.class.getName());
    }

    private Properties streamsConfig(String bootstrap, Path dataDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("state").toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.threads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // Keep every task within an hour of event time of the slowest one, across both threads (Runnel's
        // addition; see the class comment): the aggregation after the repartition then sees each state's flights
        // at most an hour out of order, well inside the 24-hour grace period.
        props.put(StreamsConfig.MAX_TASK_TIME_SKEW_MS_CONFIG, Duration.ofHours(1).toMillis());
        return props;
    }

    private static void createTopics(Admin admin) {
        Map<String, NewTopic> wanted = new HashMap<>();
        wanted.put(FlightDelaysTopology.FLIGHTS_TOPIC,
                new NewTopic(FlightDelaysTopology.FLIGHTS_TOPIC, FLIGHTS_PARTITIONS, (short) 1));
        wanted.put(FlightDelaysTopology.AIRPORTS_TOPIC, new NewTopic(FlightDelaysTopology.AIRPORTS_TOPIC, 1, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")));
        wanted.put(FlightDelaysTopology.SEVERE_DELAYS_TOPIC,
                new NewTopic(FlightDelaysTopology.SEVERE_DELAYS_TOPIC, 1, (short) 1));
        wanted.put(FlightDelaysTopology.DELAYS_TOPIC,
                new NewTopic(FlightDelaysTopology.DELAYS_TOPIC, FLIGHTS_PARTITIONS, (short) 1));
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted.values()) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            Map<String, TopicDescription> described = admin.describeTopics(wanted.keySet()).allTopicNames().get();
            for (NewTopic topic : wanted.values()) {
                int partitions = described.get(topic.name()).partitions().size();
                if (partitions != topic.numPartitions()) {
                    throw new IllegalArgumentException("Topic " + topic.name() + " in the data directory has "
                            + partitions + " partitions, the demo needs " + topic.numPartitions()
                            + ": use another --data-dir or delete this one");
                }
            }
        } catch (ExecutionException e) {
            throw new RunnelException("Cannot create the demo's topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnelException("Interrupted while creating the demo's topics", e);
        }
    }

    // ------------------------------------------------------------------------------------------------- waiting

    private void awaitSourceRows(Herder herder, String connector, Path file, long rows) throws InterruptedException {
        Waiter waiter = new Waiter("the " + connector + " connector to ingest " + rows + " rows of " + file);
        while (sourceRows(herder, connector) < rows) {
            checkConnector(herder, connector);
            waiter.pause(sourceRows(herder, connector));
        }
    }

    /**
     * Waits until every stream thread runs its tasks: tasks that are still being assigned or restored do not take
     * part in {@code max.task.time.skew.ms}, so flights must not arrive before (the running tasks would race ahead).
     */
    private void awaitRunning(RunnelStreams streams, AtomicReference<Throwable> failure) throws InterruptedException {
        Waiter waiter = new Waiter("the Streams application to start");
        while (streams.state() != RunnelStreams.State.RUNNING) {
            checkStreams(streams, failure);
            waiter.pause(streams.state().ordinal());
        }
    }

    private static void checkStreams(RunnelStreams streams, AtomicReference<Throwable> streamsFailure) {
        Throwable failure = streamsFailure.get();
        if (failure != null || streams.state() == RunnelStreams.State.ERROR
                || streams.state() == RunnelStreams.State.NOT_RUNNING) {
            throw new RunnelException("The Streams application stopped (" + streams.state() + ")"
                    + (failure == null ? "" : ": " + failure), failure);
        }
    }

    /** @return rows the source connector has stored an offset for (all acknowledged by the log) */
    private static long sourceRows(Herder herder, String connector) {
        ConnectorOffsets offsets = herder.connectorOffsets(connector);
        long rows = 0;
        for (ConnectorOffsets.ConnectorOffset offset : offsets.offsets()) {
            if (offset.offset().get(CsvSourceTask.ROW_FIELD) instanceof Number n) {
                rows = Math.max(rows, n.longValue());
            }
        }
        return rows;
    }

    private static void checkConnector(Herder herder, String connector) {
        ConnectorStateInfo status = herder.connectorStatus(connector);
        if ("FAILED".equals(status.connector().state())) {
            throw new ConnectException("Connector " + connector + " failed: " + firstLine(status.connector().trace()));
        }
        for (ConnectorStateInfo.TaskState task : status.tasks()) {
            if ("FAILED".equals(task.state())) {
                throw new ConnectException("Task " + task.id() + " of connector " + connector + " failed: "
                        + firstLine(task.trace()));
            }
        }
    }

    private static String firstLine(String trace) {
        if (trace == null) {
            return "(no trace)";
        }
        int newline = trace.indexOf('\n');
        return newline < 0 ? trace : trace.substring(0, newline);
    }

    private record Progress(long processed, long dropped, long ingestMs) {
    }

    private Progress awaitProcessed(Admin admin, Herder herder, RunnelStreams streams,
                                    AtomicReference<Throwable> streamsFailure, long flightRows, long flightsAtStart,
                                    long startNanos) throws InterruptedException {
        Waiter waiter = new Waiter("the pipeline to process " + flightRows + " flights");
        ProgressPrinter printer = new ProgressPrinter(flightsAtStart, startNanos);
        int zeroLagLooks = 0;
        long ingestMs = -1;
        while (true) {
            checkConnector(herder, FLIGHTS_SOURCE);
            checkConnector(herder, SEVERE_DELAYS_SINK);
            checkStreams(streams, streamsFailure);
            long ingested = endOffsets(admin, FlightDelaysTopology.FLIGHTS_TOPIC);
            Map<TopicPartition, Long> lags = streams.state().isRunningOrRebalancing() ? streams.inputLags() : Map.of();
            long flightsLag = 0;
            long totalLag = 0;
            for (Map.Entry<TopicPartition, Long> lag : lags.entrySet()) {
                totalLag += lag.getValue();
                if (lag.getKey().topic().equals(FlightDelaysTopology.FLIGHTS_TOPIC)) {
                    flightsLag += lag.getValue();
                }
            }
            Progress progress = tasksProgress(streams);
            printer.maybePrint(ingested, ingested - flightsLag, totalLag, progress.dropped);

            boolean ingestedAll = sourceRows(herder, FLIGHTS_SOURCE) >= flightRows;
            if (ingestedAll && ingestMs < 0) {
                ingestMs = (System.nanoTime() - startNanos) / 1_000_000;
            }
            // RUNNING: every task has restored its state, so the window store is complete when queried
            boolean caughtUp = ingestedAll && streams.state() == RunnelStreams.State.RUNNING && !lags.isEmpty()
                    && totalLag == 0;
            zeroLagLooks = caughtUp ? zeroLagLooks + 1 : 0;
            if (zeroLagLooks >= 2 && sinkCaughtUp(admin, herder)) {
                printer.print(ingested, ingested, 0, progress.dropped);
                return new Progress(progress.processed, progress.dropped, ingestMs);
            }
            waiter.pause(ingested * 31 + (ingested - flightsLag) * 17 + totalLag + sinkPosition(herder));
        }
    }

    private static Progress tasksProgress(RunnelStreams streams) {
        long processed = 0;
        long dropped = 0;
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                processed += task.processedRecords();
                dropped += task.droppedRecords();
            }
        }
        return new Progress(processed, dropped, -1);
    }

    private static boolean sinkCaughtUp(Admin admin, Herder herder) {
        long end = endOffsets(admin, FlightDelaysTopology.SEVERE_DELAYS_TOPIC);
        return sinkPosition(herder) >= end;
    }

    /** @return the sum over partitions of the sink's committed offsets */
    private static long sinkPosition(Herder herder) {
        long committed = 0;
        for (ConnectorOffsets.ConnectorOffset offset : herder.connectorOffsets(SEVERE_DELAYS_SINK).offsets()) {
            if (offset.offset().get("kafka_offset") instanceof Number n) {
                committed += n.longValue();
            }
        }
        return committed;
    }

    private static long endOffsets(Admin admin, String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            for (int p = 0; p < description.partitions().size(); p++) {
                specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long sum = 0;
            for (var info : admin.listOffsets(specs).all().get().values()) {
                sum += info.offset();
            }
            return sum;
        } catch (ExecutionException e) {
            throw new RunnelException("Cannot read the end offsets of " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnelException("Interrupted while reading the end offsets of " + topic, e);
        }
    }

    /**
     * Sleeps between checks, and fails when what it watches has not changed for the timeout: a stuck pipeline
     * stops with a message instead of hanging.
     */
    private final class Waiter {
        private final String what;
        private long lastObserved = Long.MIN_VALUE;
        private long lastChangeNanos = System.nanoTime();

        Waiter(String what) {
            this.what = what;
        }

        void pause(long observed) throws InterruptedException {
            long now = System.nanoTime();
            if (observed != lastObserved) {
                lastObserved = observed;
                lastChangeNanos = now;
            } else if (now - lastChangeNanos > options.timeout().toNanos()) {
                throw new RunnelException("Gave up waiting for " + what + ": nothing moved for "
                        + options.timeout().toSeconds() + " s. Look at the log output above for the cause.");
            }
            Thread.sleep(POLL_MS);
        }
    }

    // ------------------------------------------------------------------------------------------------- output

    private record Windows(long count, long flights) {
    }

    private record WindowRow(String state, long windowStart, DelayStats stats) {
    }

    private static Windows writeTsv(RunnelStreams streams, Path file) {
        ReadOnlyWindowStore<String, DelayStats> store = streams.store(StoreQueryParameters.fromNameAndType(
                FlightDelaysTopology.STORE, QueryableStoreTypes.windowStore()));
        List<WindowRow> rows = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, DelayStats> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, DelayStats> kv = it.next();
                if (kv.value != null && !kv.value.isEmpty()) {
                    rows.add(new WindowRow(kv.key.key(), kv.key.window().start(), kv.value));
                }
            }
        }
        rows.sort(Comparator.comparing(WindowRow::state).thenComparingLong(WindowRow::windowStart));
        long flights = 0;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            writer.write(TSV_HEADER);
            writer.write('\n');
            for (WindowRow row : rows) {
                flights += row.stats.flights();
                writer.write(row.state + '\t' + Instant.ofEpochMilli(row.windowStart) + '\t' + row.stats.flights()
                        + '\t' + row.stats.averageDelayMinutes().toPlainString() + '\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + tmp + " to " + file + ": " + e.getMessage(), e);
        }
        return new Windows(rows.size(), flights);
    }

    private final class ProgressPrinter {
        private final long flightsAtStart;
        private final long startNanos;
        private long lastPrintNanos;
        private long lastIngested;
        private long lastProcessed;

        ProgressPrinter(long flightsAtStart, long startNanos) {
            this.flightsAtStart = flightsAtStart;
            this.startNanos = startNanos;
            this.lastPrintNanos = System.nanoTime();
            this.lastIngested = flightsAtStart;
            this.lastProcessed = flightsAtStart;
        }

        void maybePrint(long ingested, long processed, long lag, long dropped) {
            if (options.progressIntervalMs() > 0
                    && System.nanoTime() - lastPrintNanos >= options.progressIntervalMs() * 1_000_000) {
                print(ingested, processed, lag, dropped);
            }
        }

        void print(long ingested, long processed, long lag, long dropped) {
            long now = System.nanoTime();
            double seconds = Math.max(1e-3, (now - lastPrintNanos) / 1e9);
            FlightDelaysPipeline.this.print("[%5.1f s] ingested %,d flights (%,.0f/s) | processed %,d (%,.0f/s) | "
                            + "consumer lag %,d | late/dropped %,d", (now - startNanos) / 1e9,
                    ingested - flightsAtStart, (ingested - lastIngested) / seconds, processed - flightsAtStart,
                    Math.max(0, processed - lastProcessed) / seconds, lag, dropped);
            lastPrintNanos = now;
            lastIngested = ingested;
            lastProcessed = processed;
        }
    }

    private void summary(Result r) {
        double seconds = Math.max(1e-3, r.elapsedMs() / 1000.0);
        print("");
        print("Done in %.1f s.", seconds);
        print("  in:  %,d flights (%,d new this run, %,.0f/s) and %,d airports, through Connect",
                r.flightRows(), r.ingestedThisRun(), r.ingestedThisRun() / seconds, r.airportRows());
        print("  processed: %,d records by %d stream threads this run; late or dropped: %,d",
                r.processedThisRun(), options.threads(), r.droppedRecords());
        print("  out: %,d (state, hour) windows covering %,d flights -> %s", r.windows(), r.windowedFlights(),
                r.delaysFile());
        print("       %,d flights delayed by %d+ minutes -> %s", r.severeDelays(),
                FlightDelaysTopology.SEVERE_DELAY_MINUTES, r.severeDelaysFile());
        if (r.windowedFlights() != r.flightRows()) {
            print("  note: the windows count %,d flights but the input has %,d (see 'late or dropped')",
                    r.windowedFlights(), r.flightRows());
        }
    }

    private void print(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        if (options.out() != null) {
            options.out().println(line);
            options.out().flush();
        }
        log.debug("{}", line);
    }

    // ------------------------------------------------------------------------------------------------- input

    private static void requireFile(Path file, String what, String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The " + what + " file " + file.toAbsolutePath() + " does not exist: "
                    + "run from the repository root or pass " + option + " <file>");
        }
    }

    /**
     * @param file a CSV file with a header ({@code .gz} read through gzip)
     * @return its data rows, counted with the same CSV parser the source connector uses
     * @throws UncheckedIOException if the file cannot be read or parsed
     */
    static long countRows(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             MappingIterator<String[]> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                     .readerFor(String[].class).readValues(reader)) {
            long count = -1;
            while (rows.hasNextValue()) {
                rows.nextValue();
                count++;
            }
            return Math.max(0, count);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
