package io.runnel.coordinator.group;

/**
 * The group coordinator's settings, taken from the broker configuration (Kafka's names in brackets).
 *
 * @param offsetsTopicNumPartitions       partitions of {@code __consumer_offsets} ({@code offsets.topic.num.partitions})
 * @param offsetsTopicSegmentBytes        its segment size in bytes ({@code offsets.topic.segment.bytes})
 * @param offsetsRetentionMs              how long committed offsets of an empty group live, in ms
 *                                        ({@code offsets.retention.minutes})
 * @param offsetsRetentionCheckIntervalMs how often expired offsets are removed, in ms
 *                                        ({@code offsets.retention.check.interval.ms})
 * @param offsetMetadataMaxBytes          longest metadata string of a commit ({@code offset.metadata.max.bytes})
 * @param initialRebalanceDelayMs         how long an empty group waits for more members before its first
 *                                        rebalance completes, in ms ({@code group.initial.rebalance.delay.ms})
 * @param minSessionTimeoutMs             smallest {@code session.timeout.ms} accepted ({@code group.min.session.timeout.ms})
 * @param maxSessionTimeoutMs             largest {@code session.timeout.ms} accepted ({@code group.max.session.timeout.ms})
 * @param maxGroupSize                    most members per group ({@code group.max.size})
 */
public record GroupCoordinatorConfig(int offsetsTopicNumPartitions, int offsetsTopicSegmentBytes, long offsetsRetentionMs,
                                     long offsetsRetentionCheckIntervalMs, int offsetMetadataMaxBytes,
                                     int initialRebalanceDelayMs, int minSessionTimeoutMs, int maxSessionTimeoutMs,
                                     int maxGroupSize) {

    /** @return the embedded log's defaults (see {@code docs/clients.md}) */
    public static GroupCoordinatorConfig defaults() {
        return new GroupCoordinatorConfig(1, 104_857_600, 7 * 24 * 3_600_000L, 600_000L, 4096, 0, 6000, 1_800_000,
                Integer.MAX_VALUE);
    }
}
