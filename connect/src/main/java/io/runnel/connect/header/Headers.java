package io.runnel.connect.header;

import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.data.Struct;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ordered, multi-valued headers of a Connect record, as Kafka Connect's {@code Headers}. The same key may
 * appear several times; iteration is in insertion order. The typed {@code addX} methods attach the matching
 * schema ({@code addInt} adds an INT32 header). Not thread-safe.
 */
public interface Headers extends Iterable<Header> {

    /** @return the number of headers */
    int size();

    /** @return whether there are none */
    boolean isEmpty();

    /**
     * @param key a key
     * @return the headers with that key, in insertion order
     */
    Iterator<Header> allWithName(String key);

    /**
     * @param key a key
     * @return the last header with that key, or null
     */
    Header lastWithName(String key);

    /**
     * @param header a header
     * @return this
     */
    Headers add(Header header);

    /**
     * @param key            a key
     * @param schemaAndValue the value and its schema; null adds a null value without a schema
     * @return this
     */
    Headers add(String key, SchemaAndValue schemaAndValue);

    /**
     * @param key    a key
     * @param value  a value valid for {@code schema}
     * @param schema its schema, or null
     * @return this
     * @throws io.runnel.connect.errors.DataException if the value does not fit the schema
     */
    Headers add(String key, Object value, Schema schema);

    /**
     * @param key   a key
     * @param value a string, or null
     * @return this
     */
    Headers addString(String key, String value);

    /**
     * @param key   a key
     * @param value a boolean
     * @return this
     */
    Headers addBoolean(String key, boolean value);

    /**
     * @param key   a key
     * @param value an INT8
     * @return this
     */
    Headers addByte(String key, byte value);

    /**
     * @param key   a key
     * @param value an INT16
     * @return this
     */
    Headers addShort(String key, short value);

    /**
     * @param key   a key
     * @param value an INT32
     * @return this
     */
    Headers addInt(String key, int value);

    /**
     * @param key   a key
     * @param value an INT64
     * @return this
     */
    Headers addLong(String key, long value);

    /**
     * @param key   a key
     * @param value a FLOAT32
     * @return this
     */
    Headers addFloat(String key, float value);

    /**
     * @param key   a key
     * @param value a FLOAT64
     * @return this
     */
    Headers addDouble(String key, double value);

    /**
     * @param key   a key
     * @param value BYTES
     * @return this
     */
    Headers addBytes(String key, byte[] value);

    /**
     * @param key    a key
     * @param value  a list
     * @param schema an ARRAY schema
     * @return this
     */
    Headers addList(String key, List<?> value, Schema schema);

    /**
     * @param key    a key
     * @param value  a map
     * @param schema a MAP schema
     * @return this
     */
    Headers addMap(String key, Map<?, ?> value, Schema schema);

    /**
     * @param key   a key
     * @param value a struct (its schema is used)
     * @return this
     */
    Headers addStruct(String key, Struct value);

    /**
     * @param key   a key
     * @param value a decimal (a Decimal schema with its scale is used)
     * @return this
     */
    Headers addDecimal(String key, BigDecimal value);

    /**
     * @param key   a key
     * @param value a date at midnight UTC
     * @return this
     */
    Headers addDate(String key, java.util.Date value);

    /**
     * @param key   a key
     * @param value a time on 1970-01-01 UTC
     * @return this
     */
    Headers addTime(String key, java.util.Date value);

    /**
     * @param key   a key
     * @param value an instant
     * @return this
     */
    Headers addTimestamp(String key, java.util.Date value);

    /**
     * @param key a key
     * @return this, without any header with that key
     */
    Headers remove(String key);

    /** @return this, keeping only the last header of each key */
    Headers retainLatest();

    /**
     * @param key a key
     * @return this, keeping only the last header with that key
     */
    Headers retainLatest(String key);

    /** @return this, emptied */
    Headers clear();

    /** @return an independent copy */
    Headers duplicate();

    /**
     * @param transform applied to every header; returning null removes it
     * @return this
     */
    Headers apply(HeaderTransform transform);

    /**
     * @param key       a key
     * @param transform applied to every header with that key; returning null removes it
     * @return this
     */
    Headers apply(String key, HeaderTransform transform);

    /** Changes one header. */
    @FunctionalInterface
    interface HeaderTransform {
        /**
         * @param header a header
         * @return its replacement, or null to remove it
         */
        Header apply(Header header);
    }
}
