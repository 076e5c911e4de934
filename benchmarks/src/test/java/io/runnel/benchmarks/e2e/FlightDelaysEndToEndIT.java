package io.runnel.benchmarks.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-to-end benchmark on a slice of the committed flights, so that CI keeps it running. */
class FlightDelaysEndToEndIT {

    @TempDir
    Path dir;

    @Test
    void shouldMeasureTheWholePipelineOnASlice() throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("../samples/data/flights-2001-01.csv.gz"))), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() <= 20_000 && (line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        Path flights = dir.resolve("flights.csv");
        Files.write(flights, lines);

        FlightDelaysEndToEnd.Report report = FlightDelaysEndToEnd.run(flights,
                Path.of("../samples/data/airports.csv"), 2, dir.resolve("work"), 0,
                new PrintWriter(new StringWriter(), true));

        assertThat(report.result().flightRows()).isEqualTo(20_000);
        assertThat(report.result().droppedRecords()).isZero();
        assertThat(report.severeReceived()).isEqualTo((int) report.result().severeDelays()).isPositive();
        assertThat(report.latenciesMs()).as("every severe delay matched to its input").hasSize(report.severeReceived());
        assertThat(report.latencyPercentile(0.5)).isNotNegative();
        assertThat(report.latencyPercentile(0.99)).isGreaterThanOrEqualTo(report.latencyPercentile(0.5));
        assertThat(report.peakHeapBytes()).isPositive();
        assertThat(report.diskBytes()).isGreaterThan(20_000L * 50);
        assertThat(report.describe(2)).contains("ingest:", "processing:", "latency", "bytes per input flight");
    }
}
