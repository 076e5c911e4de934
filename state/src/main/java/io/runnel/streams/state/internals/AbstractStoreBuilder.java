package io.runnel.streams.state.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.state.StoreBuilder;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The switches every store builder has: caching (off by default) and logging (on by default, with topic config).
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <T> the store type built
 */
public abstract class AbstractStoreBuilder<K, V, T extends StateStore> implements StoreBuilder<T> {

    /** The store name. */
    protected final String name;
    /** The key serde, or null for the default. */
    protected final Serde<K> keySerde;
    /** The value serde, or null for the default. */
    protected final Serde<V> valueSerde;
    /** Whether the caching layer is added. */
    protected boolean enableCaching;
    /** Whether the change-logging layer is added. */
    protected boolean enableLogging = true;
    private Map<String, String> logConfig = new HashMap<>();

    /**
     * @param name       the store name, not null
     * @param keySerde   the key serde, or null
     * @param valueSerde the value serde, or null
     */
    protected AbstractStoreBuilder(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this.name = Objects.requireNonNull(name, "name cannot be null");
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    @Override
    public StoreBuilder<T> withCachingEnabled() {
        enableCaching = true;
        return this;
    }

    @Override
    public StoreBuilder<T> withCachingDisabled() {
        enableCaching = false;
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
        Objects.requireNonNull(config, "config can't be null; pass an empty map for the defaults");
        enableLogging = true;
        logConfig = new HashMap<>(config);
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingDisabled() {
        enableLogging = false;
        logConfig.clear();
        return this;
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.copyOf(logConfig);
    }

    @Override
    public boolean loggingEnabled() {
        return enableLogging;
    }

    @Override
    public boolean cachingEnabled() {
        return enableCaching;
    }

    @Override
    public String name() {
        return name;
    }
}
