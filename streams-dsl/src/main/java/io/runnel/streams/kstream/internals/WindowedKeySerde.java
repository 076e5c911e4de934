package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.kstream.SessionWindowedDeserializer;
import io.runnel.streams.kstream.SessionWindowedSerializer;
import io.runnel.streams.kstream.TimeWindowedDeserializer;
import io.runnel.streams.kstream.TimeWindowedSerializer;
import io.runnel.streams.kstream.Windowed;

/**
 * The key serde of a windowed KTable: Kafka's time-windowed or session-windowed layout
 * ({@link io.runnel.streams.kstream.WindowedSerdes}) over the grouping's key serde, which may be the default one
 * (resolved by {@link #setIfUnset} when a source, sink or processor first uses it).
 *
 * @param <K> the inner key type
 */
public final class WindowedKeySerde<K> extends WrappingSerde<Windowed<K>, K> {

    private final long windowSizeMs;
    private final boolean session;
    private volatile Serializer<Windowed<K>> serializer;
    private volatile Deserializer<Windowed<K>> deserializer;

    private WindowedKeySerde(Serde<K> inner, long windowSizeMs, boolean session) {
        super(inner, true);
        this.windowSizeMs = windowSizeMs;
        this.session = session;
    }

    /**
     * @param <K>          the key type
     * @param inner        the key serde, or null for the default
     * @param windowSizeMs the window size in ms (to rebuild window ends)
     * @return a time-windowed key serde
     */
    public static <K> WindowedKeySerde<K> timeWindowed(Serde<K> inner, long windowSizeMs) {
        return new WindowedKeySerde<>(inner, windowSizeMs, false);
    }

    /**
     * @param <K>   the key type
     * @param inner the key serde, or null for the default
     * @return a session-windowed key serde
     */
    public static <K> WindowedKeySerde<K> sessionWindowed(Serde<K> inner) {
        return new WindowedKeySerde<>(inner, 0L, true);
    }

    @Override
    protected String describe() {
        return session ? "session-windowed keys" : "time-windowed keys";
    }

    @Override
    protected byte[] serialize(String topic, Windowed<K> data) {
        Serializer<Windowed<K>> s = serializer;
        if (s == null) {
            s = session ? new SessionWindowedSerializer<>(inner().serializer())
                    : new TimeWindowedSerializer<>(inner().serializer());
            serializer = s;
        }
        return s.serialize(topic, data);
    }

    @Override
    protected Windowed<K> deserialize(String topic, byte[] data) {
        Deserializer<Windowed<K>> d = deserializer;
        if (d == null) {
            d = session ? new SessionWindowedDeserializer<>(inner().deserializer())
                    : new TimeWindowedDeserializer<>(inner().deserializer(), windowSizeMs);
            deserializer = d;
        }
        return d.deserialize(topic, data);
    }
}
