package io.runnel.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.results.format.ResultFormatType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every JMH benchmark of the module once in the quick profile, so that {@code mvn verify} (and CI) catches a
 * benchmark that no longer compiles, fails in its setup or throws: one warm-up iteration of 100 ms and one
 * measurement iteration of 200 ms (at least one invocation each), in this JVM (forks 0, to save a JVM start per
 * parameter combination), with the reduced parameter values of {@code quick.params}. Scores are not asserted (the
 * machine is shared); only that each benchmark ran and produced a positive score. The JSON result goes to
 * {@code target/jmh-quick.json}.
 */
class QuickProfileIT {

    private static final String INCLUDE = "io\\.runnel\\.benchmarks\\..*";

    @Test
    void shouldRunEveryBenchmarkOnceInTheQuickProfile() throws IOException, RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(INCLUDE)
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .timeout(TimeValue.minutes(2))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .result(Path.of("target", "jmh-quick.json").toString())
                .resultFormat(ResultFormatType.JSON);
        quickParams().forEach((name, values) -> options.param(name, values));

        Collection<RunResult> results = new Runner(options.build()).run();

        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(ran).containsAll(declaredBenchmarks());
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore())
                .as("score of %s %s", r.getParams().getBenchmark(), r.getParams().getParamsKeys().stream()
                        .map(k -> k + "=" + r.getParams().getParam(k)).toList())
                .isPositive());
    }

    /** @return every benchmark method the annotation processor listed (its META-INF/BenchmarkList) */
    private static Set<String> declaredBenchmarks() {
        Set<String> names = BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(INCLUDE),
                        List.of())
                .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
        assertThat(names).as("benchmarks found by JMH").isNotEmpty();
        return names;
    }

    /** @return the quick profile's parameter values: {@code name=v1,v2} lines of quick.params, # comments */
    private static Map<String, String[]> quickParams() throws IOException {
        Path file = Path.of(System.getProperty("runnel.bench.quickParams", "quick.params"));
        List<String> lines = Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        for (String line : lines) {
            if (line.indexOf('=') <= 0) {
                throw new IllegalArgumentException(file + ": '" + line + "' is not name=value[,value...]");
            }
        }
        return lines.stream().collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')).strip(),
                        line -> line.substring(line.indexOf('=') + 1).strip().split("\\s*,\\s*")));
    }
}
