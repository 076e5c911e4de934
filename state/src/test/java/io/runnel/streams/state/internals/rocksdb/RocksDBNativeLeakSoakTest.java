package io.runnel.streams.state.internals.rocksdb;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.processor.MockStateStoreContext;
import io.runnel.streams.processor.TaskId;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.StateStoreResources;
import io.runnel.streams.state.Stores;
import io.runnel.streams.state.WindowStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in ({@code -Psoak}): thousands of open/write/close cycles of RocksDB key-value and window stacks must not grow
 * the process's resident memory (Linux {@code /proc/self/status} VmRSS) beyond a small allowance.
 */
@Tag("soak")
class RocksDBNativeLeakSoakTest {

    @TempDir
    File stateDir;

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private void cycles(StateStoreResources resources, int n) {
        for (int cycle = 0; cycle < n; cycle++) {
            MockStateStoreContext context = new MockStateStoreContext("app", new TaskId(0, cycle % 4), stateDir,
                    Map.of(), resources);
            KeyValueStore<String, String> kv = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("kv"),
                    Serdes.String(), Serdes.String()).withCachingEnabled().build();
            WindowStore<String, String> window = Stores.windowStoreBuilder(Stores.persistentWindowStore("w",
                    Duration.ofMinutes(10), Duration.ofMinutes(1), false), Serdes.String(), Serdes.String()).build();
            kv.init(context, kv);
            window.init(context, window);
            for (int i = 0; i < 100; i++) {
                kv.put("k" + i, "v" + cycle);
                window.put("k" + i, "v", i * 10_000L);
            }
            kv.all().close();
            window.fetchAll(0, Long.MAX_VALUE); // deliberately left open: closed with the store
            context.close();
        }
    }

    @Test
    void shouldNotGrowResidentMemoryOverManyOpenCloseCycles() throws IOException {
        try (StateStoreResources resources = StateStoreResources.create(Map.of())) {
            cycles(resources, 300); // warm up allocators and the JIT
            System.gc();
            long before = rssKb();
            cycles(resources, 3_000);
            System.gc();
            long after = rssKb();
            assertThat(after - before).as("RSS growth in KiB over 3000 cycles").isLessThan(64 * 1024);
        }
    }
}
