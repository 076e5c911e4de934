package io.runnel.streams;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.producer.Producer;

import java.util.Map;

/**
 * Creates the clients of an application instance (Kafka's {@code KafkaClientSupplier}). The default creates
 * Runnel's clients from the settings {@link StreamsConfig} derives; pass another to {@link RunnelStreams} to wrap or
 * replace them (tests that inject failures, metrics wrappers). Called from the instance's threads; implementations
 * must be thread-safe.
 */
public interface RunnelClientSupplier {

    /**
     * @param config the admin settings
     * @return a new admin client
     */
    Admin getAdmin(Map<String, Object> config);

    /**
     * @param config the producer settings (byte-array serializers)
     * @return a new producer, one per stream thread
     */
    Producer<byte[], byte[]> getProducer(Map<String, Object> config);

    /**
     * @param config the main consumer settings (group {@code application.id}, the Streams assignor)
     * @return a new consumer, one per stream thread
     */
    Consumer<byte[], byte[]> getConsumer(Map<String, Object> config);

    /**
     * @param config the restore consumer settings (no group)
     * @return a new consumer, one per stream thread
     */
    Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config);

    /**
     * @param config the global consumer settings (no group)
     * @return a new consumer for the global stream thread
     */
    Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config);
}
