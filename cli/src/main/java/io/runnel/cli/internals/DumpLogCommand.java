package io.runnel.cli.internals;

import io.runnel.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code runnel dump-log}: Kafka's {@code kafka-dump-log} ({@code DumpLogSegments}) for segment files. */
@Command(name = "dump-log", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Print the contents of segment and index files (Kafka's kafka-dump-log).",
        description = {"Prints the batches and records of segment files (.log) and the entries of their indexes "
                + "(.index, .timeindex) in the format of Kafka's DumpLogSegments. It only reads the files and does "
                + "not open the log directory, so it also works while another process holds the log.", ""},
        footer = {"", "Example:",
                "  runnel dump-log --print-data-log \\",
                "      --files /tmp/runnel/orders-0/00000000000000000000.log"})
public final class DumpLogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--files", required = true, split = ",", paramLabel = "<file>", order = 0,
            description = "Comma-separated segment files to dump (.log, .index, .timeindex).")
    List<Path> files;

    @Option(names = "--print-data-log", order = 1,
            description = "Print each record's key and value (as UTF-8); implies --deep-iteration.")
    boolean printDataLog;

    @Option(names = "--deep-iteration", order = 2, description = "Print every record, not only the batches.")
    boolean deepIteration;

    @Option(names = "--skip-record-metadata", order = 3,
            description = "With --print-data-log: print only keys and values, not offsets and sizes.")
    boolean skipRecordMetadata;

    @Option(names = "--verify-index-only", order = 4,
            description = "Check index entries against the segment and report mismatches without printing the entries.")
    boolean verifyIndexOnly;

    @Option(names = "--index-sanity-check", order = 5,
            description = "Only check that index entries increase and point into the segment (what opening the log checks).")
    boolean indexSanityCheck;

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CliException("File " + file + " does not exist or is not a regular file");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SegmentDumper dumper = new SegmentDumper(new SegmentDumper.Options(printDataLog, deepIteration, verifyIndexOnly,
                indexSanityCheck, skipRecordMetadata), out, err);
        files.forEach(dumper::dump);
        out.flush();
        dumper.printFindings();
        return dumper.failures() == 0 ? 0 : 1;
    }
}
