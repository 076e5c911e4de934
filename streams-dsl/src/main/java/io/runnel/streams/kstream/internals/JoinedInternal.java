package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.Joined;

/**
 * The compiler's view of {@link Joined}.
 *
 * @param <K>  the key type
 * @param <V>  the stream value type
 * @param <VO> the table value type
 */
public final class JoinedInternal<K, V, VO> extends Joined<K, V, VO> {

    /** @param joined the user's object, or null for all defaults */
    public JoinedInternal(Joined<K, V, VO> joined) {
        super(joined == null ? Joined.<K, V, VO>with(null, null, null) : joined);
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the stream value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the table value serde, or null */
    public Serde<VO> otherValueSerde() {
        return otherValueSerde;
    }

    /** @return the name, or null */
    public String name() {
        return name;
    }
}
