package io.runnel.connect.header;

import io.runnel.connect.data.Schema;

/**
 * One header of a Connect record: a key, a value and the value's schema. Immutable; {@link #with} and
 * {@link #rename} return new headers.
 */
public interface Header {

    /** @return the key, never null */
    String key();

    /** @return the value's schema, or null when schemaless */
    Schema schema();

    /** @return the value, or null */
    Object value();

    /**
     * @param schema a schema
     * @param value  a value
     * @return a header with this key and the given schema and value
     */
    Header with(Schema schema, Object value);

    /**
     * @param key a key
     * @return a header with the given key and this schema and value
     */
    Header rename(String key);
}
