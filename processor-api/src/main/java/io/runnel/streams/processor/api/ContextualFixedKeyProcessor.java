package io.runnel.streams.processor.api;

/**
 * A {@link FixedKeyProcessor} that keeps its context (Kafka's {@code ContextualFixedKeyProcessor}).
 *
 * @param <KIn>  the key type
 * @param <VIn>  the input value type
 * @param <VOut> the output value type
 */
public abstract class ContextualFixedKeyProcessor<KIn, VIn, VOut> implements FixedKeyProcessor<KIn, VIn, VOut> {

    private FixedKeyProcessorContext<KIn, VOut> context;

    /** For subclasses. */
    protected ContextualFixedKeyProcessor() {
    }

    @Override
    public void init(FixedKeyProcessorContext<KIn, VOut> context) {
        this.context = context;
    }

    /** @return the context given to {@link #init}; null before */
    protected final FixedKeyProcessorContext<KIn, VOut> context() {
        return context;
    }
}
