package io.runnel.log;

import io.runnel.common.TopicPartition;
import io.runnel.common.record.MemoryRecords;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The child process of {@link KillDuringAppendIT}: appends numbered records with {@code flush.messages=1} and
 * prints "acked OFFSET VALUE" after each append returns, until it is killed.
 */
public final class AppendingProcess {

    private AppendingProcess() {
    }

    /**
     * @param args the log directory
     */
    public static void main(String[] args) {
        LogManager manager = LogManager.open(Map.of("log.dir", args[0]));
        if (!manager.listTopics().contains("acks")) {
            manager.createTopic("acks", 1, Map.of("flush.messages", "1", "segment.bytes", "20000"));
        }
        PartitionLog log = manager.log(new TopicPartition("acks", 0));
        for (long i = 0; ; i++) {
            String value = "value-" + i;
            LogAppendInfo info = log.append(MemoryRecords.builder()
                    .append(System.currentTimeMillis(), ("key-" + i).getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8), null).build());
            System.out.println("acked " + info.firstOffset() + " " + value);
            System.out.flush();
        }
    }
}
