package io.runnel.streams.processor.internals;

import io.runnel.common.header.Headers;
import io.runnel.common.serialization.Deserializer;
import io.runnel.common.serialization.Serde;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.TimestampExtractor;
import io.runnel.streams.processor.api.Record;

/**
 * A source: turns input bytes into typed keys and values and forwards them. The deserializers given to
 * {@code addSource} are used, else the {@code default.key.serde}/{@code default.value.serde} deserializers.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SourceNode<K, V> extends ProcessorNode<K, V, K, V> {

    private Deserializer<K> keyDeserializer;
    private Deserializer<V> valueDeserializer;
    private final TimestampExtractor timestampExtractor;

    /**
     * @param name               the node name
     * @param timestampExtractor the source's extractor, or null for the application default
     * @param keyDeserializer    the key deserializer, or null for the default serde's
     * @param valueDeserializer  the value deserializer, or null for the default serde's
     */
    public SourceNode(String name, TimestampExtractor timestampExtractor, Deserializer<K> keyDeserializer,
                      Deserializer<V> valueDeserializer) {
        super(name);
        this.timestampExtractor = timestampExtractor;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
    }

    /** @return the source's own timestamp extractor, or null to use the application default */
    public TimestampExtractor timestampExtractor() {
        return timestampExtractor;
    }

    @SuppressWarnings("unchecked") // the default serdes are the user's promise of the source's types, as in Kafka
    @Override
    public void init(InternalProcessorContext context) {
        super.init(context);
        if (keyDeserializer == null) {
            keyDeserializer = (Deserializer<K>) defaultSerde(context.keySerde(), "key").deserializer();
        }
        if (valueDeserializer == null) {
            valueDeserializer = (Deserializer<V>) defaultSerde(context.valueSerde(), "value").deserializer();
        }
        if (keyDeserializer instanceof WrappingNullableSerde wrapping) {
            wrapping.setIfUnset(context.keySerde(), context.valueSerde());
        }
        if (valueDeserializer instanceof WrappingNullableSerde wrapping) {
            wrapping.setIfUnset(context.keySerde(), context.valueSerde());
        }
    }

    private Serde<?> defaultSerde(Serde<?> serde, String what) {
        if (serde == null) {
            throw new StreamsException("Source " + name() + " has no " + what + " deserializer: pass one to addSource"
                    + " or set default." + what + ".serde");
        }
        return serde;
    }

    /**
     * @param topic   the input topic
     * @param headers the record headers
     * @param data    the key bytes, may be null
     * @return the key
     */
    public K deserializeKey(String topic, Headers headers, byte[] data) {
        return keyDeserializer.deserialize(topic, headers, data);
    }

    /**
     * @param topic   the input topic
     * @param headers the record headers
     * @param data    the value bytes, may be null
     * @return the value
     */
    public V deserializeValue(String topic, Headers headers, byte[] data) {
        return valueDeserializer.deserialize(topic, headers, data);
    }

    /** Forwards the record to every child. */
    @Override
    protected void doProcess(Record<K, V> record) {
        context.forward(record);
    }
}
