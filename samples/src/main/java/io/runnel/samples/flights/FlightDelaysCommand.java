package io.runnel.samples.flights;

import io.runnel.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code runnel demo flight-delays}: runs {@link FlightDelaysPipeline} with paths from the command line. Relative
 * defaults of the input files are resolved against the repository root ({@code runnel.home}, set by
 * {@code bin/runnel}) when it is known, else against the working directory; the data and output directories are
 * under the working directory.
 */
@Command(name = "flight-delays", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Ingest, process and export 508,239 real US flights on the embedded log.",
        description = {"Connect ingests the flights of January 2001 (topic flights, 6 partitions) and the airports "
                + "(compacted topic airports, keyed by IATA code); a Streams application joins each flight with "
                + "its origin airport (GlobalKTable), counts flights and averages departure delays per state in "
                + "1-hour event-time windows (grace 24 h, RocksDB) into topic delays-by-state-hourly, and sends "
                + "flights delayed by 180+ minutes to topic severe-delays; a Connect file sink writes those to "
                + "<out>/severe-delays.jsonl; at the end an interactive query of the window store writes "
                + "<out>/delays-by-state-hourly.tsv.",
                "",
                "Running it again on the same --data-dir ingests, counts and exports nothing twice and writes the "
                        + "same files.", ""},
        footer = {"", "Example:", "  bin/runnel demo flight-delays --out /tmp/out --threads 2"})
public final class FlightDelaysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "<dir>", defaultValue = "runnel-demo-data", order = 0,
            description = "Log, Connect offsets and Streams state (default: ${DEFAULT-VALUE}, under the working "
                    + "directory). Delete it to start over.")
    Path dataDir;

    @Option(names = "--input", paramLabel = "<file>", order = 1,
            description = "Flights CSV, plain or .gz (default: samples/data/flights-2001-01.csv.gz of the "
                    + "repository).")
    Path input;

    @Option(names = "--airports", paramLabel = "<file>", order = 2,
            description = "Airports CSV (default: samples/data/airports.csv of the repository).")
    Path airports;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "out", order = 3,
            description = "Where the output files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--threads", paramLabel = "<n>", defaultValue = "2", order = 4,
            description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "120", order = 5,
            description = "Give up when nothing moves for this long (default: ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    /** Creates the command; picocli fills the options. */
    public FlightDelaysCommand() {
    }

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw new CliException("--threads must be at least 1, got " + threads);
        }
        if (timeoutSeconds < 1) {
            throw new CliException("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        PrintWriter printer = spec.commandLine().getOut();
        Path flights = input != null ? input : repositoryFile("samples/data/flights-2001-01.csv.gz");
        Path airportsFile = airports != null ? airports : repositoryFile("samples/data/airports.csv");
        FlightDelaysPipeline.Options options = new FlightDelaysPipeline.Options(dataDir, flights, airportsFile, out,
                threads, 1000, Duration.ofSeconds(timeoutSeconds), printer);
        try {
            new FlightDelaysPipeline(options).run();
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }

    private static Path repositoryFile(String relative) {
        String home = System.getProperty("runnel.home");
        return home == null ? Path.of(relative) : Path.of(home).resolve(relative);
    }
}
