package io.runnel.streams.kstream;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One branch of {@code KStream.split()}, as Kafka's {@code Branched}: its name (the key of the branch in the map
 * {@link BranchedKStream#defaultBranch()} returns is the split's name followed by the branch's name, or by the
 * branch's position from 1 if unnamed) and what to do with the branch's stream: nothing (the stream is in the map),
 * a function (its result is in the map, unless null) or a consumer (nothing is in the map). Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Branched<K, V> {

    /** Name, or null. */
    protected final String name;
    /** Function applied to the branch, or null. */
    protected final Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction;
    /** Consumer of the branch, or null. */
    protected final Consumer<? super KStream<K, V>> chainConsumer;

    private Branched(String name, Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction,
                     Consumer<? super KStream<K, V>> chainConsumer) {
        this.name = name == null ? null : Named.validate(name);
        this.chainFunction = chainFunction;
        this.chainConsumer = chainConsumer;
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param b the instance to copy
     */
    protected Branched(Branched<K, V> b) {
        this(b.name, b.chainFunction, b.chainConsumer);
    }

    /**
     * @param <K>  the key type
     * @param <V>  the value type
     * @param name the branch's name
     * @return a {@code Branched} with the name
     * @throws IllegalArgumentException if the name is not legal ({@link Named})
     */
    public static <K, V> Branched<K, V> as(String name) {
        return new Branched<>(Objects.requireNonNull(name, "name can't be null"), null, null);
    }

    /**
     * @param <K>   the key type
     * @param <V>   the value type
     * @param chain applied to the branch's stream; its result goes to the map unless null
     * @return a {@code Branched} with the function
     */
    public static <K, V> Branched<K, V> withFunction(
            Function<? super KStream<K, V>, ? extends KStream<K, V>> chain) {
        return new Branched<>(null, Objects.requireNonNull(chain, "chain function can't be null"), null);
    }

    /**
     * @param <K>   the key type
     * @param <V>   the value type
     * @param chain applied to the branch's stream; its result goes to the map unless null
     * @param name  the branch's name
     * @return a {@code Branched} with the function and name
     */
    public static <K, V> Branched<K, V> withFunction(
            Function<? super KStream<K, V>, ? extends KStream<K, V>> chain, String name) {
        return new Branched<>(Objects.requireNonNull(name, "name can't be null"),
                Objects.requireNonNull(chain, "chain function can't be null"), null);
    }

    /**
     * @param <K>   the key type
     * @param <V>   the value type
     * @param chain consumes the branch's stream (which is then not in the map)
     * @return a {@code Branched} with the consumer
     */
    public static <K, V> Branched<K, V> withConsumer(Consumer<? super KStream<K, V>> chain) {
        return new Branched<>(null, null, Objects.requireNonNull(chain, "chain consumer can't be null"));
    }

    /**
     * @param <K>   the key type
     * @param <V>   the value type
     * @param chain consumes the branch's stream (which is then not in the map)
     * @param name  the branch's name
     * @return a {@code Branched} with the consumer and name
     */
    public static <K, V> Branched<K, V> withConsumer(Consumer<? super KStream<K, V>> chain, String name) {
        return new Branched<>(Objects.requireNonNull(name, "name can't be null"), null,
                Objects.requireNonNull(chain, "chain consumer can't be null"));
    }
}
