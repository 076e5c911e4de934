package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serializes a {@link List} with an inner serializer, in Kafka's {@code ListSerializer} layout (KIP-466), so lists
 * written by Kafka clients and Runnel read alike:
 * <pre>
 * byte    strategy: 0 = CONSTANT_SIZE (inner is Short, Integer, Long, Float, Double or UUID), 1 = VARIABLE_SIZE
 * if CONSTANT_SIZE:
 *   int32   number of null entries, then one int32 index per null entry
 * int32   number of entries
 * per entry:
 *   VARIABLE_SIZE: int32 length (-1 for a null entry, no bytes follow), then the entry's bytes
 *   CONSTANT_SIZE: the entry's bytes (nothing for a null entry)
 * </pre>
 * All integers big-endian. Thread-safe if the inner serializer is.
 *
 * @param <T> the element type
 */
public class ListSerializer<T> implements Serializer<List<T>> {

    /** Length written for a null entry in the variable-size layout. */
    static final int NULL_ENTRY_VALUE = -1;

    private final Serializer<T> inner;
    private final boolean constantSize;

    /**
     * @param inner the element serializer, not null
     */
    public ListSerializer(Serializer<T> inner) {
        this.inner = Objects.requireNonNull(inner, "inner serializer");
        this.constantSize = ListDeserializer.fixedSize(inner.getClass()) > 0;
    }

    /**
     * @throws SerializationException if an element cannot be serialized or serializes to null
     */
    @Override
    public byte[] serialize(String topic, List<T> data) {
        if (data == null) {
            return null;
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(constantSize ? 0 : 1);
            if (constantSize) {
                List<Integer> nulls = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    if (data.get(i) == null) {
                        nulls.add(i);
                    }
                }
                out.writeInt(nulls.size());
                for (int index : nulls) {
                    out.writeInt(index);
                }
            }
            out.writeInt(data.size());
            int index = 0;
            for (T entry : data) {
                if (entry == null) {
                    if (!constantSize) {
                        out.writeInt(NULL_ENTRY_VALUE);
                    }
                } else {
                    byte[] raw = inner.serialize(topic, entry);
                    if (raw == null) {
                        throw new SerializationException("Inner serializer " + inner.getClass().getName()
                                + " returned null for list element " + index + "; use a null element instead");
                    }
                    if (!constantSize) {
                        out.writeInt(raw.length);
                    }
                    out.write(raw);
                }
                index++;
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("Failed to serialize list for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
