package io.runnel.clients.consumer;

import io.runnel.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records one {@code poll} returned (Kafka's {@code ConsumerRecords}), grouped by partition in offset order.
 * Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ConsumerRecords<K, V> implements Iterable<ConsumerRecord<K, V>> {

    private static final ConsumerRecords<Object, Object> EMPTY = new ConsumerRecords<>(Map.of(), Map.of());

    private final Map<TopicPartition, List<ConsumerRecord<K, V>>> records;
    private final Map<TopicPartition, OffsetAndMetadata> nextOffsets;

    /**
     * @param records     per partition, in offset order
     * @param nextOffsets per partition, the position after the records (what to commit)
     */
    public ConsumerRecords(Map<TopicPartition, List<ConsumerRecord<K, V>>> records,
                           Map<TopicPartition, OffsetAndMetadata> nextOffsets) {
        this.records = Collections.unmodifiableMap(new LinkedHashMap<>(records));
        this.nextOffsets = Collections.unmodifiableMap(new LinkedHashMap<>(nextOffsets));
    }

    /** @param records per partition, in offset order */
    public ConsumerRecords(Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
        this(records, Map.of());
    }

    /**
     * @param <K> the key type
     * @param <V> the value type
     * @return no records
     */
    // The empty instance holds no K or V, so it is safe to view it with any type arguments.
    @SuppressWarnings("unchecked")
    public static <K, V> ConsumerRecords<K, V> empty() {
        return (ConsumerRecords<K, V>) EMPTY;
    }

    /**
     * @param partition a partition
     * @return its records, in offset order (empty if none)
     */
    public List<ConsumerRecord<K, V>> records(TopicPartition partition) {
        List<ConsumerRecord<K, V>> r = records.get(partition);
        return r == null ? List.of() : Collections.unmodifiableList(r);
    }

    /**
     * @param topic a topic
     * @return its records, partition by partition
     */
    public Iterable<ConsumerRecord<K, V>> records(String topic) {
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        records.forEach((tp, list) -> {
            if (tp.topic().equals(topic)) {
                out.addAll(list);
            }
        });
        return out;
    }

    /** @return the partitions with records */
    public Set<TopicPartition> partitions() {
        return records.keySet();
    }

    /** @return per partition, the offset after its last returned record (the position to commit) */
    public Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        return nextOffsets;
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
        List<ConsumerRecord<K, V>> all = new ArrayList<>(count());
        records.values().forEach(all::addAll);
        return Collections.unmodifiableList(all).iterator();
    }

    /** @return the number of records */
    public int count() {
        int n = 0;
        for (List<ConsumerRecord<K, V>> l : records.values()) {
            n += l.size();
        }
        return n;
    }

    /** @return whether there are no records */
    public boolean isEmpty() {
        return records.isEmpty();
    }
}
