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

    /** @return {@code key-} and 9 decimal digits, 13 ASCII bytes, sortable by {@code i} */
    static byte[] key(int i) {
        byte[] key = {'k', 'e', 'y', '-', '0', '0', '0', '0', '0', '0', '0', '0', '0'};
        for (int pos = key.length - 1, v = i; v > 0 && pos >= 4; pos--, v /= 10) {
            key[pos] = (byte) ('0' + v % 10);
        }
        return key;
    }
}
