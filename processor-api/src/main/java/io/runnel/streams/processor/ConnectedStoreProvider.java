package io.runnel.streams.processor;

import io.runnel.streams.state.StoreBuilder;

import java.util.Set;

/**
 * A processor supplier that brings its stores with it (Kafka's {@code ConnectedStoreProvider}): the stores it
 * returns are added to the topology and connected to the supplier's node when the node is added. A store shared by
 * several suppliers must be the same {@code StoreBuilder} instance in each.
 */
public interface ConnectedStoreProvider {

    /** @return the stores the processors use, or null for none (then connect stores explicitly) */
    default Set<StoreBuilder<?>> stores() {
        return null;
    }
}
