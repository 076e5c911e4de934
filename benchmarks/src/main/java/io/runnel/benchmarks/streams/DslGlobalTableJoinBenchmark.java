package io.runnel.benchmarks.streams;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.kstream.GlobalKTable;
import io.runnel.streams.kstream.Produced;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * KStream-GlobalKTable join throughput: flights (null key, 3 partitions) joined with the airports global table
 * (3,376 rows, keyed by IATA code) on their origin, writing "state,delay" to an output topic. Each invocation is a
 * fresh application (global store bootstrap included) over the same pre-filled input. The {@code records} counter is
 * flights joined/s.
 * One operation is one application run over the {@link #rows} flights (the first 200,000 of
 * {@code flights-3m.csv.gz} by default; {@code DslBenchmarkData} says where the file is looked up): the primary
 * score is runs/s, the {@code records} secondary score is input flights/s, the number to quote.
 *
 * <pre>bin/runnel-bench DslGlobalTableJoinBenchmark
 * java -Drunnel.data=../shared/data -jar benchmarks/target/benchmarks.jar \
 *     DslGlobalTableJoinBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DslGlobalTableJoinBenchmark extends DslBenchmarkBase {

    /** Opens the log and writes the input topics. */
    @Setup(Level.Trial)
    public void setUp() {
        List<String> flights = DslBenchmarkData.flights(rows);
        Map<String, String> airports = DslBenchmarkData.airports();
        log = new StreamsBenchmarkLog("dsl-globaljoin");
        log.createTopic("flights", PARTITIONS);
        log.createTopic("airports", PARTITIONS);
        log.createTopic("flights-with-state", PARTITIONS);
        DslBenchmarkData.produce(log.log.bootstrapServers(), "flights", flights, line -> null,
                DslBenchmarkData::timestamp);
        DslBenchmarkData.produce(log.log.bootstrapServers(), "airports", new ArrayList<>(airports.values()),
                line -> line.substring(0, line.indexOf(',')), line -> 0L);
    }

    /** Empties the output topic. */
    @TearDown(Level.Invocation)
    public void recreateOutput() {
        log.recreateTopic("flights-with-state", PARTITIONS);
    }

    /**
     * @param counters the flights counter
     */
    @Benchmark
    public void joinFlightsWithAirports(Counters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        GlobalKTable<String, String> airports = builder.globalTable("airports",
                Consumed.with(Serdes.String(), Serdes.String()));
        builder.stream("flights", Consumed.with(Serdes.String(), Serdes.String()))
                .join(airports, (k, flight) -> DslBenchmarkData.field(flight, 3),
                        (flight, airport) -> DslBenchmarkData.state(airport) + "," + DslBenchmarkData.field(flight, 1))
                .to("flights-with-state", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = props("dsl-globaljoin");
        runApplication(builder.build(), props, PARTITIONS, streams -> { }, counters);
    }
}
