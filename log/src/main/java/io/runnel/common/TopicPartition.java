package io.runnel.common;

import java.util.Objects;

/**
 * A topic name and a partition number: the unit of ordering, storage and assignment.
 *
 * <p>Immutable and thread-safe. {@link #toString()} gives {@code topic-partition}, the form Kafka uses in
 * logs and in partition directory names ({@code <log.dir>/orders-3/}).
 *
 * @param topic     the topic name, never null
 * @param partition the partition number, {@code >= 0} for a real partition (Kafka uses -1 for "unknown" in a
 *                  few places, so negative values are accepted here and rejected where they matter)
 */
public record TopicPartition(String topic, int partition) {

    /**
     * @throws NullPointerException if {@code topic} is null
     */
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
