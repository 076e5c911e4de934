package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serdes;

/**
 * Serdes of windowed keys with Kafka's byte layouts ({@code WindowedSerdes}): see {@link TimeWindowedSerializer}
 * and {@link SessionWindowedSerializer}.
 */
public final class WindowedSerdes {

    private WindowedSerdes() {
    }

    /**
     * Serde of time-windowed keys.
     *
     * @param <T> the inner key type
     */
    public static class TimeWindowedSerde<T> extends Serdes.WrapperSerde<Windowed<T>> {
        /**
         * @param inner        the serde of the key
         * @param windowSizeMs the window size in ms, positive (needed to rebuild the window end)
         */
        public TimeWindowedSerde(Serde<T> inner, long windowSizeMs) {
            super(new TimeWindowedSerializer<>(inner.serializer()),
                    new TimeWindowedDeserializer<>(inner.deserializer(), windowSizeMs));
        }
    }

    /**
     * Serde of session-windowed keys.
     *
     * @param <T> the inner key type
     */
    public static class SessionWindowedSerde<T> extends Serdes.WrapperSerde<Windowed<T>> {
        /** @param inner the serde of the key */
        public SessionWindowedSerde(Serde<T> inner) {
            super(new SessionWindowedSerializer<>(inner.serializer()),
                    new SessionWindowedDeserializer<>(inner.deserializer()));
        }
    }

    /**
     * @param <T>          the inner key type
     * @param type         a built-in type ({@link Serdes#serdeFrom(Class)})
     * @param windowSizeMs the window size in ms
     * @return a time-windowed serde
     */
    public static <T> Serde<Windowed<T>> timeWindowedSerdeFrom(Class<T> type, long windowSizeMs) {
        return new TimeWindowedSerde<>(Serdes.serdeFrom(type), windowSizeMs);
    }

    /**
     * @param <T>  the inner key type
     * @param type a built-in type ({@link Serdes#serdeFrom(Class)})
     * @return a session-windowed serde
     */
    public static <T> Serde<Windowed<T>> sessionWindowedSerdeFrom(Class<T> type) {
        return new SessionWindowedSerde<>(Serdes.serdeFrom(type));
    }
}
