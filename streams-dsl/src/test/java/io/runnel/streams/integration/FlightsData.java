package io.runnel.streams.integration;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The shared flights and airports data ({@code /work/shared/data}, see its SOURCES.md): the first rows of
 * {@code flights-3m.csv.gz} as CSV lines and the airports as IATA code to CSV line.
 */
final class FlightsData {

    private FlightsData() {
    }

    static Path dataDir() {
        String configured = System.getProperty("runnel.shared.data");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        if (!Files.isRegularFile(dir.resolve("flights-3m.csv.gz")) || !Files.isRegularFile(dir.resolve("airports.csv"))) {
            throw new IllegalStateException("The flights data is missing from " + dir.toAbsolutePath() + ": get"
                    + " flights-3m.csv.gz and airports.csv as /work/shared/data/SOURCES.md says (npm pack"
                    + " vega-datasets@3.2.1) and point -Drunnel.shared.data at their directory");
        }
        return dir;
    }

    /** @return the first {@code n} flight lines ({@code date,delay,distance,origin,destination}) */
    static List<String> flights(int n) {
        List<String> lines = new ArrayList<>(n);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(dataDir().resolve("flights-3m.csv.gz"))), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while (lines.size() < n && (line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** @return IATA code to the airport's CSV line ({@code iata,name,city,state,country,latitude,longitude}) */
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

    /** @return the state of an airport line (the 4th field from the end; names may hold quoted commas) */
    static String state(String airportLine) {
        String[] f = airportLine.split(",");
        return f[f.length - 4];
    }

    /** @return the scheduled departure of a flight line in ms since the epoch, the local time read as UTC */
    static long timestamp(String flightLine) {
        return LocalDateTime.parse(flightLine.substring(0, flightLine.indexOf(','))).toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }

    /** @return the origin airport of a flight line */
    static String origin(String flightLine) {
        return flightLine.split(",")[3];
    }

    /** @return the departure delay in minutes of a flight line */
    static int delay(String flightLine) {
        return Integer.parseInt(flightLine.split(",")[1]);
    }
}
