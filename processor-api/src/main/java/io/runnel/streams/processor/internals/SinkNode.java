package io.runnel.streams.processor.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.serialization.Serializer;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.TopicNameExtractor;
import io.runnel.streams.processor.api.Record;

/**
 * A sink: serializes records and hands them to the thread's {@link RecordCollector}, which writes them to the
 * node's topic (or the one its {@link TopicNameExtractor} picks) with the record's timestamp and headers.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SinkNode<K, V> extends ProcessorNode<K, V, Void, Void> {

    private final String topic;
    private final TopicNameExtractor<K, V> topicExtractor;
    private Serializer<K> keySerializer;
    private Serializer<V> valueSerializer;
    private final StreamPartitioner<? super K, ? super V> partitioner;

    /**
     * @param name            the node name
     * @param topic           the topic (decorated if internal), or null when an extractor chooses it
     * @param topicExtractor  the extractor, or null
     * @param keySerializer   the key serializer, or null for the default serde's
     * @param valueSerializer the value serializer, or null for the default serde's
     * @param partitioner     the partitioner, or null for the producer's default
     */
    public SinkNode(String name, String topic, TopicNameExtractor<K, V> topicExtractor, Serializer<K> keySerializer,
                    Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner) {
        super(name);
        this.topic = topic;
        this.topicExtractor = topicExtractor;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.partitioner = partitioner;
    }

    @SuppressWarnings("unchecked") // the default serdes are the user's promise of the sink's types, as in Kafka
    @Override
    public void init(InternalProcessorContext context) {
        super.init(context);
        if (keySerializer == null) {
            keySerializer = (Serializer<K>) defaultSerde(context.keySerde(), "key").serializer();
        }
        if (valueSerializer == null) {
            valueSerializer = (Serializer<V>) defaultSerde(context.valueSerde(), "value").serializer();
        }
        if (keySerializer instanceof WrappingNullableSerde wrapping) {
            wrapping.setIfUnset(context.keySerde(), context.valueSerde());
        }
        if (valueSerializer instanceof WrappingNullableSerde wrapping) {
            wrapping.setIfUnset(context.keySerde(), context.valueSerde());
        }
    }

    private Serde<?> defaultSerde(Serde<?> serde, String what) {
        if (serde == null) {
            throw new StreamsException("Sink " + name() + " has no " + what + " serializer: pass one to addSink or set"
                    + " default." + what + ".serde");
        }
        return serde;
    }

    /** @return the fixed topic, or null */
    public String topic() {
        return topic;
    }

    @Override
    protected void doProcess(Record<K, V> record) {
        String target = topic;
        if (target == null) {
            target = topicExtractor.extract(record.key(), record.value(), context.recordContext());
            if (target == null) {
                throw new StreamsException("The topic name extractor of sink " + name() + " returned null for a record"
                        + " with key " + record.key());
            }
        }
        context.recordCollector().send(target, record.key(), record.value(), record.headers(), record.timestamp(),
                keySerializer, valueSerializer, partitioner, name(), context);
    }
}
