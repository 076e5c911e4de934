package io.runnel.common.serialization.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import io.runnel.common.errors.SerializationException;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;
import org.objenesis.strategy.StdInstantiatorStrategy;

import java.util.Objects;
import java.util.function.Consumer;

/*
 * Design: Kryo instances are not thread-safe and are expensive to create (class resolution, serializer caches), so
 * one serde holds a Kryo Pool (Kryo's own, thread-safe, soft references so the GC may shrink it). Each call borrows
 * an instance, uses it, frees it. Output buffers are per call (start 256 bytes, unbounded) because the serialized
 * bytes must be handed over anyway.
 *
 * Format: Kryo's writeClassAndObject: the class (by name, unless registered) then the object graph, with references
 * on so shared objects and cycles survive. The bytes are only readable by Kryo with compatible classes: fine for
 * state stores and internal topics, not for data other programs read (use JSON there).
 *
 * Safety: with registration not required, the bytes name the class to instantiate. Only read bytes you wrote, or
 * pass a customizer that registers the allowed classes and calls kryo.setRegistrationRequired(true).
 */
/**
 * A Kryo serde for arbitrary Java object graphs: records, POJOs without no-argument constructors, collections,
 * cycles. Thread-safe: Kryo instances are pooled.
 *
 * @param <T> the type
 */
public final class KryoSerde<T> implements Serde<T> {

    private static final int POOL_SIZE = 16;

    private final Class<T> type;
    private final Pool<Kryo> pool;
    private final Serializer<T> serializer = this::write;
    private final Deserializer<T> deserializer = this::read;

    /**
     * @param type the type read back (checked after reading), not null
     */
    public KryoSerde(Class<T> type) {
        this(type, kryo -> { });
    }

    /**
     * @param type       the type read back (checked after reading), not null
     * @param customizer applied to every new Kryo instance (register classes and serializers, require
     *                   registration), not null; must be thread-safe
     */
    public KryoSerde(Class<T> type, Consumer<Kryo> customizer) {
        this.type = Objects.requireNonNull(type, "type");
        Objects.requireNonNull(customizer, "customizer");
        this.pool = new Pool<>(true, true, POOL_SIZE) {
            @Override
            protected Kryo create() {
                Kryo kryo = new Kryo();
                kryo.setRegistrationRequired(false);
                kryo.setReferences(true);
                kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
                customizer.accept(kryo);
                return kryo;
            }
        };
    }

    /**
     * @param <T>  the type
     * @param type the class
     * @return a Kryo serde of it
     */
    public static <T> KryoSerde<T> of(Class<T> type) {
        return new KryoSerde<>(type);
    }

    private byte[] write(String topic, T data) {
        if (data == null) {
            return null;
        }
        Kryo kryo = pool.obtain();
        try (Output output = new Output(256, -1)) {
            kryo.writeClassAndObject(output, data);
            return output.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            throw new SerializationException("Kryo cannot write " + data.getClass().getName() + " (topic " + topic
                    + "): " + e.getMessage(), e);
        } finally {
            pool.free(kryo);
        }
    }

    private T read(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Kryo kryo = pool.obtain();
        Object value;
        try (Input input = new Input(data)) {
            value = kryo.readClassAndObject(input);
            if (input.position() != data.length) {
                throw new SerializationException("Kryo read a " + (value == null ? "null" : value.getClass().getName())
                        + " from the first " + input.position() + " of " + data.length + " bytes (topic " + topic
                        + "); the rest is not part of it");
            }
        } catch (KryoException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SerializationException("Kryo cannot read " + data.length + " bytes as " + type.getName()
                    + " (topic " + topic + "): " + e.getMessage(), e);
        } finally {
            pool.free(kryo);
        }
        if (value != null && !type.isInstance(value)) {
            throw new SerializationException("Kryo read a " + value.getClass().getName() + " but this serde reads "
                    + type.getName() + " (topic " + topic + ")");
        }
        return type.cast(value);
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
