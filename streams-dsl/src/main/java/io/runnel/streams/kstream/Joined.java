package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;

/**
 * Serdes and name of a KStream-KTable join, as Kafka's {@code Joined}: the key, stream value and table value serdes
 * are used when the stream must be repartitioned before the join (null: the serdes the stream carries, else the
 * defaults); the name names the join processor and the repartition topic ({@code <name>-repartition}). Immutable.
 *
 * @param <K>  the key type
 * @param <V>  the stream's value type
 * @param <VO> the table's value type
 */
public class Joined<K, V, VO> {

    /** Key serde, or null. */
    protected final Serde<K> keySerde;
    /** Stream value serde, or null. */
    protected final Serde<V> valueSerde;
    /** Table value serde, or null. */
    protected final Serde<VO> otherValueSerde;
    /** Name, or null. */
    protected final String name;

    private Joined(Serde<K> keySerde, Serde<V> valueSerde, Serde<VO> otherValueSerde, String name) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.otherValueSerde = otherValueSerde;
        this.name = name == null ? null : Named.validate(name);
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param joined the instance to copy
     */
    protected Joined(Joined<K, V, VO> joined) {
        this(joined.keySerde, joined.valueSerde, joined.otherValueSerde, joined.name);
    }

    /**
     * @param <K>             the key type
     * @param <V>             the stream's value type
     * @param <VO>            the table's value type
     * @param keySerde        the key serde, or null
     * @param valueSerde      the stream value serde, or null
     * @param otherValueSerde the table value serde, or null
     * @return a {@code Joined} with the serdes
     */
    public static <K, V, VO> Joined<K, V, VO> with(Serde<K> keySerde, Serde<V> valueSerde, Serde<VO> otherValueSerde) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, null);
    }

    /**
     * @param <K>             the key type
     * @param <V>             the stream's value type
     * @param <VO>            the table's value type
     * @param keySerde        the key serde, or null
     * @param valueSerde      the stream value serde, or null
     * @param otherValueSerde the table value serde, or null
     * @param name            the name, or null
     * @return a {@code Joined} with the serdes and name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V, VO> Joined<K, V, VO> with(Serde<K> keySerde, Serde<V> valueSerde, Serde<VO> otherValueSerde,
                                                   String name) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, name);
    }

    /**
     * @param <K>  the key type
     * @param <V>  the stream's value type
     * @param <VO> the table's value type
     * @param name the name
     * @return a {@code Joined} with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V, VO> Joined<K, V, VO> as(String name) {
        return new Joined<>(null, null, null, name);
    }

    /**
     * @param keySerde the key serde, or null
     * @return a copy with the key serde
     */
    public Joined<K, V, VO> withKeySerde(Serde<K> keySerde) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, name);
    }

    /**
     * @param valueSerde the stream value serde, or null
     * @return a copy with the serde
     */
    public Joined<K, V, VO> withValueSerde(Serde<V> valueSerde) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, name);
    }

    /**
     * @param otherValueSerde the table value serde, or null
     * @return a copy with the serde
     */
    public Joined<K, V, VO> withOtherValueSerde(Serde<VO> otherValueSerde) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, name);
    }

    /**
     * @param name the name
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public Joined<K, V, VO> withName(String name) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, name);
    }
}
