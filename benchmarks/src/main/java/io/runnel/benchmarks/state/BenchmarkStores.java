package io.runnel.benchmarks.state;

import io.runnel.streams.processor.MockStateStoreContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A throwaway state directory and context for one benchmark trial. */
final class BenchmarkStores implements AutoCloseable {

    final File dir;
    final MockStateStoreContext context;

    BenchmarkStores(Map<String, ?> configs) {
        try {
            dir = Files.createTempDirectory("runnel-state-bench").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context = new MockStateStoreContext(dir, configs);
    }

    @Override
    public void close() {
        context.close();
        try (Stream<Path> paths = Files.walk(dir.toPath())) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] key(int i) {
        return String.format("key-%09d", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
