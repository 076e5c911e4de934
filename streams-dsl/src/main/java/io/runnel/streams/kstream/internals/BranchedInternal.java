package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Branched;
import io.runnel.streams.kstream.KStream;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The compiler's view of {@link Branched}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class BranchedInternal<K, V> extends Branched<K, V> {

    /** @param b the user's object */
    public BranchedInternal(Branched<K, V> b) {
        super(b);
    }

    /** @return the name, or null */
    public String name() {
        return name;
    }

    /** @return the function, or null */
    public Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction() {
        return chainFunction;
    }

    /** @return the consumer, or null */
    public Consumer<? super KStream<K, V>> chainConsumer() {
        return chainConsumer;
    }
}
