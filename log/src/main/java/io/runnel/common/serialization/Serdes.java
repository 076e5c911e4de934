package io.runnel.common.serialization;

import io.runnel.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * Factory of ready-made {@link Serde}s, as Kafka's {@code Serdes}: {@code Serdes.String()},
 * {@code Serdes.Long()}, ... Each call returns a new serde. The byte formats are Kafka's, so data written by
 * one system is read by the other. Serdes for JSON, Java objects (Kryo) and lists live in sub-packages and in
 * {@code ListSerde}.
 */
public final class Serdes {

    private Serdes() {
    }

    /**
     * A serde over an existing serializer and deserializer.
     *
     * @param <T> the type
     */
    public static class WrapperSerde<T> implements Serde<T> {
        private final Serializer<T> serializer;
        private final Deserializer<T> deserializer;

        /**
         * @param serializer   the serializer, not null
         * @param deserializer the deserializer, not null
         */
        public WrapperSerde(Serializer<T> serializer, Deserializer<T> deserializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        }

        @Override
        public Serializer<T> serializer() {
            return serializer;
        }

        @Override
        public Deserializer<T> deserializer() {
            return deserializer;
        }
    }

    /** Serde of {@link String} (UTF-8). */
    public static final class StringSerde extends WrapperSerde<String> {
        /** Creates the serde. */
        public StringSerde() {
            super(new StringSerializer(), new StringDeserializer());
        }
    }

    /** Serde of {@link Short} (2 bytes big-endian). */
    public static final class ShortSerde extends WrapperSerde<Short> {
        /** Creates the serde. */
        public ShortSerde() {
            super(new ShortSerializer(), new ShortDeserializer());
        }
    }

    /** Serde of {@link Integer} (4 bytes big-endian). */
    public static final class IntegerSerde extends WrapperSerde<Integer> {
        /** Creates the serde. */
        public IntegerSerde() {
            super(new IntegerSerializer(), new IntegerDeserializer());
        }
    }

    /** Serde of {@link Long} (8 bytes big-endian). */
    public static final class LongSerde extends WrapperSerde<Long> {
        /** Creates the serde. */
        public LongSerde() {
            super(new LongSerializer(), new LongDeserializer());
        }
    }

    /** Serde of {@link Float} (4 bytes IEEE 754). */
    public static final class FloatSerde extends WrapperSerde<Float> {
        /** Creates the serde. */
        public FloatSerde() {
            super(new FloatSerializer(), new FloatDeserializer());
        }
    }

    /** Serde of {@link Double} (8 bytes IEEE 754). */
    public static final class DoubleSerde extends WrapperSerde<Double> {
        /** Creates the serde. */
        public DoubleSerde() {
            super(new DoubleSerializer(), new DoubleDeserializer());
        }
    }

    /** Serde of {@code byte[]} (unchanged). */
    public static final class ByteArraySerde extends WrapperSerde<byte[]> {
        /** Creates the serde. */
        public ByteArraySerde() {
            super(new ByteArraySerializer(), new ByteArrayDeserializer());
        }
    }

    /** Serde of {@link ByteBuffer}. */
    public static final class ByteBufferSerde extends WrapperSerde<ByteBuffer> {
        /** Creates the serde. */
        public ByteBufferSerde() {
            super(new ByteBufferSerializer(), new ByteBufferDeserializer());
        }
    }

    /** Serde of {@link Bytes}. */
    public static final class BytesSerde extends WrapperSerde<Bytes> {
        /** Creates the serde. */
        public BytesSerde() {
            super(new BytesSerializer(), new BytesDeserializer());
        }
    }

    /** Serde of {@link UUID} (text form). */
    public static final class UUIDSerde extends WrapperSerde<UUID> {
        /** Creates the serde. */
        public UUIDSerde() {
            super(new UUIDSerializer(), new UUIDDeserializer());
        }
    }

    /** Serde of {@link Void} (always null). */
    public static final class VoidSerde extends WrapperSerde<Void> {
        /** Creates the serde. */
        public VoidSerde() {
            super(new VoidSerializer(), new VoidDeserializer());
        }
    }

    /**
     * Serde of {@link java.util.List}s of one element type, in Kafka's {@code ListSerde} layout (KIP-466).
     *
     * @param <T> the element type
     */
    public static final class ListSerde<T> extends WrapperSerde<java.util.List<T>> {
        /**
         * @param inner the element serde; Short, Integer, Long, Float, Double and UUID serdes use the compact
         *              constant-size layout
         */
        public ListSerde(Serde<T> inner) {
            super(new ListSerializer<>(inner.serializer()), new ListDeserializer<>(inner.deserializer()));
        }
    }

