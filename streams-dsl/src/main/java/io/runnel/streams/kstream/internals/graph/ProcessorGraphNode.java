package io.runnel.streams.kstream.internals.graph;

import io.runnel.streams.kstream.internals.BuildContext;
import io.runnel.streams.kstream.internals.StoreFactory;
import io.runnel.streams.processor.api.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.api.ProcessorSupplier;
import io.runnel.streams.processor.internals.InternalTopologyBuilder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A processor (or fixed-key processor), with the stores it creates and the stores it reads that other nodes own
 * (a join reading the other side's table, for example).
 */
public class ProcessorGraphNode extends GraphNode {

    private final ProcessorSupplier<?, ?, ?, ?> supplier;
    private final FixedKeyProcessorSupplier<?, ?, ?> fixedKeySupplier;
    private final List<StoreFactory> ownedStores = new ArrayList<>();
    private final List<String[]> alsoConnected = new ArrayList<>();
    private final Set<String> connectedStores = new LinkedHashSet<>();

    /**
     * @param name     the processor's name
     * @param supplier creates the processor
     */
    public ProcessorGraphNode(String name, ProcessorSupplier<?, ?, ?, ?> supplier) {
        super(name);
        this.supplier = Objects.requireNonNull(supplier, "supplier");
        this.fixedKeySupplier = null;
    }

    /**
     * @param name     the processor's name
     * @param supplier creates the fixed-key processor
     */
    public ProcessorGraphNode(String name, FixedKeyProcessorSupplier<?, ?, ?> supplier) {
        super(name);
        this.supplier = null;
        this.fixedKeySupplier = Objects.requireNonNull(supplier, "supplier");
    }

    /**
     * @param store a store this node creates and uses
     * @return this
     */
    public ProcessorGraphNode withStore(StoreFactory store) {
        return withStore(store, new String[0]);
    }

    /**
     * @param store          a store this node creates and uses
     * @param otherProcessors processors written before this node that use the store too
     * @return this
     */
    public ProcessorGraphNode withStore(StoreFactory store, String... otherProcessors) {
        ownedStores.add(store);
        alsoConnected.add(otherProcessors.clone());
        return this;
    }

    /**
     * @param storeNames stores created elsewhere that this node reads or writes
     * @return this
     */
    public ProcessorGraphNode connect(String... storeNames) {
        for (String s : storeNames) {
            connectedStores.add(Objects.requireNonNull(s, "store name"));
        }
        return this;
    }

    /** @return the names of the stores this node creates */
    public List<String> ownedStoreNames() {
        List<String> names = new ArrayList<>();
        ownedStores.forEach(s -> names.add(s.name()));
        return names;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder, BuildContext ctx) {
        if (supplier != null) {
            builder.addProcessor(nodeName(), supplier, parentNames());
        } else {
            builder.addFixedKeyProcessor(nodeName(), fixedKeySupplier, parentNames());
        }
        for (int i = 0; i < ownedStores.size(); i++) {
            String[] users = new String[alsoConnected.get(i).length + 1];
            users[0] = nodeName();
            System.arraycopy(alsoConnected.get(i), 0, users, 1, users.length - 1);
            builder.addStateStore(ownedStores.get(i).build(ctx), users);
        }
        Set<String> others = new LinkedHashSet<>(connectedStores);
        others.removeAll(ownedStoreNames());
        if (!others.isEmpty()) {
            builder.connectProcessorAndStateStores(nodeName(), others.toArray(new String[0]));
        }
    }
}
