package io.runnel.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a JVM that appends with {@code flush.messages=1} (SIGKILL, no shutdown hooks) at several points, then
 * reopens the directory: every append that returned is there, the log is consistent, and appends continue.
 */
class KillDuringAppendIT {

    @TempDir
    File dir;

    @Test
    void shouldKeepEveryAcknowledgedRecordAfterSigkill() throws Exception {
        Map<Long, String> acked = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AppendingProcess.class.getName(), dir.getPath()).redirectErrorStream(false).start();
            int target = 300 + round * 150;
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (seen < target && (line = out.readLine()) != null) {
                    if (line.startsWith("acked ")) {
                        String[] parts = line.split(" ");
                        acked.put(Long.parseLong(parts[1]), parts[2]);
                        seen++;
                    }
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(seen).as("child appended before it was killed (exit %s)", child.exitValue()).isEqualTo(target);
            assertThat(new File(dir, LogManager.CLEAN_SHUTDOWN_FILE)).doesNotExist();
        }
        try (LogManager manager = LogManager.open(Map.of("log.dir", dir.getPath()))) {
            PartitionLog log = manager.log(new TopicPartition("acks", 0));
            List<Record> records = LogTestKit.readAll(log);
            Map<Long, String> stored = new HashMap<>();
            long previous = -1;
            for (Record r : records) {
                assertThat(r.offset()).isEqualTo(previous + 1);
                previous = r.offset();
                stored.put(r.offset(), LogTestKit.str(r.value()));
            }
            assertThat(stored).containsAllEntriesOf(acked);
            assertThat(log.append(LogTestKit.batch(1L, "after", "kill")).firstOffset()).isEqualTo(log.logEndOffset() - 1);
        }
    }
}
