package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.processor.StreamPartitioner;

/**
 * How {@code KStream.to} writes a topic, as Kafka's {@code Produced}: key and value serdes (null: the serdes the
 * stream carries from upstream, else the defaults), the partitioner (null: murmur2 of the serialized key, as the
 * producer does) and the sink node's name. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Produced<K, V> {

    /** Key serde, or null. */
    protected final Serde<K> keySerde;
    /** Value serde, or null. */
    protected final Serde<V> valueSerde;
    /** Partitioner, or null. */
    protected final StreamPartitioner<? super K, ? super V> partitioner;
    /** Sink node name, or null. */
    protected final String processorName;

    private Produced(Serde<K> keySerde, Serde<V> valueSerde, StreamPartitioner<? super K, ? super V> partitioner,
                     String processorName) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.partitioner = partitioner;
        this.processorName = processorName == null ? null : Named.validate(processorName);
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param produced the instance to copy
     */
    protected Produced(Produced<K, V> produced) {
        this(produced.keySerde, produced.valueSerde, produced.partitioner, produced.processorName);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param keySerde   the key serde, or null
     * @param valueSerde the value serde, or null
     * @return a {@code Produced} with the serdes
     */
    public static <K, V> Produced<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Produced<>(keySerde, valueSerde, null, null);
    }

    /**
     * @param <K>         the key type
     * @param <V>         the value type
     * @param keySerde    the key serde, or null
     * @param valueSerde  the value serde, or null
     * @param partitioner the partitioner, or null
     * @return a {@code Produced} with the serdes and partitioner
     */
    public static <K, V> Produced<K, V> with(Serde<K> keySerde, Serde<V> valueSerde,
                                             StreamPartitioner<? super K, ? super V> partitioner) {
        return new Produced<>(keySerde, valueSerde, partitioner, null);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param keySerde the key serde
     * @return a {@code Produced} with the key serde
     */
    public static <K, V> Produced<K, V> keySerde(Serde<K> keySerde) {
        return new Produced<>(keySerde, null, null, null);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param valueSerde the value serde
     * @return a {@code Produced} with the value serde
     */
    public static <K, V> Produced<K, V> valueSerde(Serde<V> valueSerde) {
        return new Produced<>(null, valueSerde, null, null);
    }

    /**
     * @param <K>         the key type
     * @param <V>         the value type
     * @param partitioner the partitioner
     * @return a {@code Produced} with the partitioner
     */
    public static <K, V> Produced<K, V> streamPartitioner(StreamPartitioner<? super K, ? super V> partitioner) {
        return new Produced<>(null, null, partitioner, null);
    }

    /**
     * @param <K>           the key type
     * @param <V>           the value type
     * @param processorName the sink node's name
     * @return a {@code Produced} naming the sink
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V> Produced<K, V> as(String processorName) {
        return new Produced<>(null, null, null, processorName);
    }

    /**
     * @param keySerde the key serde, or null
     * @return a copy with the key serde
     */
    public Produced<K, V> withKeySerde(Serde<K> keySerde) {
        return new Produced<>(keySerde, valueSerde, partitioner, processorName);
    }

    /**
     * @param valueSerde the value serde, or null
     * @return a copy with the value serde
     */
    public Produced<K, V> withValueSerde(Serde<V> valueSerde) {
        return new Produced<>(keySerde, valueSerde, partitioner, processorName);
    }

    /**
     * @param partitioner the partitioner, or null
     * @return a copy with the partitioner
     */
    public Produced<K, V> withStreamPartitioner(StreamPartitioner<? super K, ? super V> partitioner) {
        return new Produced<>(keySerde, valueSerde, partitioner, processorName);
    }

    /**
     * @param processorName the sink node's name
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public Produced<K, V> withName(String processorName) {
        return new Produced<>(keySerde, valueSerde, partitioner, processorName);
    }
}
