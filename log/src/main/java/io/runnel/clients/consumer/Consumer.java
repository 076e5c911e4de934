package io.runnel.clients.consumer;

import io.runnel.common.PartitionInfo;
import io.runnel.common.TopicPartition;

import java.io.Closeable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The consumer API (Kafka's {@code Consumer}), implemented by {@link RunnelConsumer}; see there for the contract
 * of each method. Program against this interface so tests can substitute a mock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Consumer<K, V> extends Closeable {

    /** @return the assigned partitions */
    Set<TopicPartition> assignment();

    /** @return the subscribed topics */
    Set<String> subscription();

    /** @param topics topics to subscribe to (group management) */
    void subscribe(Collection<String> topics);

    /**
     * @param topics   topics to subscribe to
     * @param listener told about rebalances
     */
    void subscribe(Collection<String> topics, ConsumerRebalanceListener listener);

    /** @param pattern topics matching it (group management) */
    void subscribe(Pattern pattern);

    /**
     * @param pattern  topics matching it
     * @param listener told about rebalances
     */
    void subscribe(Pattern pattern, ConsumerRebalanceListener listener);

    /** @param partitions partitions to read, without group management */
    void assign(Collection<TopicPartition> partitions);

    /** Drops subscriptions and assignments (and leaves the group). */
    void unsubscribe();

    /**
     * @param timeout the longest wait for records
     * @return the records fetched
     */
    ConsumerRecords<K, V> poll(Duration timeout);

    /** Commits the positions of all assigned partitions, blocking. */
    void commitSync();

    /** @param timeout the longest wait */
    void commitSync(Duration timeout);

    /** @param offsets the offsets to commit */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets);

    /**
     * @param offsets the offsets to commit
     * @param timeout the longest wait
     */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout);

    /** Commits the positions of all assigned partitions, asynchronously. */
    void commitAsync();

    /** @param callback told when the commit completes */
    void commitAsync(OffsetCommitCallback callback);

    /**
     * @param offsets  the offsets to commit
     * @param callback told when the commit completes
     */
    void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback);

    /**
     * @param partition a partition
     * @param offset    the next offset to read
     */
    void seek(TopicPartition partition, long offset);

    /**
     * @param partition          a partition
     * @param offsetAndMetadata  the next offset to read
     */
    void seek(TopicPartition partition, OffsetAndMetadata offsetAndMetadata);

    /** @param partitions partitions to read from their log start */
    void seekToBeginning(Collection<TopicPartition> partitions);

    /** @param partitions partitions to read from their log end */
    void seekToEnd(Collection<TopicPartition> partitions);

    /**
     * @param partition a partition
     * @return its position
     */
    long position(TopicPartition partition);

    /**
     * @param partition a partition
     * @param timeout   the longest wait
     * @return its position
     */
    long position(TopicPartition partition, Duration timeout);

    /**
     * @param partitions partitions
     * @return their committed offsets (null values for none)
     */
    Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions);

    /**
     * @param partitions partitions
     * @param timeout    the longest wait
     * @return their committed offsets (null values for none)
     */
    Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout);

    /**
     * @param topic a topic
     * @return its partitions
     */
    List<PartitionInfo> partitionsFor(String topic);

    /**
     * @param topic   a topic
     * @param timeout the longest wait
     * @return its partitions
     */
    List<PartitionInfo> partitionsFor(String topic, Duration timeout);

    /** @return every topic (except internal ones) and its partitions */
    Map<String, List<PartitionInfo>> listTopics();

    /**
     * @param timeout the longest wait
     * @return every topic and its partitions
     */
    Map<String, List<PartitionInfo>> listTopics(Duration timeout);

    /** @return the paused partitions */
    Set<TopicPartition> paused();

    /** @param partitions partitions to stop fetching */
    void pause(Collection<TopicPartition> partitions);

    /** @param partitions partitions to fetch again */
    void resume(Collection<TopicPartition> partitions);

    /**
     * @param timestampsToSearch ms per partition
     * @return per partition, the first offset at or after the time (null when none)
     */
    Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch);

    /**
     * @param timestampsToSearch ms per partition
     * @param timeout            the longest wait
     * @return per partition, the first offset at or after the time (null when none)
     */
    Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch,
                                                            Duration timeout);

    /**
     * @param partitions partitions
     * @return their log start offsets
     */
    Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions);

    /**
     * @param partitions partitions
     * @param timeout    the longest wait
     * @return their log start offsets
     */
    Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout);

    /**
     * @param partitions partitions
     * @return their log end offsets
     */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions);

    /**
     * @param partitions partitions
     * @param timeout    the longest wait
     * @return their log end offsets
     */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout);

    /**
     * @param topicPartition an assigned partition
     * @return its lag as of the last fetch, if known
     */
    OptionalLong currentLag(TopicPartition topicPartition);

    /** @return the group membership as of the last rebalance */
    ConsumerGroupMetadata groupMetadata();

    /** Makes the next poll rejoin the group. */
    void enforceRebalance();

    /** @param reason why, for logs */
    void enforceRebalance(String reason);

    /** Commits (if auto-commit), leaves the group and releases resources. */
    @Override
    void close();

    /** @param timeout the longest wait for the final commit */
    void close(Duration timeout);

    /** Interrupts a blocking call from another thread with a {@link io.runnel.common.errors.WakeupException}. */
    void wakeup();
}
