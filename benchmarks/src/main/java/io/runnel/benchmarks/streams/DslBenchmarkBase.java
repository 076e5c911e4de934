package io.runnel.benchmarks.streams;

import io.runnel.streams.RunnelStreams;
import io.runnel.streams.Topology;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Properties;
import java.util.function.Consumer;

/**
 * What the DSL benchmarks share: the {@link #rows} and {@link #threads} parameters, the embedded log (opened by the
 * subclass's trial setup, closed here), the input-flights counter, and running one fresh application per
 * invocation until all its input is committed. JMH inherits the parameters and the teardown. Not thread-safe: one
 * benchmark thread.
 */
@State(Scope.Benchmark)
public abstract class DslBenchmarkBase {

    /** Input partitions of every DSL benchmark. */
    static final int PARTITIONS = 3;

    /** Flights read from the file. */
    @Param({"200000"})
    public int rows;

    /** Stream threads. */
    @Param({"1", "2"})
    public int threads;

    /** The log; opened by the subclass's {@code @Setup(Level.Trial)}. */
    protected StreamsBenchmarkLog log;
    private int run;

    /** Counts input records. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        /** Input flights processed. */
        public long records;
    }

    /** Closes and deletes the log. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
    }

    /**
     * @param prefix the benchmark's application id prefix
     * @return settings for a new application (a fresh application id each call) with fast rebalances
     */
    protected Properties props(String prefix) {
        Properties props = log.props(prefix + "-" + threads + "-" + (run++), threads);
        DslBenchmarkData.fastRebalances(props);
        return props;
    }

    /**
     * Runs a new application until every input partition is committed, checks it, closes it, and counts the
     * flights.
     *
     * @param topology   the application
     * @param props      its settings ({@link #props(String)})
     * @param inputTasks tasks that read input (to wait for)
     * @param check      looks at the application before it closes (may throw)
     * @param counters   the flights counter
     */
    protected void runApplication(Topology topology, Properties props, int inputTasks, Consumer<RunnelStreams> check,
                                  Counters counters) {
        try (RunnelStreams streams = new RunnelStreams(topology, props)) {
            streams.start();
            StreamsBenchmarkLog.awaitCaughtUp(streams, inputTasks);
            check.accept(streams);
        }
        counters.records += rows;
    }
}
