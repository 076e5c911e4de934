package io.runnel.streams.processor.api;

/**
 * The context of a {@link Processor}: {@link ProcessingContext} plus forwarding, as Kafka's
 * {@code ProcessorContext}.
 *
 * <p>Forwarding is synchronous: the children process the record (and their children, depth first) before
 * {@code forward} returns. Forwarded records are not copied: do not modify a record's headers after forwarding it.
 *
 * @param <KForward> the key type of forwarded records
 * @param <VForward> the value type of forwarded records
 */
public interface ProcessorContext<KForward, VForward> extends ProcessingContext {

    /**
     * Sends a record to every child of this processor.
     *
     * @param <K>    the key type
     * @param <V>    the value type
     * @param record the record; its timestamp becomes the output timestamp (and the changelog timestamp of any
     *               store write it causes downstream)
     * @throws io.runnel.streams.errors.StreamsException if called outside {@code process} or a punctuation
     */
    <K extends KForward, V extends VForward> void forward(Record<K, V> record);

    /**
     * Sends a record to one child of this processor.
     *
     * @param <K>       the key type
     * @param <V>       the value type
     * @param record    the record
     * @param childName the name of a child node
     * @throws io.runnel.streams.errors.StreamsException if {@code childName} is not a child of this processor
     */
    <K extends KForward, V extends VForward> void forward(Record<K, V> record, String childName);
}
