package io.runnel.streams.kstream;

import io.runnel.common.serialization.Serdes;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.Topology;
import io.runnel.streams.TopologyTestDriver;

import java.time.Instant;
import java.util.Properties;

/** Shared settings of the DSL tests. */
final class DslTestSupport {

    private DslTestSupport() {
    }

    /** @return String default serdes, record cache off (every update visible at once) */
    static Properties props() {
        Properties p = new Properties();
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        return p;
    }

    /**
     * @param topology   the topology
     * @param partitions partitions of every topic
     * @return a driver starting at time 0
     */
    static TopologyTestDriver driver(Topology topology, int partitions) {
        return new TopologyTestDriver(topology, props(), Instant.ofEpochMilli(0), partitions);
    }

    /**
     * @param topology   the topology
     * @param props      the configuration
     * @param partitions partitions of every topic
     * @return a driver starting at time 0
     */
    static TopologyTestDriver driver(Topology topology, Properties props, int partitions) {
        return new TopologyTestDriver(topology, props, Instant.ofEpochMilli(0), partitions);
    }
}
