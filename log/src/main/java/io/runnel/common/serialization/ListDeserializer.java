package io.runnel.common.serialization;

import io.runnel.common.errors.SerializationException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads a list written by {@link ListSerializer} (Kafka's layout, see there) with an inner deserializer.
 * Thread-safe if the inner deserializer is.
 *
 * @param <T> the element type
 */
public class ListDeserializer<T> implements Deserializer<List<T>> {

    private static final Map<Class<?>, Integer> FIXED_SIZES = Map.of(
            ShortSerializer.class, Short.BYTES, ShortDeserializer.class, Short.BYTES,
            IntegerSerializer.class, Integer.BYTES, IntegerDeserializer.class, Integer.BYTES,
            LongSerializer.class, Long.BYTES, LongDeserializer.class, Long.BYTES,
            FloatSerializer.class, Float.BYTES, FloatDeserializer.class, Float.BYTES,
            DoubleSerializer.class, Double.BYTES, DoubleDeserializer.class, Double.BYTES);
    private static final int UUID_TEXT_LENGTH = 36;

    private final Deserializer<T> inner;
    private final IntFunction<? extends List<T>> listFactory;
    private final int fixedSize;

    /**
     * A deserializer producing {@link ArrayList}s.
     *
     * @param inner the element deserializer, not null
     */
    public ListDeserializer(Deserializer<T> inner) {
        this(ArrayList::new, inner);
    }

    /**
     * @param listFactory creates the list for a given number of elements (for example {@code LinkedList::new}
     *                    ignoring the size), not null
     * @param inner       the element deserializer, not null
     */
    public ListDeserializer(IntFunction<? extends List<T>> listFactory, Deserializer<T> inner) {
        this.inner = Objects.requireNonNull(inner, "inner deserializer");
        this.listFactory = Objects.requireNonNull(listFactory, "listFactory");
        this.fixedSize = fixedSize(inner.getClass());
    }

    /**
     * @param serdeClass a serializer or deserializer class
     * @return the size of its values if constant (Kafka's CONSTANT_SIZE strategy), else 0
     */
    static int fixedSize(Class<?> serdeClass) {
        if (serdeClass == UUIDSerializer.class || serdeClass == UUIDDeserializer.class) {
            return UUID_TEXT_LENGTH;
        }
        return FIXED_SIZES.getOrDefault(serdeClass, 0);
    }

    /**
     * @throws SerializationException if the bytes are truncated, have an unknown strategy flag, a negative size or
     *                                a strategy that does not fit the inner deserializer
     */
    @Override
    public List<T> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        try {
            byte strategy = buf.get();
            if (strategy != 0 && strategy != 1) {
                throw new SerializationException("List bytes start with serialization strategy " + strategy
                        + "; expected 0 (CONSTANT_SIZE) or 1 (VARIABLE_SIZE)");
            }
            boolean constant = strategy == 0;
            if (constant && fixedSize == 0) {
                throw new SerializationException("List bytes use the CONSTANT_SIZE strategy but the inner "
                        + "deserializer " + inner.getClass().getName() + " has no fixed size; use a Short, Integer,"
                        + " Long, Float, Double or UUID deserializer");
            }
            Set<Integer> nulls = new HashSet<>();
            if (constant) {
                int nullCount = checkCount(buf.getInt(), "null entries");
                for (int i = 0; i < nullCount; i++) {
                    nulls.add(buf.getInt());
                }
            }
            int size = checkCount(buf.getInt(), "entries");
            List<T> list = listFactory.apply(Math.min(size, buf.remaining() + 1));
            for (int i = 0; i < size; i++) {
                int length;
                if (constant) {
                    if (nulls.contains(i)) {
                        list.add(null);
                        continue;
                    }
                    length = fixedSize;
                } else {
                    length = buf.getInt();
                    if (length == ListSerializer.NULL_ENTRY_VALUE) {
                        list.add(null);
                        continue;
                    }
                    if (length < 0) {
                        throw new SerializationException("List entry " + i + " has negative length " + length);
                    }
                }
                if (length > buf.remaining()) {
                    throw new SerializationException("List entry " + i + " needs " + length + " bytes but only "
                            + buf.remaining() + " remain; the data is truncated");
                }
                byte[] entry = new byte[length];
                buf.get(entry);
                list.add(inner.deserialize(topic, entry));
            }
            if (buf.hasRemaining()) {
                throw new SerializationException(buf.remaining() + " unexpected bytes after the last of " + size
                        + " list entries");
            }
            return list;
        } catch (BufferUnderflowException e) {
            throw new SerializationException("List bytes are truncated (" + data.length + " bytes)", e);
        }
    }

    private static int checkCount(int count, String what) {
        if (count < 0) {
            throw new SerializationException("List bytes announce a negative number of " + what + ": " + count);
        }
        return count;
    }

    @Override
    public void close() {
        inner.close();
    }
}
