package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.internals.WrappingNullableSerde;

/**
 * A serde built around an inner serde that may be unknown (null) until the application's defaults are known:
 * windowed keys over the default key serde, KTable changes over the default value serde. Sources, sinks and the
 * DSL's processors call {@link #setIfUnset} with the task's defaults before use; its serializer and deserializer
 * forward that call here.
 *
 * <p>Thread-safe: the inner serde is set once (a race sets the same default twice) and read through a volatile.
 *
 * @param <T> the wrapped type
 * @param <I> the inner type
 */
public abstract class WrappingSerde<T, I> implements Serde<T>, WrappingNullableSerde {

    private final boolean innerIsKey;
    private volatile Serde<I> inner;

    /**
     * @param inner      the inner serde, or null for the default
     * @param innerIsKey true if a missing inner serde is the default key serde, false for the value serde
     */
    protected WrappingSerde(Serde<I> inner, boolean innerIsKey) {
        this.inner = inner;
        this.innerIsKey = innerIsKey;
    }

    @SuppressWarnings("unchecked") // the default serde is the user's promise of the inner type, as in Kafka
    @Override
    public final void setIfUnset(Serde<?> defaultKeySerde, Serde<?> defaultValueSerde) {
        if (inner == null) {
            Serde<?> d = innerIsKey ? defaultKeySerde : defaultValueSerde;
            if (d == null) {
                throw new StreamsException("No " + (innerIsKey ? "key" : "value") + " serde for " + describe()
                        + ": pass one through Consumed, Grouped, Materialized, Joined or Produced, or set default."
                        + (innerIsKey ? "key" : "value") + ".serde");
            }
            inner = (Serde<I>) d;
        }
    }

    /** @return the inner serde */
    protected final Serde<I> inner() {
        Serde<I> s = inner;
        if (s == null) {
            throw new IllegalStateException(describe() + " was used before its default inner serde was set");
        }
        return s;
    }

    /** @return the inner serde, or null if still unset */
    public final Serde<I> innerOrNull() {
        return inner;
    }

    /** @return what this serde is, for messages */
    protected abstract String describe();

    /**
     * @param topic the topic
     * @param data  the value, may be null
     * @return the bytes
     */
    protected abstract byte[] serialize(String topic, T data);

    /**
     * @param topic the topic
     * @param data  the bytes, may be null
     * @return the value
     */
    protected abstract T deserialize(String topic, byte[] data);

    @Override
    public final Serializer<T> serializer() {
        return new WrappingSerializer();
    }

    @Override
    public final Deserializer<T> deserializer() {
        return new WrappingDeserializer();
    }

    private final class WrappingSerializer implements Serializer<T>, WrappingNullableSerde {
        @Override
        public byte[] serialize(String topic, T data) {
            return WrappingSerde.this.serialize(topic, data);
        }

        @Override
        public void setIfUnset(Serde<?> defaultKeySerde, Serde<?> defaultValueSerde) {
            WrappingSerde.this.setIfUnset(defaultKeySerde, defaultValueSerde);
        }
    }

    private final class WrappingDeserializer implements Deserializer<T>, WrappingNullableSerde {
        @Override
        public T deserialize(String topic, byte[] data) {
            return WrappingSerde.this.deserialize(topic, data);
        }

        @Override
        public void setIfUnset(Serde<?> defaultKeySerde, Serde<?> defaultValueSerde) {
            WrappingSerde.this.setIfUnset(defaultKeySerde, defaultValueSerde);
        }
    }

    /**
     * Resolves a possibly null serde against the task's defaults, for processors.
     *
     * @param <T>     the type
     * @param serde   the serde, or null
     * @param context the processor's context
     * @param isKey   true for keys
     * @param what    what it serializes, for the message
     * @return a usable serde
     * @throws StreamsException if the serde is null and no default is configured
     */
    @SuppressWarnings("unchecked") // the default serde is the user's promise, as in Kafka
    public static <T> Serde<T> resolve(Serde<T> serde, io.runnel.streams.processor.api.ProcessingContext context,
                                       boolean isKey, String what) {
        if (serde instanceof WrappingNullableSerde w) {
            w.setIfUnset(context.keySerde(), context.valueSerde());
            return serde;
        }
        if (serde != null) {
            return serde;
        }
        Serde<?> d = isKey ? context.keySerde() : context.valueSerde();
        if (d == null) {
            throw new StreamsException("No " + (isKey ? "key" : "value") + " serde for " + what + ": pass one through"
                    + " Consumed, Grouped, Materialized, Joined or Produced, or set default."
                    + (isKey ? "key" : "value") + ".serde");
        }
        return (Serde<T>) d;
    }
}
