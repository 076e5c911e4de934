package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;

/**
 * How records are grouped for an aggregation, as Kafka's {@code Grouped}: the serdes used on the repartition topic
 * and by the aggregation's store (null: the serdes the stream carries, else the defaults) and the name of the
 * repartition topic ({@code <application.id>-<name>-repartition}) and of the grouping's processors. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Grouped<K, V> {

    /** Name, or null. */
    protected final String name;
    /** Key serde, or null. */
    protected final Serde<K> keySerde;
    /** Value serde, or null. */
    protected final Serde<V> valueSerde;

    private Grouped(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this.name = name == null ? null : Named.validate(name);
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param grouped the instance to copy
     */
    protected Grouped(Grouped<K, V> grouped) {
        this(grouped.name, grouped.keySerde, grouped.valueSerde);
    }

    /**
     * @param <K>  the key type
     * @param <V>  the value type
     * @param name the name of the repartition topic and processors
     * @return a {@code Grouped} with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V> Grouped<K, V> as(String name) {
        return new Grouped<>(name, null, null);
    }

    /**
     * @param <K>      the key type
     * @param <V>      the value type
     * @param keySerde the key serde
     * @return a {@code Grouped} with the key serde
     */
    public static <K, V> Grouped<K, V> keySerde(Serde<K> keySerde) {
        return new Grouped<>(null, keySerde, null);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param valueSerde the value serde
     * @return a {@code Grouped} with the value serde
     */
    public static <K, V> Grouped<K, V> valueSerde(Serde<V> valueSerde) {
        return new Grouped<>(null, null, valueSerde);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param keySerde   the key serde, or null
     * @param valueSerde the value serde, or null
     * @return a {@code Grouped} with the serdes
     */
    public static <K, V> Grouped<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Grouped<>(null, keySerde, valueSerde);
    }

    /**
     * @param <K>        the key type
     * @param <V>        the value type
     * @param name       the name, or null
     * @param keySerde   the key serde, or null
     * @param valueSerde the value serde, or null
     * @return a {@code Grouped} with the name and serdes
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V> Grouped<K, V> with(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        return new Grouped<>(name, keySerde, valueSerde);
    }

    /**
     * @param name the name
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public Grouped<K, V> withName(String name) {
        return new Grouped<>(name, keySerde, valueSerde);
    }

    /**
     * @param keySerde the key serde, or null
     * @return a copy with the key serde
     */
    public Grouped<K, V> withKeySerde(Serde<K> keySerde) {
        return new Grouped<>(name, keySerde, valueSerde);
    }

    /**
     * @param valueSerde the value serde, or null
     * @return a copy with the value serde
     */
    public Grouped<K, V> withValueSerde(Serde<V> valueSerde) {
        return new Grouped<>(name, keySerde, valueSerde);
    }
}
