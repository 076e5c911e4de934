package io.runnel.streams.processor.api;

/**
 * Where the record being processed came from: its input topic, partition and offset, as Kafka's
 * {@code RecordMetadata} of the Processor API. Available through {@link ProcessingContext#recordMetadata()} while a
 * record from a source topic is processed; absent in a punctuation.
 */
public interface RecordMetadata {

    /** @return the input topic of the record */
    String topic();

    /** @return the input partition of the record */
    int partition();

    /** @return the offset of the record in its input partition */
    long offset();
}
