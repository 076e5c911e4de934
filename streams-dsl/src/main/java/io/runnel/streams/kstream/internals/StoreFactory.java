package io.runnel.streams.kstream.internals;

import io.runnel.common.serialization.Serde;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.kstream.Materialized.StoreType;
import io.runnel.streams.state.KeyValueBytesStoreSupplier;
import io.runnel.streams.state.KeyValueStore;
import io.runnel.streams.state.SessionBytesStoreSupplier;
import io.runnel.streams.state.SessionStore;
import io.runnel.streams.state.StoreBuilder;
import io.runnel.streams.state.StoreSupplier;
import io.runnel.streams.state.Stores;
import io.runnel.streams.state.TimestampedKeyValueStore;
import io.runnel.streams.state.TimestampedWindowStore;
import io.runnel.streams.state.WindowBytesStoreSupplier;
import io.runnel.streams.state.WindowStore;

import java.time.Duration;
import java.util.Map;

/**
 * A store the compiler creates when it writes the topology, once the store type ({@code default.dsl.store}) is
 * known. The name is fixed when the operator is defined.
 */
public interface StoreFactory {

    /** @return the store's name */
    String name();

    /**
     * @param ctx what the compiler knows
     * @return the store's builder
     */
    StoreBuilder<?> build(BuildContext ctx);

    /**
     * The timestamped key-value store of a KTable or aggregation.
     *
     * @param <K>        the key type
     * @param <V>        the value type
     * @param m          the materialization (name, supplier, logging, caching, type)
     * @param keySerde   the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @return the factory
     */
    static <K, V> StoreFactory timestampedKeyValue(MaterializedInternal<K, V, ?> m, Serde<K> keySerde,
                                                   Serde<V> valueSerde) {
        return new Named(m.storeName()) {
            @Override
            public StoreBuilder<?> build(BuildContext ctx) {
                KeyValueBytesStoreSupplier supplier;
                StoreSupplier<?> given = m.storeSupplier();
                if (given != null) {
                    if (!(given instanceof KeyValueBytesStoreSupplier kv)) {
                        throw new IllegalArgumentException("Store " + name() + " needs a key-value store supplier, got"
                                + " a " + given.getClass().getSimpleName());
                    }
                    supplier = kv;
                } else if (type(m, ctx) == StoreType.IN_MEMORY) {
                    supplier = Stores.inMemoryKeyValueStore(name());
                } else {
                    supplier = Stores.persistentTimestampedKeyValueStore(name());
                }
                StoreBuilder<TimestampedKeyValueStore<K, V>> b = Stores.timestampedKeyValueStoreBuilder(supplier,
                        keySerde, valueSerde);
                return configure(b, m.loggingEnabled(), m.logConfig(), m.cachingEnabled());
            }
        };
    }

    /**
     * The timestamped window store of a windowed aggregation.
     *
     * @param <K>          the key type
     * @param <V>          the value type
     * @param m            the materialization
     * @param retentionMs  the retention in ms
     * @param windowSizeMs the window size in ms
     * @param keySerde     the key serde, or null
     * @param valueSerde   the value serde, or null
     * @return the factory
     */
    static <K, V> StoreFactory timestampedWindow(MaterializedInternal<K, V, ?> m, long retentionMs, long windowSizeMs,
                                                 Serde<K> keySerde, Serde<V> valueSerde) {
        return new Named(m.storeName()) {
            @Override
            public StoreBuilder<?> build(BuildContext ctx) {
                WindowBytesStoreSupplier supplier = windowSupplier(m.storeSupplier(), name(), type(m, ctx),
                        retentionMs, windowSizeMs, false, true);
                StoreBuilder<TimestampedWindowStore<K, V>> b = Stores.timestampedWindowStoreBuilder(supplier,
                        keySerde, valueSerde);
                return configure(b, m.loggingEnabled(), m.logConfig(), m.cachingEnabled());
            }
        };
    }

    /**
     * A plain window store (stream-stream joins, sliding windows' records).
     *
     * @param <K>              the key type
     * @param <V>              the value type
     * @param name             the store's name
     * @param given            a supplier given by the user, or null
     * @param storeType        the type, or null for the default
     * @param retentionMs      retention in ms
     * @param windowSizeMs     window size in ms
     * @param retainDuplicates whether every put is kept
     * @param keySerde         key serde, or null
     * @param valueSerde       value serde, or null
     * @param logging          change logging
     * @param logConfig        extra changelog settings
     * @return the factory
     */
    static <K, V> StoreFactory window(String name, WindowBytesStoreSupplier given, StoreType storeType,
                                      long retentionMs, long windowSizeMs, boolean retainDuplicates,
                                      Serde<K> keySerde, Serde<V> valueSerde, boolean logging,
                                      Map<String, String> logConfig) {
        return new Named(given != null ? given.name() : name) {
            @Override
            public StoreBuilder<?> build(BuildContext ctx) {
                WindowBytesStoreSupplier supplier = windowSupplier(given, name(),
                        storeType != null ? storeType : ctx.defaultStoreType(), retentionMs, windowSizeMs,
                        retainDuplicates, false);
                if (retainDuplicates && !supplier.retainDuplicates()) {
                    throw new IllegalArgumentException("The window store " + name() + " of a stream-stream join must"
                            + " retain duplicates (Stores.persistentWindowStore(..., true))");
                }
                StoreBuilder<WindowStore<K, V>> b = Stores.windowStoreBuilder(supplier, keySerde, valueSerde);
                return configure(b, logging, logConfig, false);
            }
        };
    }

