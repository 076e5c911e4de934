package io.runnel.streams.state;

import org.rocksdb.Options;

import java.util.Map;

/**
 * The expert hook to tune RocksDB, as Kafka's {@code RocksDBConfigSetter}: a class named by
 * {@code rocksdb.config.setter} (public no-argument constructor) is created once per RocksDB instance and may change
 * its options after Runnel's defaults are applied. Runnel's defaults already bound memory (shared block cache and
 * write buffer manager sized by {@code rocksdb.memory.max.bytes}); a setter that replaces the table format config
 * or the write buffer manager takes that bound away.
 *
 * <p>This interface is the one place outside {@code io.runnel.streams.state.internals.rocksdb} that names a
 * RocksDB class; the layering test allows exactly it.
 */
public interface RocksDBConfigSetter {

    /**
     * Called before the instance opens.
     *
     * @param storeName the store (or segment) name
     * @param options   the options to change; owned by Runnel, do not close
     * @param configs   the application's configuration
     */
    void setConfig(String storeName, Options options, Map<String, Object> configs);

    /**
     * Called after the instance closes: close here any RocksDB object {@link #setConfig} created.
     *
     * @param storeName the store (or segment) name
     * @param options   the options given to {@link #setConfig}
     */
    default void close(String storeName, Options options) {
    }
}
