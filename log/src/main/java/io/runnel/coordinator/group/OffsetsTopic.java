package io.runnel.coordinator.group;

import io.runnel.common.TopicPartition;
import io.runnel.common.errors.TopicExistsException;
import io.runnel.common.internals.Topic;
import io.runnel.common.record.DefaultRecordBatch;
import io.runnel.common.record.MemoryRecords;
import io.runnel.common.record.MemoryRecordsBuilder;
import io.runnel.common.record.Record;
import io.runnel.common.utils.Time;
import io.runnel.common.utils.Utils;
import io.runnel.log.FetchDataInfo;
import io.runnel.log.LogConfig;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The coordinator's view of {@code __consumer_offsets}: which partition a group lives on, lazy creation of the
 * topic (compacted, {@code offsets.topic.segment.bytes} segments), appends and the full read at startup.
 */
final class OffsetsTopic {

    /** A key with its value (null: tombstone). */
    record Entry(byte[] key, byte[] value) {
    }

    private final LogManager logs;
    private final GroupCoordinatorConfig config;
    private final Time time;

    OffsetsTopic(LogManager logs, GroupCoordinatorConfig config, Time time) {
        this.logs = logs;
        this.config = config;
        this.time = time;
    }

    boolean exists() {
        return logs.listTopics().contains(Topic.GROUP_METADATA_TOPIC_NAME);
    }

    int numPartitions() {
        return exists() ? logs.describeTopic(Topic.GROUP_METADATA_TOPIC_NAME).partitions()
                : config.offsetsTopicNumPartitions();
    }

    int partitionFor(String groupId) {
        return Utils.abs(groupId.hashCode()) % numPartitions();
    }

    void ensureCreated() {
        if (exists()) {
            return;
        }
        try {
            logs.createTopic(Topic.GROUP_METADATA_TOPIC_NAME, config.offsetsTopicNumPartitions(), Map.of(
                    LogConfig.CLEANUP_POLICY_CONFIG, LogConfig.CLEANUP_POLICY_COMPACT,
                    LogConfig.SEGMENT_BYTES_CONFIG, String.valueOf(config.offsetsTopicSegmentBytes())));
        } catch (TopicExistsException e) {
            // created concurrently: fine
        }
    }

    /**
     * Appends the entries of one group as one batch.
     *
     * @throws io.runnel.common.RunnelException if the log refuses the batch (the caller maps it to an error code)
     */
    void append(String groupId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ensureCreated();
        long now = time.milliseconds();
        MemoryRecordsBuilder b = MemoryRecords.builder();
        for (Entry e : entries) {
            b.append(now, e.key(), e.value(), null);
        }
        PartitionLog log = logs.log(new TopicPartition(Topic.GROUP_METADATA_TOPIC_NAME, partitionFor(groupId)));
        log.append(b.build());
    }

    /** Reads every record of every partition, oldest first, and hands it to {@code sink}. */
    void load(Consumer<Record> sink) {
        if (!exists()) {
            return;
        }
        int partitions = numPartitions();
        for (int p = 0; p < partitions; p++) {
            PartitionLog log = logs.log(new TopicPartition(Topic.GROUP_METADATA_TOPIC_NAME, p));
            long offset = log.logStartOffset();
            long end = log.logEndOffset();
            while (offset < end) {
                FetchDataInfo info = log.read(offset, 4 * 1024 * 1024, true);
                long next = offset;
                for (DefaultRecordBatch batch : info.records().batches()) {
                    if (!batch.isControlBatch()) {
                        for (Record r : batch) {
                            if (r.offset() >= offset) {
                                sink.accept(r);
                            }
                        }
                    }
                    next = Math.max(next, batch.nextOffset());
                }
                if (next == offset) {
                    break;
                }
                offset = next;
            }
        }
    }
}
