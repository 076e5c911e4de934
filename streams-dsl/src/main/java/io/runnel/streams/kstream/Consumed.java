package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.Topology.AutoOffsetReset;
import io.runnel.streams.processor.TimestampExtractor;

/**
 * How a topic is read by {@code StreamsBuilder.stream}, {@code table} and {@code globalTable}, as Kafka's
 * {@code Consumed}: key and value serdes (null: {@code default.key.serde}/{@code default.value.serde}), the timestamp
 * extractor (null: {@code default.timestamp.extractor}), the reset policy when no offset is committed (null: the
 * consumer's {@code auto.offset.reset}, earliest by default) and the source node's name. Immutable: every
 * {@code with*} returns a copy.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Consumed<K, V> {

    /** Key serde, or null. */
    protected final Serde<K> keySerde;
    /** Value serde, or null. */
    protected final Serde<V> valueSerde;
    /** Timestamp extractor, or null. */
    protected final TimestampExtractor timestampExtractor;
    /** Reset policy, or null. */
    protected final AutoOffsetReset resetPolicy;
    /** Source node name, or null. */
    protected final String processorName;

    private Consumed(Serde<K> keySerde, Serde<V> valueSerde, TimestampExtractor timestampExtractor,
                     AutoOffsetReset resetPolicy, String processorName) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.timestampExtractor = timestampExtractor;
        this.resetPolicy = resetPolicy;
        this.processorName = processorName == null ? null : Named.validate(processorName);
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param consumed the instance to copy
     */
    protected Consumed(Consumed<K, V> consumed) {
        this(consumed.keySerde, consumed.valueSerde, consumed.timestampExtractor, consumed.resetPolicy,
                consumed.processorName);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @return a {@code Consumed} with the serdes
     */
    public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Consumed<>(keySerde, valueSerde, null, null, null);
    }

    /**
     * @param <K>                the key type
     * @param <V>                the value type
     * @param keySerde           the key serde, or null
     * @param valueSerde         the value serde, or null
     * @param timestampExtractor the timestamp extractor, or null
     * @param resetPolicy        the reset policy, or null
     * @return a {@code Consumed} with all four
     */
    public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde,
                                             TimestampExtractor timestampExtractor, AutoOffsetReset resetPolicy) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, null);
    }

    /**
     * @param <K>                the key type
     * @param <V>                the value type
     * @param timestampExtractor the timestamp extractor (event time from the value, for example)
     * @return a {@code Consumed} with the extractor and default serdes
     */
    public static <K, V> Consumed<K, V> with(TimestampExtractor timestampExtractor) {
        return new Consumed<>(null, null, timestampExtractor, null, null);
    }

    /**
     * @param <K>         the key type
     * @param <V>         the value type
     * @param resetPolicy where to start without a committed offset
     * @return a {@code Consumed} with the policy and default serdes
     */
    public static <K, V> Consumed<K, V> with(AutoOffsetReset resetPolicy) {
        return new Consumed<>(null, null, null, resetPolicy, null);
    }

    /**
     * @param <K>           the key type
     * @param <V>           the value type
     * @param processorName the source node's name
     * @return a {@code Consumed} naming the source node
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V> Consumed<K, V> as(String processorName) {
        return new Consumed<>(null, null, null, null, processorName);
    }

    /**
     * @param keySerde the key serde, or null for the default
     * @return a copy with the key serde
     */
    public Consumed<K, V> withKeySerde(Serde<K> keySerde) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    /**
     * @param valueSerde the value serde, or null for the default
     * @return a copy with the value serde
     */
    public Consumed<K, V> withValueSerde(Serde<V> valueSerde) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    /**
     * @param timestampExtractor the extractor, or null for the default
     * @return a copy with the extractor
     */
    public Consumed<K, V> withTimestampExtractor(TimestampExtractor timestampExtractor) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    /**
     * @param resetPolicy the reset policy, or null for the consumer's
     * @return a copy with the policy
     */
    public Consumed<K, V> withOffsetResetPolicy(AutoOffsetReset resetPolicy) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    /**
     * @param processorName the source node's name
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public Consumed<K, V> withName(String processorName) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }
}
