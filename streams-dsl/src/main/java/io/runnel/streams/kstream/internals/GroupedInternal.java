package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.Grouped;

/**
 * The compiler's view of {@link Grouped}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class GroupedInternal<K, V> extends Grouped<K, V> {

    /** @param grouped the user's object, or null for all defaults */
    public GroupedInternal(Grouped<K, V> grouped) {
        super(grouped == null ? Grouped.<K, V>with(null, null) : grouped);
    }

    /** @return the name, or null */
    public String name() {
        return name;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }
}
