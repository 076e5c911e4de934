package io.runnel.streams.integration;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.common.serialization.json.JsonSerde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.RunnelStreams;
import io.runnel.streams.StoreQueryParameters;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.TaskMetadata;
import io.runnel.streams.ThreadMetadata;
import io.runnel.streams.Topology;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.kstream.GlobalKTable;
import io.runnel.streams.kstream.Grouped;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Produced;
import io.runnel.streams.kstream.TimeWindows;
import io.runnel.streams.kstream.Windowed;
import io.runnel.streams.kstream.WindowedSerdes;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.QueryableStoreTypes;
import io.runnel.streams.state.ReadOnlyWindowStore;
import io.runnel.streams.state.WindowStore;
import io.runnel.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The path of the flights application the DSL exists for, on a slice of the real data: flights joined with a
 * GlobalKTable of airports on their origin to get the state, grouped by state, counted and their departure delay
 * averaged in tumbling 1-hour event-time windows (grace 24 h, RocksDB window store), results written to a topic
 * and the window store queried interactively at the end. Checked against the same computation in plain Java.
 *
 * <p>The flights topic has one partition: replaying a time-sorted file through several upstream tasks lets one task
 * run days of event time ahead of another (the consumer drains one partition's fetch before the next), so the
 * aggregation after the repartition would drop the slower tasks' records as later than the 24-hour grace period.
 */
class FlightDelaysByStateIT {

    private static final int FLIGHTS = 20_000;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    /** The state and delay of one flight. */
    public record StateDelay(String state, int delay) {
    }

    /** Flights and total departure delay (minutes) of one state in one hour. */
    public record DelayStats(long flights, long totalDelay) {
        static DelayStats empty() {
            return new DelayStats(0, 0);
        }

        DelayStats add(int delay) {
            return new DelayStats(flights + 1, totalDelay + delay);
        }

        double averageDelay() {
            return flights == 0 ? 0 : (double) totalDelay / flights;
        }
    }

    /** Event time from the flight's scheduled departure ({@code date} read as UTC). */
    static final class FlightTimestampExtractor implements TimestampExtractor {
        @Override
        public long extract(io.runnel.clients.consumer.ConsumerRecord<Object, Object> record, long partitionTime) {
            return FlightsData.timestamp((String) record.value());
        }
    }

    /** The application, as the issue's main job builds it. */
    static Topology delaysByState(Serde<StateDelay> stateDelaySerde, Serde<DelayStats> statsSerde) {
        StreamsBuilder builder = new StreamsBuilder();
        GlobalKTable<String, String> airports = builder.globalTable("airports",
                Consumed.with(Serdes.String(), Serdes.String()));
        KStream<String, String> flights = builder.stream("flights",
                Consumed.with(Serdes.String(), Serdes.String()).withTimestampExtractor(new FlightTimestampExtractor()));
        flights
                .join(airports,
                        (key, flight) -> FlightsData.origin(flight),
                        (flight, airport) -> new StateDelay(FlightsData.state(airport), FlightsData.delay(flight)))
                .groupBy((key, sd) -> sd.state(), Grouped.with("flights-by-state", Serdes.String(), stateDelaySerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofHours(24)))
                .aggregate(DelayStats::empty, (state, sd, stats) -> stats.add(sd.delay()),
                        Materialized.<String, DelayStats, WindowStore<Bytes, byte[]>>as("delays-by-state")
                                .withValueSerde(statsSerde)
                                .withStoreType(Materialized.StoreType.ROCKS_DB)
                                .withRetention(Duration.ofDays(366)))
                .toStream()
                .to("delays-by-state-hourly",
                        Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, HOUR), statsSerde));
        return builder.build();
    }

    @Test
    void shouldCountFlightsAndAverageDelaysPerStateAndHour() {
        List<String> flights = FlightsData.flights(FLIGHTS);
        Map<String, String> airports = FlightsData.airports();
        Map<String, DelayStats> expected = new HashMap<>();
        for (String f : flights) {
            long hour = FlightsData.timestamp(f) / HOUR * HOUR;
            String state = FlightsData.state(airports.get(FlightsData.origin(f)));
            expected.merge(state + "@" + hour, DelayStats.empty().add(FlightsData.delay(f)),
                    (a, b) -> new DelayStats(a.flights() + b.flights(), a.totalDelay() + b.totalDelay()));
        }
        assertThat(expected.size()).isGreaterThan(100);

        Serde<StateDelay> stateDelaySerde = new JsonSerde<>(StateDelay.class);
        Serde<DelayStats> statsSerde = new JsonSerde<>(DelayStats.class);
        try (EmbeddedTestLog log = new EmbeddedTestLog(dir)) {
            log.createTopic("airports", 3);
            // one partition: a single upstream task keeps the repartitioned records in event-time order (see
            // docs/streams-dsl.md, "Event time after a repartition"); the aggregation still runs on two threads
            log.createTopic("flights", 1);
            log.createTopic("delays-by-state-hourly", 3);
            List<KeyValue<String, String>> airportRecords = new ArrayList<>();
            airports.forEach((iata, line) -> airportRecords.add(KeyValue.pair(iata, line)));
            log.produce("airports", new StringSerializer(), new StringSerializer(), airportRecords, 0L);
            List<KeyValue<String, String>> flightRecords = new ArrayList<>();
            flights.forEach(f -> flightRecords.add(KeyValue.pair(null, f)));
            log.produce("flights", new StringSerializer(), new StringSerializer(), flightRecords,
                    System.currentTimeMillis());

            Properties props = log.streamsProps("flight-delays", dir.resolve("state"));
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500L);
            try (RunnelStreams streams = new RunnelStreams(delaysByState(stateDelaySerde, statsSerde), props)) {
                streams.start();
                EmbeddedTestLog.awaitCaughtUp(streams, TIMEOUT);

                ReadOnlyWindowStore<String, DelayStats> store = streams.store(StoreQueryParameters.fromNameAndType(
                        "delays-by-state", QueryableStoreTypes.windowStore()));
                Map<String, DelayStats> queried = new HashMap<>();
                try (KeyValueIterator<Windowed<String>, DelayStats> it = store.all()) {
                    it.forEachRemaining(kv -> queried.put(kv.key.key() + "@" + kv.key.window().start(), kv.value));
                }
                assertThat(differences(queried, expected)).isEmpty();

                long firstHour = FlightsData.timestamp(flights.get(0)) / HOUR * HOUR;
                try (WindowStoreIterator<DelayStats> ca = store.fetch("CA", firstHour, firstHour + 5 * HOUR)) {
                    int hours = 0;
                    while (ca.hasNext()) {
                        KeyValue<Long, DelayStats> w = ca.next();
                        assertThat(w.value).isEqualTo(expected.get("CA@" + w.key));
                        assertThat(w.value.averageDelay()).isEqualTo(expected.get("CA@" + w.key).averageDelay());
                        hours++;
                    }
                    assertThat(hours).isGreaterThan(0);
                }

                Map<String, DelayStats> published = new HashMap<>();
                log.readUntil("delays-by-state-hourly", WindowedSerdes.timeWindowedSerdeFrom(String.class, HOUR)
                        .deserializer(), statsSerde.deserializer(), records -> {
                            for (ConsumerRecord<Windowed<String>, DelayStats> r : records) {
                                published.put(r.key().key() + "@" + r.key().window().start(), r.value());
                            }
                            return published.equals(expected);
                        }, TIMEOUT);
                assertThat(differences(published, expected)).isEmpty();

                await().atMost(TIMEOUT).untilAsserted(() -> {
                    long processed = 0;
                    long dropped = 0;
                    for (ThreadMetadata t : streams.metadataForLocalThreads()) {
                        for (TaskMetadata task : t.activeTasks()) {
                            processed += task.processedRecords();
                            dropped += task.droppedRecords();
                        }
                    }
                    assertThat(dropped).isZero();
                    assertThat(processed).isGreaterThanOrEqualTo(2L * FLIGHTS);
                });
            }
        }
    }

    /** @return up to 10 differences, readable */
    private static List<String> differences(Map<String, DelayStats> actual, Map<String, DelayStats> expected) {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, DelayStats> e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                diffs.add(e.getKey() + ": expected " + e.getValue() + ", got " + actual.get(e.getKey()));
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k)) {
                diffs.add(k + ": unexpected " + actual.get(k));
            }
        }
        return diffs.subList(0, Math.min(10, diffs.size()));
    }

    @Test
    void shouldKeepItsStateNamesStable() {
        Serde<StateDelay> stateDelaySerde = new JsonSerde<>(StateDelay.class);
        Serde<DelayStats> statsSerde = new JsonSerde<>(DelayStats.class);
        String text = io.runnel.streams.TopologyFingerprint.of(delaysByState(stateDelaySerde, statsSerde)).text();
        assertThat(text).contains("store delays-by-state", "changelog delays-by-state-changelog",
                "repartition flights-by-state-repartition", "global-store KTABLE-SOURCE-STATE-STORE-");
    }
}