    /**
     * The session store of a session-windowed aggregation.
     *
     * @param <K>         the key type
     * @param <V>         the aggregate type
     * @param m           the materialization
     * @param retentionMs retention in ms
     * @param keySerde    key serde, or null
     * @param valueSerde  aggregate serde, or null
     * @return the factory
     */
    static <K, V> StoreFactory session(MaterializedInternal<K, V, ?> m, long retentionMs, Serde<K> keySerde,
                                       Serde<V> valueSerde) {
        return new Named(m.storeName()) {
            @Override
            public StoreBuilder<?> build(BuildContext ctx) {
                SessionBytesStoreSupplier supplier;
                StoreSupplier<?> given = m.storeSupplier();
                if (given != null) {
                    if (!(given instanceof SessionBytesStoreSupplier s)) {
                        throw new IllegalArgumentException("Store " + name() + " needs a session store supplier, got"
                                + " a " + given.getClass().getSimpleName());
                    }
                    supplier = s;
                } else if (type(m, ctx) == StoreType.IN_MEMORY) {
                    supplier = Stores.inMemorySessionStore(name(), Duration.ofMillis(retentionMs));
                } else {
                    supplier = Stores.persistentSessionStore(name(), Duration.ofMillis(retentionMs));
                }
                StoreBuilder<SessionStore<K, V>> b = Stores.sessionStoreBuilder(supplier, keySerde, valueSerde);
                return configure(b, m.loggingEnabled(), m.logConfig(), m.cachingEnabled());
            }
        };
    }

    /**
     * A key-value store of raw bytes (buffers and bookkeeping the DSL's processors serialize themselves).
     *
     * @param name      the store's name
     * @param storeType the type, or null for the default
     * @param logging   change logging
     * @param logConfig extra changelog settings
     * @return the factory
     */
    static StoreFactory bytesKeyValue(String name, StoreType storeType, boolean logging,
                                      Map<String, String> logConfig) {
        return new Named(name) {
            @Override
            public StoreBuilder<?> build(BuildContext ctx) {
                StoreType type = storeType != null ? storeType : ctx.defaultStoreType();
                KeyValueBytesStoreSupplier supplier = type == StoreType.IN_MEMORY ? Stores.inMemoryKeyValueStore(name)
                        : Stores.persistentKeyValueStore(name);
                StoreBuilder<KeyValueStore<Bytes, byte[]>> b = Stores.keyValueStoreBuilder(supplier, Serdes.BYTES,
                        Serdes.BYTE_ARRAY);
                return configure(b, logging, logConfig, false);
            }
        };
    }

    /**
     * @param factory a factory
     * @return the same store with the record cache off (global stores: nothing forwards their updates)
     */
    static StoreFactory withCachingDisabled(StoreFactory factory) {
        return new Named(factory.name()) {
            @Override
            public StoreBuilder<?> build(BuildContext ctx) {
                return factory.build(ctx).withCachingDisabled();
            }
        };
    }

    private static StoreType type(MaterializedInternal<?, ?, ?> m, BuildContext ctx) {
        return m.storeType() != null ? m.storeType() : ctx.defaultStoreType();
    }

    private static WindowBytesStoreSupplier windowSupplier(StoreSupplier<?> given, String name, StoreType type,
                                                           long retentionMs, long windowSizeMs,
                                                           boolean retainDuplicates, boolean timestamped) {
        if (given != null) {
            if (!(given instanceof WindowBytesStoreSupplier w)) {
                throw new IllegalArgumentException("Store " + name + " needs a window store supplier, got a "
                        + given.getClass().getSimpleName());
            }
            if (w.windowSize() != windowSizeMs) {
                throw new IllegalArgumentException("The window store supplier " + name + " has window size "
                        + w.windowSize() + " ms but the windows are " + windowSizeMs + " ms");
            }
            if (w.retentionPeriod() < retentionMs) {
                throw new IllegalArgumentException("The window store supplier " + name + " keeps windows "
                        + w.retentionPeriod() + " ms, less than the " + retentionMs + " ms (window size plus grace"
                        + " period) the operator needs");
            }
            return w;
        }
        if (type == StoreType.IN_MEMORY) {
            return Stores.inMemoryWindowStore(name, Duration.ofMillis(retentionMs), Duration.ofMillis(windowSizeMs),
                    retainDuplicates);
        }
        return timestamped
                ? Stores.persistentTimestampedWindowStore(name, Duration.ofMillis(retentionMs),
                        Duration.ofMillis(windowSizeMs), retainDuplicates)
                : Stores.persistentWindowStore(name, Duration.ofMillis(retentionMs), Duration.ofMillis(windowSizeMs),
                        retainDuplicates);
    }

    private static <T extends StoreBuilder<?>> T configure(T builder, boolean logging, Map<String, String> logConfig,
                                                           boolean caching) {
        if (logging) {
            builder.withLoggingEnabled(logConfig);
        } else {
            builder.withLoggingDisabled();
        }
        if (caching) {
            builder.withCachingEnabled();
        } else {
            builder.withCachingDisabled();
        }
        return builder;
    }

    /** A factory with a fixed name. */
    abstract class Named implements StoreFactory {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }

    /** Serdes of the bytes stores. */
    final class Serdes {
        static final Serde<Bytes> BYTES = io.runnel.common.serialization.Serdes.Bytes();
        static final Serde<byte[]> BYTE_ARRAY = io.runnel.common.serialization.Serdes.ByteArray();

        private Serdes() {
        }
    }
}
