package io.runnel.common;

import java.util.List;
import java.util.Objects;

/**
 * A partition as the admin client describes it: number, leader, replicas and in-sync replicas, as Kafka's
 * {@code TopicPartitionInfo}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partition the partition number
 * @param leader    the leader, or null when none is available
 * @param replicas  the replicas, in preference order
 * @param isr       the in-sync replicas
 */
public record TopicPartitionInfo(int partition, Node leader, List<Node> replicas, List<Node> isr) {

    /** Copies the lists. */
    public TopicPartitionInfo {
        replicas = List.copyOf(Objects.requireNonNull(replicas, "replicas"));
        isr = List.copyOf(Objects.requireNonNull(isr, "isr"));
    }
}
