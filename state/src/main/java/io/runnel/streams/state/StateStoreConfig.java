package io.runnel.streams.state;

import io.runnel.common.config.ConfigDef;
import io.runnel.common.config.ConfigDef.Importance;
import io.runnel.common.config.ConfigDef.Range;
import io.runnel.common.config.ConfigDef.Type;

import java.util.Map;

/**
 * The state store settings of an application instance, parsed once from the application's configuration (other
 * keys are ignored). The runtime's {@code StreamsConfig} includes {@link #CONFIG_DEF}.
 *
 * @param cacheMaxBytes    {@code statestore.cache.max.bytes}: the record cache of the whole instance, in bytes
 * @param rocksDBMemoryMaxBytes {@code rocksdb.memory.max.bytes}: the RocksDB memory budget of the whole instance
 *                         (block cache, index and filter blocks, memtables), in bytes
 * @param rocksDBConfigSetter {@code rocksdb.config.setter}: the expert hook class, or null
 */
public record StateStoreConfig(long cacheMaxBytes, long rocksDBMemoryMaxBytes, Class<?> rocksDBConfigSetter) {

    /** Record cache size of the instance in bytes; Kafka's name and default (10 MiB). */
    public static final String STATESTORE_CACHE_MAX_BYTES_CONFIG = "statestore.cache.max.bytes";
    /** Default of {@link #STATESTORE_CACHE_MAX_BYTES_CONFIG}: 10 MiB. */
    public static final long STATESTORE_CACHE_MAX_BYTES_DEFAULT = 10L * 1024 * 1024;
    /** RocksDB memory budget of the instance in bytes (Runnel's; Kafka has no single setting). */
    public static final String ROCKSDB_MEMORY_MAX_BYTES_CONFIG = "rocksdb.memory.max.bytes";
    /** Default of {@link #ROCKSDB_MEMORY_MAX_BYTES_CONFIG}: 128 MiB. */
    public static final long ROCKSDB_MEMORY_MAX_BYTES_DEFAULT = 128L * 1024 * 1024;
    /** Class implementing {@link RocksDBConfigSetter}; Kafka's name. */
    public static final String ROCKSDB_CONFIG_SETTER_CLASS_CONFIG = "rocksdb.config.setter";

    /** The definitions of the three settings. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(STATESTORE_CACHE_MAX_BYTES_CONFIG, Type.LONG, STATESTORE_CACHE_MAX_BYTES_DEFAULT,
                    Range.atLeast(0), Importance.MEDIUM,
                    "Maximum bytes of the write-back record cache shared by all stores of an application instance;"
                            + " 0 turns caching off.")
            .define(ROCKSDB_MEMORY_MAX_BYTES_CONFIG, Type.LONG, ROCKSDB_MEMORY_MAX_BYTES_DEFAULT,
                    Range.atLeast(1024L * 1024), Importance.MEDIUM,
                    "Memory budget in bytes of all RocksDB stores of an application instance: one shared block cache"
                            + " of this capacity, with index and filter blocks and memtables (through a write buffer"
                            + " manager of half this size) charged to it.")
            .define(ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, Type.CLASS, null, Importance.LOW,
                    "A class implementing io.runnel.streams.state.RocksDBConfigSetter to tune RocksDB options.");

    /** The defaults: 10 MiB cache, 128 MiB RocksDB memory, no config setter. */
    public static final StateStoreConfig DEFAULT = new StateStoreConfig(STATESTORE_CACHE_MAX_BYTES_DEFAULT,
            ROCKSDB_MEMORY_MAX_BYTES_DEFAULT, null);

    /**
     * @throws IllegalArgumentException if a size is out of range or the setter class is not a
     *                                  {@link RocksDBConfigSetter}
     */
    public StateStoreConfig {
        if (cacheMaxBytes < 0) {
            throw new IllegalArgumentException(STATESTORE_CACHE_MAX_BYTES_CONFIG + " must be >= 0, got "
                    + cacheMaxBytes);
        }
        if (rocksDBMemoryMaxBytes < 1024L * 1024) {
            throw new IllegalArgumentException(ROCKSDB_MEMORY_MAX_BYTES_CONFIG + " must be at least 1048576 (1 MiB),"
                    + " got " + rocksDBMemoryMaxBytes);
        }
        if (rocksDBConfigSetter != null && !RocksDBConfigSetter.class.isAssignableFrom(rocksDBConfigSetter)) {
            throw new IllegalArgumentException(ROCKSDB_CONFIG_SETTER_CLASS_CONFIG + " class "
                    + rocksDBConfigSetter.getName() + " does not implement " + RocksDBConfigSetter.class.getName());
        }
    }

    /**
     * @param configs the application's configuration (Kafka names; strings or typed values)
     * @return the parsed settings; keys not defined here are ignored
     * @throws io.runnel.common.config.ConfigException if a defined setting has a bad value
     */
    public static StateStoreConfig from(Map<String, ?> configs) {
        Map<String, Object> relevant = new java.util.HashMap<>();
        for (String name : CONFIG_DEF.names()) {
            if (configs.containsKey(name)) {
                relevant.put(name, configs.get(name));
            }
        }
        Map<String, Object> parsed = CONFIG_DEF.parse(relevant);
        return new StateStoreConfig((Long) parsed.get(STATESTORE_CACHE_MAX_BYTES_CONFIG),
                (Long) parsed.get(ROCKSDB_MEMORY_MAX_BYTES_CONFIG),
                (Class<?>) parsed.get(ROCKSDB_CONFIG_SETTER_CLASS_CONFIG));
    }
}
