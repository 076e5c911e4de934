package io.runnel.streams.processor.api;

import io.runnel.streams.processor.ConnectedStoreProvider;

import java.util.function.Supplier;

/**
 * Creates the {@link Processor} instances of one node, one per task; Kafka's {@code ProcessorSupplier}. Every call
 * to {@link #get()} must return a new instance (the runtime checks and fails otherwise). A supplier may also name
 * the stores its processors use ({@link #stores()}), which are then added and connected with the node.
 *
 * @param <KIn>  the input key type
 * @param <VIn>  the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
@FunctionalInterface
public interface ProcessorSupplier<KIn, VIn, KOut, VOut>
        extends ConnectedStoreProvider, Supplier<Processor<KIn, VIn, KOut, VOut>> {

    /** @return a new processor instance */
    @Override
    Processor<KIn, VIn, KOut, VOut> get();
}
