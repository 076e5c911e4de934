package io.runnel.benchmarks.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/** Shared fixtures of the client benchmarks: values of a given size and temporary directories. */
final class ClientBenchmarkData {

    private ClientBenchmarkData() {
    }

    /** @return {@code size}-byte ASCII values built from a small vocabulary (JSON-ish, compressible) */
    static byte[][] values(int count, int size, long seed) {
        Random random = new Random(seed);
        String[] words = {"order", "id", "customer", "amount", "EUR", "status", "shipped", "created", "true", "qty"};
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < size) {
                sb.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
            }
            out[i] = sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
