package io.runnel.streams.processor.api;

/**
 * A {@link Processor} that keeps its context (Kafka's {@code ContextualProcessor}): extend it and implement
 * {@code process}, reaching the context through {@link #context()}.
 *
 * @param <KIn>  the input key type
 * @param <VIn>  the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
public abstract class ContextualProcessor<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {

    private ProcessorContext<KOut, VOut> context;

    /** For subclasses. */
    protected ContextualProcessor() {
    }

    @Override
    public void init(ProcessorContext<KOut, VOut> context) {
        this.context = context;
    }

    /** @return the context given to {@link #init}; null before */
    protected final ProcessorContext<KOut, VOut> context() {
        return context;
    }
}
