package io.runnel.common.header;

/**
 * An ordered, multi-valued list of record {@link Header}s; the same key may appear several times.
 *
 * <p>Not thread-safe. Once a record has been handed to a producer the headers are made read-only and any
 * mutation throws {@link IllegalStateException}, as in Kafka.
 */
public interface Headers extends Iterable<Header> {

    /**
     * Appends a header.
     *
     * @param header the header
     * @return this
     * @throws IllegalStateException if the headers are read-only
     */
    Headers add(Header header);

    /**
     * Appends a header.
     *
     * @param key   the key, not null
     * @param value the value, may be null
     * @return this
     * @throws IllegalStateException if the headers are read-only
     */
    Headers add(String key, byte[] value);

    /**
     * Removes every header with the key.
     *
     * @param key the key
     * @return this
     * @throws IllegalStateException if the headers are read-only
     */
    Headers remove(String key);

    /**
     * @param key the key
     * @return the last header with the key, or null
     */
    Header lastHeader(String key);

    /**
     * @param key the key
     * @return every header with the key, in insertion order
     */
    Iterable<Header> headers(String key);

    /** @return a copy of all headers as an array, in insertion order */
    Header[] toArray();
}
