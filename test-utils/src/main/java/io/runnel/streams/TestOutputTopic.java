package io.runnel.streams;

import io.runnel.common.serialization.Deserializer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Reads what a topology wrote to a topic of a {@link TopologyTestDriver} (Kafka's {@code TestOutputTopic}). Each
 * record is read once. With several partitions, records of one partition keep their order and partitions are
 * merged by record timestamp (then partition number), so results are deterministic. Not thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TestOutputTopic<K, V> {

    private final TopologyTestDriver driver;
    private final String topic;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;

    TestOutputTopic(TopologyTestDriver driver, String topic, Deserializer<K> keyDeserializer,
                    Deserializer<V> valueDeserializer) {
        this.driver = driver;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
    }

    /**
     * @return the next record
     * @throws NoSuchElementException if there is none
     */
    public TestRecord<K, V> readRecord() {
        TestRecord<K, V> r = driver.readRecord(topic, keyDeserializer, valueDeserializer);
        if (r == null) {
            throw new NoSuchElementException("Empty topic: " + topic);
        }
        return r;
    }

    /**
     * @return the next record's value
     * @throws NoSuchElementException if there is none
     */
    public V readValue() {
        return readRecord().value();
    }

    /**
     * @return the next record's key and value
     * @throws NoSuchElementException if there is none
     */
    public KeyValue<K, V> readKeyValue() {
        TestRecord<K, V> r = readRecord();
        return KeyValue.pair(r.key(), r.value());
    }

    /** @return every unread record */
    public List<TestRecord<K, V>> readRecordsToList() {
        List<TestRecord<K, V>> list = new ArrayList<>();
        while (!isEmpty()) {
            list.add(readRecord());
        }
        return list;
    }

    /** @return every unread value */
    public List<V> readValuesToList() {
        List<V> list = new ArrayList<>();
        readRecordsToList().forEach(r -> list.add(r.value()));
        return list;
    }

    /** @return every unread key-value pair */
    public List<KeyValue<K, V>> readKeyValuesToList() {
        List<KeyValue<K, V>> list = new ArrayList<>();
        readRecordsToList().forEach(r -> list.add(KeyValue.pair(r.key(), r.value())));
        return list;
    }

    /**
     * @return the latest value per key among the unread records (a table's final state)
     * @throws IllegalStateException if a record has a null key
     */
    public Map<K, V> readKeyValuesToMap() {
        Map<K, V> map = new LinkedHashMap<>();
        for (TestRecord<K, V> r : readRecordsToList()) {
            if (r.key() == null) {
                throw new IllegalStateException("Null keys are not allowed with readKeyValuesToMap (topic " + topic
                        + ")");
            }
            map.put(r.key(), r.value());
        }
        return map;
    }

    /** @return the number of unread records */
    public long getQueueSize() {
        return driver.queueSize(topic);
    }

    /** @return true if there is no unread record */
    public boolean isEmpty() {
        return getQueueSize() == 0;
    }

    @Override
    public String toString() {
        return "TestOutputTopic[topic=" + topic + ", size=" + getQueueSize() + "]";
    }
}
