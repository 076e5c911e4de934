package io.runnel.streams.processor.api;

/**
 * The context of a {@link FixedKeyProcessor}: it forwards {@link FixedKeyRecord}s only, so keys cannot change.
 * Kafka's {@code FixedKeyProcessorContext}.
 *
 * @param <KForward> the key type of forwarded records
 * @param <VForward> the value type of forwarded records
 */
public interface FixedKeyProcessorContext<KForward, VForward> extends ProcessingContext {

    /**
     * Sends a record to every child of this processor.
     *
     * @param <K>    the key type
     * @param <V>    the value type
     * @param record a record derived from the input record
     */
    <K extends KForward, V extends VForward> void forward(FixedKeyRecord<K, V> record);

    /**
     * Sends a record to one child of this processor.
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param record    a record derived from the input record
     * @param childName the name of a child node
     * @throws io.runnel.streams.errors.StreamsException if {@code childName} is not a child of this processor
     */
    <K extends KForward, V extends VForward> void forward(FixedKeyRecord<K, V> record, String childName);
}
