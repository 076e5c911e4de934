package io.runnel.streams.processor.api;

/**
 * A node of a topology that receives records one at a time, may read and write state stores, and forwards any
 * number of records to its children. Kafka's {@code Processor}.
 *
 * <p>Lifecycle: one instance per task, obtained from a {@link ProcessorSupplier}; {@link #init} once when the task
 * starts (after its stores are restored), {@link #process} for each record, {@link #close} when the task closes
 * (rebalance or shutdown). All calls come from the task's thread.
 *
 * <p>An exception thrown from {@code process} goes to the {@code processing.exception.handler}; by default it
 * stops the stream thread and reaches the uncaught exception handler with the task id and the input record's topic,
 * partition and offset.
 *
 * @param <KIn>  the input key type
 * @param <VIn>  the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
public interface Processor<KIn, VIn, KOut, VOut> {

    /**
     * Called once before the first record; keep the context, look up stores, schedule punctuations.
     *
     * @param context the task's context, valid for the life of this processor
     */
    default void init(ProcessorContext<KOut, VOut> context) {
    }

    /**
     * Processes one record.
     *
     * @param record the input record
     */
    void process(Record<KIn, VIn> record);

    /** Releases resources. Do not close stores here: the runtime owns them. */
    default void close() {
    }
}
