package io.runnel.samples.flights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's pipeline on a slice of the real data, checked against the same computation in plain Java, then run
 * again on the same data directory.
 */
class FlightDelaysPipelineIT {

    private static final Path DATA = Path.of("data");
    private static final int FLIGHTS = 30_000;
    private static final long HOUR = Duration.ofHours(1).toMillis();

    @TempDir
    Path dir;

    @Test
    void shouldComputeTheHourlyDelaysAndExportTheSevereOnesThenRerunIdempotently() throws Exception {
        List<String> lines = firstFlightLines(FLIGHTS);
        Path flights = dir.resolve("flights.csv");
        Files.write(flights, lines);
        Path airports = DATA.resolve("airports.csv");
        Map<String, String> states = states(airports);

        Path dataDir = dir.resolve("data");
        Path out = dir.resolve("out");
        StringWriter console = new StringWriter();
        FlightDelaysPipeline.Result first = run(dataDir, flights, airports, out, console);

        assertThat(first.flightRows()).isEqualTo(FLIGHTS);
        assertThat(first.ingestedThisRun()).isEqualTo(FLIGHTS);
        assertThat(first.flightsInTopic()).isEqualTo(FLIGHTS);
        assertThat(first.droppedRecords()).isZero();
        assertThat(first.windowedFlights()).isEqualTo(FLIGHTS);
        assertThat(console.toString()).contains("ingested", "Done in", "delays-by-state-hourly.tsv");

        List<String> tsv = Files.readAllLines(out.resolve("delays-by-state-hourly.tsv"));
        assertThat(tsv).isEqualTo(expectedTsv(lines.subList(1, lines.size()), states));
        assertThat(tsv.get(1)).matches("[A-Z]{2}\t2001-01-01T\\d\\d:00:00Z\t\\d+\t-?\\d+\\.\\d\\d");

        List<JsonNode> expectedSevere = expectedSevere(lines.subList(1, lines.size()), states);
        List<String> severe = Files.readAllLines(out.resolve("severe-delays.jsonl"));
        assertThat(severe).hasSize(expectedSevere.size());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> actualSevere = new ArrayList<>();
        for (String line : severe) {
            actualSevere.add(json.readTree(line));
        }
        assertThat(actualSevere).containsExactlyInAnyOrderElementsOf(expectedSevere);
        assertThat(first.severeDelays()).isEqualTo(expectedSevere.size());

        FlightDelaysPipeline.Result second = run(dataDir, flights, airports, out, new StringWriter());

        assertThat(second.ingestedThisRun()).as("source offsets: nothing ingested twice").isZero();
        assertThat(second.flightsInTopic()).isEqualTo(FLIGHTS);
        assertThat(second.windowedFlights()).as("restored state: nothing counted twice").isEqualTo(FLIGHTS);
        assertThat(Files.readAllLines(out.resolve("delays-by-state-hourly.tsv"))).isEqualTo(tsv);
        assertThat(Files.readAllLines(out.resolve("severe-delays.jsonl"))).as("nothing exported twice")
                .isEqualTo(severe);
    }

    @Test
    void shouldRejectAMissingInputFileBeforeOpeningAnything() {
        FlightDelaysPipeline.Options options = new FlightDelaysPipeline.Options(dir.resolve("data"),
                dir.resolve("missing.csv.gz"), DATA.resolve("airports.csv"), dir.resolve("out"), 2, 0,
                Duration.ofSeconds(30), null);
        assertThatThrownBy(() -> new FlightDelaysPipeline(options).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flights file").hasMessageContaining("missing.csv.gz").hasMessageContaining("--input");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void shouldStopWithTheConnectorsErrorOnAMalformedRow() throws IOException {
        Path flights = dir.resolve("bad.csv");
        Files.writeString(flights, "date,delay,distance,origin,destination\n2001-01-01T00:01,33,2176,LAS,PHL\n"
                + "2001-01-01T00:02,soon,215,ATL,SAV\n");
        FlightDelaysPipeline.Options options = new FlightDelaysPipeline.Options(dir.resolve("data"), flights,
                DATA.resolve("airports.csv"), dir.resolve("out"), 1, 0, Duration.ofSeconds(60), null);
        assertThatThrownBy(() -> new FlightDelaysPipeline(options).run())
                .hasMessageContaining("flights-source")
                .hasMessageContaining("column 'delay' holds 'soon'");
    }

    private static FlightDelaysPipeline.Result run(Path dataDir, Path flights, Path airports, Path out,
                                                   StringWriter console) throws InterruptedException {
        return new FlightDelaysPipeline(new FlightDelaysPipeline.Options(dataDir, flights, airports, out, 2, 200,
                Duration.ofSeconds(60), new PrintWriter(console, true))).run();
    }

    /** @return the header and the first {@code n} data lines of the committed slice */
    private static List<String> firstFlightLines(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(DATA.resolve("flights-2001-01.csv.gz"))), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() <= n && (line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Map<String, String> states(Path airports) throws IOException {
        Map<String, String> states = new HashMap<>();
        try (MappingIterator<String[]> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(airports.toFile())) {
            rows.next();
            while (rows.hasNext()) {
                String[] row = rows.next();
                states.put(row[0], row[3]);
            }
        }
        return states;
    }

    private static List<String> expectedTsv(List<String> flights, Map<String, String> states) {
        TreeMap<String, TreeMap<Long, long[]>> windows = new TreeMap<>();
        for (String flight : flights) {
            String[] f = flight.split(",");
            long hour = Instant.parse(f[0] + ":00Z").toEpochMilli() / HOUR * HOUR;
            long[] stats = windows.computeIfAbsent(states.get(f[3]), s -> new TreeMap<>())
                    .computeIfAbsent(hour, h -> new long[2]);
            stats[0]++;
            stats[1] += Integer.parseInt(f[1]);
        }
        List<String> tsv = new ArrayList<>();
        tsv.add("state\twindow_start\tflights\tavg_delay_minutes");
        windows.forEach((state, hours) -> hours.forEach((hour, s) -> tsv.add(state + "\t"
                + Instant.ofEpochMilli(hour) + "\t" + s[0] + "\t"
                + BigDecimal.valueOf(s[1]).divide(BigDecimal.valueOf(s[0]), 2, RoundingMode.HALF_UP))));
        return tsv;
    }

    private static List<JsonNode> expectedSevere(List<String> flights, Map<String, String> states) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> severe = new ArrayList<>();
        for (String flight : flights) {
            String[] f = flight.split(",");
            if (Integer.parseInt(f[1]) >= 180) {
                severe.add(json.createObjectNode().put("date", f[0]).put("delay", Integer.parseInt(f[1]))
                        .put("distance", Integer.parseInt(f[2])).put("origin", f[3]).put("destination", f[4])
                        .put("origin_state", states.get(f[3])));
            }
        }
        assertThat(severe).isNotEmpty();
        return severe;
    }
}
