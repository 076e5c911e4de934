package io.runnel.streams;

import io.runnel.common.serialization.Serializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Pipes records into an input topic of a {@link TopologyTestDriver} (Kafka's {@code TestInputTopic}); each pipe
 * call processes the record through the topology before it returns. Records go to the partition the key's murmur2
 * hash selects, as a Kafka producer would send them. Records piped without a time get the topic's current time,
 * which then advances by the auto-advance duration. Not thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TestInputTopic<K, V> {

    private final TopologyTestDriver driver;
    private final String topic;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private Instant currentTime;
    private final Duration advanceDuration;

    TestInputTopic(TopologyTestDriver driver, String topic, Serializer<K> keySerializer,
                   Serializer<V> valueSerializer, Instant startTimestamp, Duration autoAdvance) {
        this.driver = driver;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
        this.currentTime = Objects.requireNonNull(startTimestamp, "startTimestamp");
        if (autoAdvance.isNegative()) {
            throw new IllegalArgumentException("autoAdvance must be positive or zero, got " + autoAdvance);
        }
        this.advanceDuration = autoAdvance;
    }

    /**
     * Moves this topic's current time forward.
     *
     * @param advance how far; not negative
     * @throws IllegalArgumentException if negative
     */
    public void advanceTime(Duration advance) {
        if (advance.isNegative()) {
            throw new IllegalArgumentException("advance must be positive or zero, got " + advance);
        }
        currentTime = currentTime.plus(advance);
    }

    private Instant nextTime() {
        Instant t = currentTime;
        currentTime = currentTime.plus(advanceDuration);
        return t;
    }

    /** @param record the record; without a time it gets the topic's current time */
    public void pipeInput(TestRecord<K, V> record) {
        Instant time = record.getRecordTime() != null ? record.getRecordTime() : nextTime();
        driver.pipe(topic, record.key(), record.value(), record.headers(), time.toEpochMilli(), keySerializer,
                valueSerializer, true);
    }

    /** @param value a value with a null key */
    public void pipeInput(V value) {
        pipeInput(new TestRecord<>(value));
    }

    /**
     * @param key   the key
     * @param value the value
     */
    public void pipeInput(K key, V value) {
        pipeInput(new TestRecord<>(key, value));
    }

    /**
     * @param value     the value (null key)
     * @param timestamp the record time
     */
    public void pipeInput(V value, Instant timestamp) {
        pipeInput(new TestRecord<>(null, value, timestamp));
    }

    /**
     * @param key         the key
     * @param value       the value
     * @param timestampMs the record time in ms
     */
    public void pipeInput(K key, V value, long timestampMs) {
        pipeInput(new TestRecord<>(key, value, null, timestampMs));
    }

    /**
     * @param key       the key
     * @param value     the value
     * @param timestamp the record time
     */
    public void pipeInput(K key, V value, Instant timestamp) {
        pipeInput(new TestRecord<>(key, value, timestamp));
    }

    /**
     * Pipes several records, then processes them all (faster than one by one).
     *
     * @param records the records
     */
    public void pipeRecordList(List<? extends TestRecord<K, V>> records) {
        for (TestRecord<K, V> r : records) {
            Instant time = r.getRecordTime() != null ? r.getRecordTime() : nextTime();
            driver.pipe(topic, r.key(), r.value(), r.headers(), time.toEpochMilli(), keySerializer, valueSerializer,
                    false);
        }
        driver.processAll();
    }

    /** @param keyValues key-value pairs, with the topic's current time */
    public void pipeKeyValueList(List<KeyValue<K, V>> keyValues) {
        for (KeyValue<K, V> kv : keyValues) {
            driver.pipe(topic, kv.key, kv.value, null, nextTime().toEpochMilli(), keySerializer, valueSerializer,
                    false);
        }
        driver.processAll();
    }

    /** @param values values with null keys, with the topic's current time */
    public void pipeValueList(List<V> values) {
        for (V v : values) {
            driver.pipe(topic, null, v, null, nextTime().toEpochMilli(), keySerializer, valueSerializer, false);
        }
        driver.processAll();
    }

    /**
     * @param keyValues      key-value pairs
     * @param startTimestamp the first record's time
     * @param advance        added for each following record
     */
    public void pipeKeyValueList(List<KeyValue<K, V>> keyValues, Instant startTimestamp, Duration advance) {
        Instant t = startTimestamp;
        for (KeyValue<K, V> kv : keyValues) {
            driver.pipe(topic, kv.key, kv.value, null, t.toEpochMilli(), keySerializer, valueSerializer, false);
            t = t.plus(advance);
        }
        driver.processAll();
    }

    @Override
    public String toString() {
        return "TestInputTopic[topic=" + topic + ", currentTime=" + currentTime + "]";
    }
}
