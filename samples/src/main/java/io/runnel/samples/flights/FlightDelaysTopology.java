package io.runnel.samples.flights;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;
import io.runnel.common.serialization.json.JsonSerde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.kstream.GlobalKTable;
import io.runnel.streams.kstream.Grouped;
import io.runnel.streams.kstream.KStream;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.Named;
import io.runnel.streams.kstream.Produced;
import io.runnel.streams.kstream.TimeWindows;
import io.runnel.streams.kstream.WindowedSerdes;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.state.WindowStore;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The Streams application of the flight-delays demo, in the DSL:
 * <pre>
 *   flights (KStream, event time = date as UTC) ⋈ airports (GlobalKTable, on origin)
 *       ├─ delay ≥ 180 min → severe-delays (JSON {@link SevereDelay})
 *       └─ group by origin state (repartition flights-by-state)
 *            → tumbling 1-hour windows, grace 24 h → aggregate {@link DelayStats} (RocksDB window store
 *              delays-by-state) → delays-by-state-hourly (key: time-windowed state, value: JSON DelayStats)
 * </pre>
 * The window store keeps {@value #STORE_RETENTION_DAYS} days, not the default window size + grace: the demo reads
 * every window back through an interactive query once the whole input is processed. Flights whose origin is not
 * in the airports table are dropped by the inner join (the data has none). Stateless apart from the window store;
 * build a new topology per application instance.
 */
public final class FlightDelaysTopology {

    /** Input topic of the flights (6 partitions in the demo). */
    public static final String FLIGHTS_TOPIC = "flights";
    /** Input topic of the airports, compacted, keyed by IATA code. */
    public static final String AIRPORTS_TOPIC = "airports";
    /** Output topic of the hourly aggregates per state. */
    public static final String DELAYS_TOPIC = "delays-by-state-hourly";
    /** Output topic of the severely delayed flights. */
    public static final String SEVERE_DELAYS_TOPIC = "severe-delays";
    /** The window store, queryable by this name. */
    public static final String STORE = "delays-by-state";
    /** Name of the repartition step (topic {@code <application.id>-flights-by-state-repartition}). */
    public static final String REPARTITION = "flights-by-state";
    /** A flight delayed by this many minutes or more is severe. */
    public static final int SEVERE_DELAY_MINUTES = 180;
    /** Window size. */
    public static final Duration WINDOW_SIZE = Duration.ofHours(1);
    /** How late (in event time) a flight may arrive and still be counted in its window. */
    public static final Duration GRACE = Duration.ofHours(24);
    /** Retention of the window store, in days: long enough to query every window of the input at the end. */
    public static final int STORE_RETENTION_DAYS = 3660;

    /** The serde of the flights' JSON values. */
    public static final Serde<Flight> FLIGHT_SERDE = JsonSerde.of(Flight.class);
    /** The serde of the airports' JSON values. */
    public static final Serde<Airport> AIRPORT_SERDE = JsonSerde.of(Airport.class);
    /** The serde of the aggregates. */
    public static final Serde<DelayStats> STATS_SERDE = JsonSerde.of(DelayStats.class);
    /** The serde of the severe delays. */
    public static final Serde<SevereDelay> SEVERE_SERDE = JsonSerde.of(SevereDelay.class);

    private FlightDelaysTopology() {
    }

    /** @return the demo's topology, ready for {@code new RunnelStreams(topology, props)} */
    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        GlobalKTable<String, Airport> airports = builder.globalTable(AIRPORTS_TOPIC,
                Consumed.with(Serdes.String(), AIRPORT_SERDE).withName("airports"));
        KStream<String, Flight> flights = builder.stream(FLIGHTS_TOPIC,
                Consumed.with(Serdes.String(), FLIGHT_SERDE).withTimestampExtractor(new FlightTimeExtractor())
                        .withName("flights"));

        KStream<String, SevereDelay> withState = flights.join(airports,
                (key, flight) -> flight.origin(),
                (flight, airport) -> SevereDelay.of(flight, airport.state()),
                Named.as("join-origin-airport"));

        withState.filter((key, f) -> f.delay() >= SEVERE_DELAY_MINUTES, Named.as("severe-only"))
                .to(SEVERE_DELAYS_TOPIC, Produced.with(Serdes.String(), SEVERE_SERDE).withName("severe-delays"));

        withState.groupBy((key, f) -> f.originState(), Grouped.with(REPARTITION, Serdes.String(), SEVERE_SERDE))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW_SIZE, GRACE))
                .aggregate(() -> DelayStats.EMPTY, (state, f, stats) -> stats.add(f.delay()),
                        Named.as("hourly-delays"),
                        Materialized.<String, DelayStats, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(STATS_SERDE)
                                .withStoreType(Materialized.StoreType.ROCKS_DB)
                                .withRetention(Duration.ofDays(STORE_RETENTION_DAYS)))
                .toStream(Named.as("hourly-delays-stream"))
                .to(DELAYS_TOPIC, Produced.with(
                        WindowedSerdes.timeWindowedSerdeFrom(String.class, WINDOW_SIZE.toMillis()), STATS_SERDE)
                        .withName("delays-by-state-hourly"));
        return builder.build();
    }

    /**
     * @param date a flight's {@code date}, {@code YYYY-MM-DDTHH:mm}
     * @return that local time read as UTC, in ms since the epoch
     * @throws DateTimeParseException if the text is not such a time
     */
    public static long eventTime(String date) {
        return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * Event time of a flight: its scheduled departure read as UTC. A value that is not a {@link Flight} or a date
     * that does not parse stops the application with a {@link StreamsException} naming the record's position.
     */
    public static final class FlightTimeExtractor implements TimestampExtractor {

        /** Creates the extractor. */
        public FlightTimeExtractor() {
        }

        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (record.value() instanceof Flight flight && flight.date() != null) {
                try {
                    return eventTime(flight.date());
                } catch (DateTimeParseException e) {
                    throw new StreamsException("Flight at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset() + " has date '" + flight.date() + "', expected YYYY-MM-DDTHH:mm", e);
                }
            }
            throw new StreamsException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a flight with a date: " + record.value());
        }
    }
}
