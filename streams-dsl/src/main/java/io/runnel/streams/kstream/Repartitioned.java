package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.processor.StreamPartitioner;

/**
 * How {@code KStream.repartition} writes its repartition topic, as Kafka's {@code Repartitioned}: the topic's name
 * ({@code <application.id>-<name>-repartition}), its partition count (null: the largest partition count of the
 * upstream source topics), the partitioner and the serdes (null: the serdes the stream carries, else the
 * defaults). Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Repartitioned<K, V> {

    /** Name, or null. */
    protected final String name;
    /** Key serde, or null. */
    protected final Serde<K> keySerde;
    /** Value serde, or null. */
    protected final Serde<V> valueSerde;
    /** Partition count, or null. */
    protected final Integer numberOfPartitions;
    /** Partitioner, or null. */
    protected final StreamPartitioner<K, V> partitioner;

    private Repartitioned(String name, Serde<K> keySerde, Serde<V> valueSerde, Integer numberOfPartitions,
                          StreamPartitioner<K, V> partitioner) {
        if (numberOfPartitions != null && numberOfPartitions < 1) {
            throw new IllegalArgumentException("numberOfPartitions must be positive, got " + numberOfPartitions);
        }
        this.name = name == null ? null : Named.validate(name);
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.numberOfPartitions = numberOfPartitions;
        this.partitioner = partitioner;
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param r the instance to copy
     */
    protected Repartitioned(Repartitioned<K, V> r) {
        this(r.name, r.keySerde, r.valueSerde, r.numberOfPartitions, r.partitioner);
    }

    /**
     * @param <K>  the key type
     * @param <V>  the value type
     * @param name the topic's name (without {@code -repartition})
     * @return a {@code Repartitioned} with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V> Repartitioned<K, V> as(String name) {
        return new Repartitioned<>(name, null, null, null, null);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param keySerde   the key serde, or null
     * @param valueSerde the value serde, or null
     * @return a {@code Repartitioned} with the serdes
     */
    public static <K, V> Repartitioned<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Repartitioned<>(null, keySerde, valueSerde, null, null);
    }

    /**
     * @param <K>                the key type
     * @param <V>                the value type
     * @param numberOfPartitions the topic's partition count, positive
     * @return a {@code Repartitioned} with the count
     * @throws IllegalArgumentException if the count is not positive
     */
    public static <K, V> Repartitioned<K, V> numberOfPartitions(int numberOfPartitions) {
        return new Repartitioned<>(null, null, null, numberOfPartitions, null);
    }

    /**
     * @param <K>         the key type
     * @param <V>         the value type
     * @param partitioner the partitioner
     * @return a {@code Repartitioned} with the partitioner
     */
    public static <K, V> Repartitioned<K, V> streamPartitioner(StreamPartitioner<K, V> partitioner) {
        return new Repartitioned<>(null, null, null, null, partitioner);
    }

    /**
     * @param name the topic's name
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public Repartitioned<K, V> withName(String name) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * @param numberOfPartitions the partition count, positive
     * @return a copy with the count
     * @throws IllegalArgumentException if the count is not positive
     */
    public Repartitioned<K, V> withNumberOfPartitions(int numberOfPartitions) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * @param keySerde the key serde, or null
     * @return a copy with the key serde
     */
    public Repartitioned<K, V> withKeySerde(Serde<K> keySerde) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * @param valueSerde the value serde, or null
     * @return a copy with the value serde
     */
    public Repartitioned<K, V> withValueSerde(Serde<V> valueSerde) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    /**
     * @param partitioner the partitioner, or null
     * @return a copy with the partitioner
     */
    public Repartitioned<K, V> withStreamPartitioner(StreamPartitioner<K, V> partitioner) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, partitioner);
    }
}
