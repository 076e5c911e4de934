package io.runnel.streams.processor.api;

/**
 * For the runtime only (Kafka has the same class): turns the record reaching a {@link FixedKeyProcessor} into a
 * {@link FixedKeyRecord}. Users never need it; a processor derives its output from the record it was given.
 */
public final class InternalFixedKeyRecordFactory {

    private InternalFixedKeyRecordFactory() {
    }

    /**
     * @param <K>    the key type
     * @param <V>    the value type
     * @param record the input record, not null
     * @return the fixed-key view of it, sharing its headers
     */
    public static <K, V> FixedKeyRecord<K, V> create(Record<K, V> record) {
        return new FixedKeyRecord<>(record.key(), record.value(), record.timestamp(), record.headers());
    }
}
