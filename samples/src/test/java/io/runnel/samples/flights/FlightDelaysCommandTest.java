package io.runnel.samples.flights;

import io.runnel.cli.Runnel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code runnel demo flight-delays} through the real {@code runnel} command line and its subcommand SPI. */
class FlightDelaysCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRunTheDemoFromTheRunnelCommandLine() throws IOException {
        Path flights = dir.resolve("flights.csv");
        Files.write(flights, List.of("date,delay,distance,origin,destination", "2001-01-01T00:01,33,2176,LAS,PHL",
                "2001-01-01T00:05,200,215,ATL,SAV", "2001-01-01T01:10,-3,215,ATL,SAV"));
        Path out = dir.resolve("out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine runnel = new Runnel(new ByteArrayInputStream(new byte[0]), Map.of()).commandLine();
        runnel.setOut(new PrintWriter(stdout, true));
        runnel.setErr(new PrintWriter(stderr, true));

        int exit = runnel.execute("demo", "flight-delays", "--input", flights.toString(), "--airports",
                Path.of("data", "airports.csv").toString(), "--data-dir", dir.resolve("data").toString(),
                "--out", out.toString(), "--threads", "1");

        assertThat(exit).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("3 flights", "Done in");
        assertThat(Files.readAllLines(out.resolve("delays-by-state-hourly.tsv"))).containsExactly(
                "state\twindow_start\tflights\tavg_delay_minutes",
                "GA\t2001-01-01T00:00:00Z\t1\t200.00",
                "GA\t2001-01-01T01:00:00Z\t1\t-3.00",
                "NV\t2001-01-01T00:00:00Z\t1\t33.00");
        assertThat(Files.readAllLines(out.resolve("severe-delays.jsonl"))).containsExactly(
                "{\"date\":\"2001-01-01T00:05\",\"delay\":200,\"distance\":215,\"origin\":\"ATL\","
                        + "\"destination\":\"SAV\",\"origin_state\":\"GA\"}");
    }

    @Test
    void shouldRejectBadOptionsWithAUsageError() {
        StringWriter stderr = new StringWriter();
        CommandLine runnel = new Runnel(new ByteArrayInputStream(new byte[0]), Map.of()).commandLine();
        runnel.setErr(new PrintWriter(stderr, true));
        runnel.setOut(new PrintWriter(new StringWriter(), true));

        assertThat(runnel.execute("demo", "flight-delays", "--threads", "0", "--data-dir",
                dir.resolve("d").toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("--threads must be at least 1");
        assertThat(runnel.execute("demo", "flight-delays", "--input", dir.resolve("nope.csv").toString(),
                "--data-dir", dir.resolve("d").toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("nope.csv does not exist");
        assertThat(runnel.execute("demo", "flight-delays", "--no-such-option")).isEqualTo(2);
    }
}
