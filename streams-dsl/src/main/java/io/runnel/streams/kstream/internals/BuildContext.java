package io.runnel.streams.kstream.internals;

import io.runnel.streams.StreamsConfig;
import io.runnel.streams.kstream.Materialized;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the compiler knows when it writes the topology: the store type of operators that name none
 * ({@code default.dsl.store}) and the optimizations asked for ({@code topology.optimization}). Immutable.
 *
 * @param defaultStoreType the store type
 * @param optimizations    the optimizations in effect, by their {@code StreamsConfig} names
 */
public record BuildContext(Materialized.StoreType defaultStoreType, Set<String> optimizations) {

    /** Defaults: RocksDB, no optimization. */
    public static final BuildContext DEFAULT = new BuildContext(Materialized.StoreType.ROCKS_DB, Set.of());

    /** Copies the set. */
    public BuildContext {
        optimizations = Set.copyOf(optimizations);
    }

    /**
     * @param props application properties, or null for the defaults
     * @return the context they give
     * @throws io.runnel.common.config.ConfigException if a value is invalid
     */
    public static BuildContext from(Properties props) {
        if (props == null) {
            return DEFAULT;
        }
        Properties all = new Properties();
        all.putAll(props);
        // only the DSL's two settings are read: accept a partial configuration
        all.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "dsl-build");
        all.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:0");
        StreamsConfig config = new StreamsConfig(all);
        String store = config.getString(StreamsConfig.DEFAULT_DSL_STORE_CONFIG);
        Materialized.StoreType type = StreamsConfig.IN_MEMORY.equals(store) ? Materialized.StoreType.IN_MEMORY
                : Materialized.StoreType.ROCKS_DB;
        List<String> opts = config.getList(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG);
        Set<String> set = new TreeSet<>();
        for (String o : opts) {
            if (StreamsConfig.OPTIMIZE.equals(o)) {
                set.add(StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
                set.add(StreamsConfig.MERGE_REPARTITION_TOPICS);
            } else if (!StreamsConfig.NO_OPTIMIZATION.equals(o)) {
                set.add(o);
            }
        }
        return new BuildContext(type, set);
    }

    /**
     * @param optimization a {@code StreamsConfig} optimization name
     * @return true if it is on
     */
    public boolean optimize(String optimization) {
        return optimizations.contains(optimization);
    }
}