    /**
     * @param <L>       the list type
     * @param <T>       the element type
     * @param listClass the list class deserialized lists have (ArrayList, LinkedList or any list with a public
     *                  no-argument constructor)
     * @param inner     the element serde
     * @return a serde of lists, Kafka's {@code Serdes.ListSerde(listClass, inner)}
     * @throws IllegalArgumentException if {@code listClass} has no public no-argument constructor
     */
    public static <L extends java.util.List<T>, T> Serde<java.util.List<T>> ListSerde(Class<L> listClass,
                                                                                  Serde<T> inner) {
        java.lang.reflect.Constructor<L> constructor;
        try {
            constructor = listClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("List class " + listClass.getName()
                    + " needs a public no-argument constructor to be created by ListSerde", e);
        }
        java.util.function.IntFunction<java.util.List<T>> factory = size -> {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new io.runnel.common.errors.SerializationException("Could not create a "
                        + listClass.getName() + " for ListSerde: " + e, e);
            }
        };
        return new WrapperSerde<>(new ListSerializer<>(inner.serializer()),
                new ListDeserializer<>(factory, inner.deserializer()));
    }

    /**
     * @param <T>          the type
     * @param serializer   the serializer
     * @param deserializer the deserializer
     * @return a serde of the two
     */
    public static <T> Serde<T> serdeFrom(Serializer<T> serializer, Deserializer<T> deserializer) {
        return new WrapperSerde<>(serializer, deserializer);
    }

    /**
     * The serde for one of the built-in types.
     *
     * @param <T>  the type
     * @param type String, Short, Integer, Long, Float, Double, byte[], ByteBuffer, Bytes, UUID or Void
     * @return a new serde
     * @throws IllegalArgumentException for any other type, naming the ways to supply one
     */
    @SuppressWarnings("unchecked") // the branch taken guarantees the serde's type is T
    public static <T> Serde<T> serdeFrom(Class<T> type) {
        Serde<?> serde;
        if (type == String.class) {
            serde = String();
        } else if (type == Short.class) {
            serde = Short();
        } else if (type == Integer.class) {
            serde = Integer();
        } else if (type == Long.class) {
            serde = Long();
        } else if (type == Float.class) {
            serde = Float();
        } else if (type == Double.class) {
            serde = Double();
        } else if (type == byte[].class) {
            serde = ByteArray();
        } else if (type == ByteBuffer.class) {
            serde = ByteBuffer();
        } else if (type == Bytes.class) {
            serde = Bytes();
        } else if (type == UUID.class) {
            serde = UUID();
        } else if (type == Void.class) {
            serde = Void();
        } else {
            throw new IllegalArgumentException("Unknown class for built-in serializer: " + type.getName()
                    + ". Supported types are String, Short, Integer, Long, Float, Double, byte[], ByteBuffer, "
                    + "Bytes, UUID and Void; for other types pass a Serde (for example a JSON or Kryo serde).");
        }
        return (Serde<T>) serde;
    }

    /** @return a serde of {@link String} (UTF-8) */
    public static Serde<String> String() {
        return new StringSerde();
    }

    /** @return a serde of {@link Short} */
    public static Serde<Short> Short() {
        return new ShortSerde();
    }

    /** @return a serde of {@link Integer} */
    public static Serde<Integer> Integer() {
        return new IntegerSerde();
    }

    /** @return a serde of {@link Long} */
    public static Serde<Long> Long() {
        return new LongSerde();
    }

    /** @return a serde of {@link Float} */
    public static Serde<Float> Float() {
        return new FloatSerde();
    }

    /** @return a serde of {@link Double} */
    public static Serde<Double> Double() {
        return new DoubleSerde();
    }

    /** @return a serde of {@code byte[]} */
    public static Serde<byte[]> ByteArray() {
        return new ByteArraySerde();
    }

    /** @return a serde of {@link ByteBuffer} */
    public static Serde<ByteBuffer> ByteBuffer() {
        return new ByteBufferSerde();
    }

    /** @return a serde of {@link Bytes} */
    public static Serde<Bytes> Bytes() {
        return new BytesSerde();
    }

    /** @return a serde of {@link UUID} */
    public static Serde<UUID> UUID() {
        return new UUIDSerde();
    }

    /** @return a serde of {@link Void} */
    public static Serde<Void> Void() {
        return new VoidSerde();
    }
}
