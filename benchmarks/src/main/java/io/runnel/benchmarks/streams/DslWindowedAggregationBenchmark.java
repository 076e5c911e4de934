package io.runnel.benchmarks.streams;

import io.runnel.common.serialization.Serdes;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.kstream.Materialized;
import io.runnel.streams.kstream.TimeWindows;
import io.runnel.streams.state.WindowStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * DSL windowed aggregation over the flights: flights keyed by origin airport (3 partitions, event time as record
 * timestamp) are grouped by key and aggregated per airport in tumbling 1-hour windows with a 24-hour grace period
 * into "flights,total delay" ({@code aggregate}, a RocksDB timestamped window store, record cache on, 10 MiB). No
 * repartition: each task sees its airports in time order, so nothing is late (the benchmark fails if a record was
 * dropped). The {@code records} counter is flights/s; each invocation is a fresh application over the same input.
 * One operation is one application run over the {@link #rows} flights (the first 200,000 of
 * {@code flights-3m.csv.gz} by default; {@code DslBenchmarkData} says where the file is looked up): the primary
 * score is runs/s, the {@code records} secondary score is input flights/s, the number to quote.
 *
 * <pre>bin/runnel-bench DslWindowedAggregationBenchmark
 * java -Drunnel.data=../shared/data -jar benchmarks/target/benchmarks.jar \
 *     DslWindowedAggregationBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DslWindowedAggregationBenchmark extends DslBenchmarkBase {

    /** Opens the log and writes the input topics. */
    @Setup(Level.Trial)
    public void setUp() {
        List<String> flights = DslBenchmarkData.flights(rows);
        log = new StreamsBenchmarkLog("dsl-windowed");
        log.createTopic("flights-by-origin", PARTITIONS);
        DslBenchmarkData.produce(log.log.bootstrapServers(), "flights-by-origin", flights,
                line -> DslBenchmarkData.field(line, 3), DslBenchmarkData::timestamp);
    }

    /**
     * @param counters the flights counter
     */
    @Benchmark
    public void hourlyDelaysPerAirport(Counters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("flights-by-origin", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofHours(24)))
                .aggregate(() -> "0,0", (origin, line, agg) -> {
                    int comma = agg.indexOf(',');
                    long flights = Long.parseLong(agg.substring(0, comma)) + 1;
                    long delay = Long.parseLong(agg.substring(comma + 1))
                            + Long.parseLong(DslBenchmarkData.field(line, 1));
                    return flights + "," + delay;
                }, Materialized.<String, String, WindowStore<Bytes, byte[]>>as("hourly-delays")
                        .withValueSerde(Serdes.String()));
        Properties props = props("dsl-windowed");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
        runApplication(builder.build(), props, PARTITIONS, streams -> {
            long dropped = DslBenchmarkData.droppedRecords(streams);
            if (dropped != 0) {
                throw new IllegalStateException(dropped + " records were dropped as late: the benchmark measures"
                        + " in-order aggregation");
            }
        }, counters);
    }
}
