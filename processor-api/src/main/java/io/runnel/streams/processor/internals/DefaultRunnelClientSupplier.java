package io.runnel.streams.processor.internals;

import io.runnel.clients.admin.Admin;
import io.runnel.clients.consumer.Consumer;
import io.runnel.clients.consumer.RunnelConsumer;
import io.runnel.clients.producer.Producer;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.streams.RunnelClientSupplier;

import java.util.Map;

/** Creates Runnel's own clients from the settings the runtime derives. Thread-safe. */
public final class DefaultRunnelClientSupplier implements RunnelClientSupplier {

    /** Creates the supplier. */
    public DefaultRunnelClientSupplier() {
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new RunnelProducer<>(config);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new RunnelConsumer<>(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return new RunnelConsumer<>(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return new RunnelConsumer<>(config);
    }
}
