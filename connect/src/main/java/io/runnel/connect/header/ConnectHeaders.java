package io.runnel.connect.header;

import io.runnel.connect.data.ConnectSchema;
import io.runnel.connect.data.Date;
import io.runnel.connect.data.Decimal;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaAndValue;
import io.runnel.connect.data.Struct;
import io.runnel.connect.data.Time;
import io.runnel.connect.data.Timestamp;
import io.runnel.connect.errors.DataException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The {@link Headers} implementation: a list in insertion order. Not thread-safe. */
public class ConnectHeaders implements Headers {

    private final List<Header> headers;

    /** Empty headers. */
    public ConnectHeaders() {
        this.headers = new ArrayList<>();
    }

    /** @param original headers to copy */
    public ConnectHeaders(Iterable<Header> original) {
        this();
        if (original != null) {
            original.forEach(headers::add);
        }
    }

    @Override
    public int size() {
        return headers.size();
    }

    @Override
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    @Override
    public Iterator<Header> allWithName(String key) {
        checkKey(key);
        return headers.stream().filter(h -> h.key().equals(key)).toList().iterator();
    }

    @Override
    public Header lastWithName(String key) {
        checkKey(key);
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(key)) {
                return headers.get(i);
            }
        }
        return null;
    }

    @Override
    public Headers add(Header header) {
        headers.add(Objects.requireNonNull(header, "header"));
        return this;
    }

    @Override
    public Headers add(String key, SchemaAndValue schemaAndValue) {
        checkKey(key);
        return schemaAndValue == null ? add(new ConnectHeader(key, null, null))
                : add(key, schemaAndValue.value(), schemaAndValue.schema());
    }

    @Override
    public Headers add(String key, Object value, Schema schema) {
        checkKey(key);
        if (schema != null) {
            try {
                ConnectSchema.validateValue(schema, value);
            } catch (DataException e) {
                throw new DataException("Header '" + key + "': " + e.getMessage(), e);
            }
        }
        return add(new ConnectHeader(key, schema, value));
    }

    @Override
    public Headers addString(String key, String value) {
        return add(key, value, value == null ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
    }

    @Override
    public Headers addBoolean(String key, boolean value) {
        return add(key, value, Schema.BOOLEAN_SCHEMA);
    }

    @Override
    public Headers addByte(String key, byte value) {
        return add(key, value, Schema.INT8_SCHEMA);
    }

    @Override
    public Headers addShort(String key, short value) {
        return add(key, value, Schema.INT16_SCHEMA);
    }

    @Override
    public Headers addInt(String key, int value) {
        return add(key, value, Schema.INT32_SCHEMA);
    }

    @Override
    public Headers addLong(String key, long value) {
        return add(key, value, Schema.INT64_SCHEMA);
    }

    @Override
    public Headers addFloat(String key, float value) {
        return add(key, value, Schema.FLOAT32_SCHEMA);
    }

    @Override
    public Headers addDouble(String key, double value) {
        return add(key, value, Schema.FLOAT64_SCHEMA);
    }

    @Override
    public Headers addBytes(String key, byte[] value) {
        return add(key, value, value == null ? Schema.OPTIONAL_BYTES_SCHEMA : Schema.BYTES_SCHEMA);
    }

    @Override
    public Headers addList(String key, List<?> value, Schema schema) {
        return add(key, value, schema);
    }

    @Override
    public Headers addMap(String key, Map<?, ?> value, Schema schema) {
        return add(key, value, schema);
    }

    @Override
    public Headers addStruct(String key, Struct value) {
        return add(key, value, value.schema());
    }

    @Override
    public Headers addDecimal(String key, BigDecimal value) {
        return add(key, value, Decimal.schema(value.scale()));
    }

    @Override
    public Headers addDate(String key, java.util.Date value) {
        return add(key, value, Date.SCHEMA);
    }

    @Override
    public Headers addTime(String key, java.util.Date value) {
        return add(key, value, Time.SCHEMA);
    }

    @Override
    public Headers addTimestamp(String key, java.util.Date value) {
        return add(key, value, Timestamp.SCHEMA);
    }

    @Override
    public Headers remove(String key) {
        checkKey(key);
        headers.removeIf(h -> h.key().equals(key));
        return this;
    }

    @Override
    public Headers retainLatest() {
        Set<String> seen = new HashSet<>();
        ListIterator<Header> it = headers.listIterator(headers.size());
        while (it.hasPrevious()) {
            if (!seen.add(it.previous().key())) {
                it.remove();
            }
        }
        return this;
    }

    @Override
    public Headers retainLatest(String key) {
        checkKey(key);
        Header last = lastWithName(key);
        headers.removeIf(h -> h.key().equals(key) && h != last);
        return this;
    }

    @Override
    public Headers clear() {
        headers.clear();
        return this;
    }

    @Override
    public Headers duplicate() {
        return new ConnectHeaders(this);
    }

    @Override
    public Headers apply(HeaderTransform transform) {
        ListIterator<Header> it = headers.listIterator();
        while (it.hasNext()) {
            Header replacement = transform.apply(it.next());
            if (replacement == null) {
                it.remove();
            } else {
                it.set(replacement);
            }
        }
        return this;
    }

    @Override
    public Headers apply(String key, HeaderTransform transform) {
        checkKey(key);
        return apply(h -> h.key().equals(key) ? transform.apply(h) : h);
    }

    @Override
    public Iterator<Header> iterator() {
        return headers.iterator();
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "Header key cannot be null");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Headers other) || other.size() != size()) {
            return false;
        }
        Iterator<Header> a = iterator();
        Iterator<Header> b = other.iterator();
        while (a.hasNext()) {
            if (!a.next().equals(b.next())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return "ConnectHeaders(headers=" + headers + ")";
    }
}
