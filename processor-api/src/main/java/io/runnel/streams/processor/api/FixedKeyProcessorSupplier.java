package io.runnel.streams.processor.api;

import io.runnel.streams.processor.ConnectedStoreProvider;

import java.util.function.Supplier;

/**
 * Creates the {@link FixedKeyProcessor} instances of one node, one per task; every call returns a new instance.
 *
 * @param <KIn>  the key type
 * @param <VIn>  the input value type
 * @param <VOut> the output value type
 */
@FunctionalInterface
public interface FixedKeyProcessorSupplier<KIn, VIn, VOut>
        extends ConnectedStoreProvider, Supplier<FixedKeyProcessor<KIn, VIn, VOut>> {

    /** @return a new processor instance */
    @Override
    FixedKeyProcessor<KIn, VIn, VOut> get();
}
