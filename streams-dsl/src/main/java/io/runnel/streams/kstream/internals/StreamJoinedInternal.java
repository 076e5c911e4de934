package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.kstream.StreamJoined;
import io.runnel.streams.state.WindowBytesStoreSupplier;

import java.util.Map;

/**
 * The compiler's view of {@link StreamJoined}.
 *
 * @param <K>  the key type
 * @param <V1> this stream's value type
 * @param <V2> the other stream's value type
 */
public final class StreamJoinedInternal<K, V1, V2> extends StreamJoined<K, V1, V2> {

    /** @param s the user's object, or null for all defaults */
    public StreamJoinedInternal(StreamJoined<K, V1, V2> s) {
        super(s == null ? StreamJoined.<K, V1, V2>with(null, null, null) : s);
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return this side's value serde, or null */
    public Serde<V1> valueSerde() {
        return valueSerde;
    }

    /** @return the other side's value serde, or null */
    public Serde<V2> otherValueSerde() {
        return otherValueSerde;
    }

    /** @return this side's supplier, or null */
    public WindowBytesStoreSupplier thisStoreSupplier() {
        return thisStoreSupplier;
    }

    /** @return the other side's supplier, or null */
    public WindowBytesStoreSupplier otherStoreSupplier() {
        return otherStoreSupplier;
    }

    /** @return the processor name, or null */
    public String name() {
        return name;
    }

    /** @return the base store name, or null */
    public String storeName() {
        return storeName;
    }

    /** @return true if the stores are logged */
    public boolean loggingEnabled() {
        return loggingEnabled;
    }

    /** @return extra changelog settings */
    public Map<String, String> logConfig() {
        return topicConfig;
    }
}
