package io.runnel.streams.processor.internals;

import io.runnel.common.header.Headers;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.processor.api.FixedKeyProcessorContext;
import io.runnel.streams.processor.api.ProcessingContext;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;

/**
 * The runtime's side of the context every processor of a task gets: the public {@link ProcessorContext} and
 * {@link FixedKeyProcessorContext}, the {@link StateStoreContext} the task's stores see, and what nodes and the DSL
 * need besides. One instance per task (and one for the global stores); used on the task's thread only.
 *
 * <p>For the DSL: a processor may get this view of its context in {@code init} ({@link #of}), keep
 * {@link #currentNode()}, and forward from a cache flush listener (which runs during a commit, outside {@code process}) with
 * {@link #forwardFrom}.
 */
public interface InternalProcessorContext
        extends ProcessorContext<Object, Object>, FixedKeyProcessorContext<Object, Object>, StateStoreContext {

    /**
     * For the DSL: the runtime's view of the context a processor was given in {@code init}.
     *
     * @param context a context given by the runtime
     * @return the same object as an {@code InternalProcessorContext}
     * @throws IllegalArgumentException if the context was not created by the runtime (a test's mock)
     */
    static InternalProcessorContext of(ProcessingContext context) {
        if (context instanceof InternalProcessorContext internal) {
            return internal;
        }
        throw new IllegalArgumentException("Not a context of the Streams runtime: " + context.getClass().getName());
    }

    /** @return the node being run (the one whose processor is executing), or null between records */
    ProcessorNode<?, ?, ?, ?> currentNode();

    /** @param node the node being run; null between records */
    void setCurrentNode(ProcessorNode<?, ?, ?, ?> node);

    /** @return where the record being processed came from; {@link ProcessorRecordContext#NONE} outside processing */
    ProcessorRecordContext recordContext();

    /** @param recordContext the record being processed (set by the task before each record and punctuation) */
    void setRecordContext(ProcessorRecordContext recordContext);

    /** @return the headers of the record being processed (changed by forwarding records with other headers) */
    Headers currentHeaders();

    /**
     * Forwards a record to the children of {@code node}, as if that node's processor called {@code forward}. For
     * cache flush listeners, which run during {@code flush()} when no node is current; the current node, timestamp
     * and headers are restored afterwards.
     *
     * @param <K>    the key type
     * @param <V>    the value type
     * @param node   the node forwarding (kept by its processor from {@link #currentNode()} in {@code init})
     * @param record the record
     */
    <K, V> void forwardFrom(ProcessorNode<?, ?, ?, ?> node, Record<K, V> record);

    /** @return the thread's record collector, through which sinks and change logging write */
    RecordCollector recordCollector();

    /** @return the handler of processing failures */
    ProcessingExceptionHandler processingExceptionHandler();
}
