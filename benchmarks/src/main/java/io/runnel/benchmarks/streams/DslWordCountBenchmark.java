package io.runnel.benchmarks.streams;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.kstream.Consumed;
import io.runnel.streams.kstream.Grouped;
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

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * DSL word count over the flights' airport codes: each flight line (null key, 3 partitions) yields its origin and
 * destination as words ({@code flatMapValues}), {@code groupBy(word)} repartitions them, {@code count()} keeps a
 * RocksDB store with the record cache on (10 MiB) and the counts go to an output topic. Each invocation is a fresh
 * application over the same pre-filled input, waited for until all input is committed (start-up and shutdown
 * included). The {@code records} counter is input flights/s; words are twice that.
 * One operation is one application run over the {@link #rows} flights (the first 200,000 of
 * {@code flights-3m.csv.gz} by default; {@code DslBenchmarkData} says where the file is looked up): the primary
 * score is runs/s, the {@code records} secondary score is input flights/s, the number to quote.
 *
 * <pre>bin/runnel-bench DslWordCountBenchmark
 * java -Drunnel.data=../shared/data -jar benchmarks/target/benchmarks.jar \
 *     DslWordCountBenchmark -f 1 -wi 2 -w 1s -i 4 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DslWordCountBenchmark extends DslBenchmarkBase {

    /** Opens the log and writes the input topics. */
    @Setup(Level.Trial)
    public void setUp() {
        List<String> flights = DslBenchmarkData.flights(rows);
        log = new StreamsBenchmarkLog("dsl-wordcount");
        log.createTopic("flights", PARTITIONS);
        log.createTopic("word-counts", PARTITIONS);
        DslBenchmarkData.produce(log.log.bootstrapServers(), "flights", flights, line -> null,
                DslBenchmarkData::timestamp);
    }

    /** Empties the output topic. */
    @TearDown(Level.Invocation)
    public void recreateOutput() {
        log.recreateTopic("word-counts", PARTITIONS);
    }

    /**
     * @param counters the flights counter
     */
    @Benchmark
    public void wordCount(Counters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("flights", Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(line -> List.of(DslBenchmarkData.field(line, 3), DslBenchmarkData.field(line, 4)))
                .groupBy((k, word) -> word, Grouped.with("words", Serdes.String(), Serdes.String()))
                .count()
                .toStream()
                .to("word-counts", Produced.with(Serdes.String(), Serdes.Long()));
        Properties props = props("dsl-wordcount");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
        runApplication(builder.build(), props, 2 * PARTITIONS, streams -> { }, counters);
    }
}
