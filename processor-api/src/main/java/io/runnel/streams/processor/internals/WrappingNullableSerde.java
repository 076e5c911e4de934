package io.runnel.streams.processor.internals;

import io.runnel.common.serialization.Serde;

/**
 * For the DSL: a serializer or deserializer wrapping inner serdes that may be unset (null) until the application's
 * default serdes are known, as Kafka's {@code WrappingNullableSerializer}/{@code WrappingNullableDeserializer}. A
 * windowed key serde whose inner key serde is the default one, or the serde of a KTable's changes on a repartition
 * topic, are such wrappers. Sources and sinks call {@link #setIfUnset} in their {@code init} with the task's
 * defaults before the first record.
 *
 * <p>Implementations must tolerate concurrent calls with equal arguments: one instance is shared by the tasks of a
 * node, which may run on several stream threads.
 */
public interface WrappingNullableSerde {

    /**
     * Fills in every unset inner serde from the defaults; inner serdes already set stay.
     *
     * @param defaultKeySerde   the {@code default.key.serde}, or null if none is configured
     * @param defaultValueSerde the {@code default.value.serde}, or null if none is configured
     * @throws io.runnel.streams.errors.StreamsException if an inner serde is unset and its default is null
     */
    void setIfUnset(Serde<?> defaultKeySerde, Serde<?> defaultValueSerde);
}
