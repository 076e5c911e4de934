package io.runnel.streams.processor.internals;

import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.errors.TaskMigratedException;
import io.runnel.streams.processor.api.FixedKeyProcessor;
import io.runnel.streams.processor.api.FixedKeyProcessorContext;
import io.runnel.streams.processor.api.InternalFixedKeyRecordFactory;
import io.runnel.streams.processor.api.Processor;
import io.runnel.streams.processor.api.ProcessorContext;
import io.runnel.streams.processor.api.Record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a task's graph: a processor (or fixed-key processor) instance with its children. Sources and sinks
 * are subclasses. Built fresh for each task by {@link InternalTopologyBuilder}; used on the task's thread only.
 *
 * <p>Failure handling: an exception from the processor goes to the {@code processing.exception.handler} with the
 * record and this node's name. CONTINUE drops the record at this node (siblings reached by the parent's forward
 * still get it); FAIL throws {@link FailedProcessingException}, which ancestors let pass. Exceptions that must not be
 * handled here ({@link FailedProcessingException} from a descendant, {@link ProductionFailedException},
 * {@link TaskMigratedException}) pass unchanged.
 *
 * @param <KIn>  the input key type
 * @param <VIn>  the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
public class ProcessorNode<KIn, VIn, KOut, VOut> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProcessorNode.class);

    private final String name;
    private final Processor<KIn, VIn, KOut, VOut> processor;
    private final FixedKeyProcessor<KIn, VIn, VOut> fixedKeyProcessor;
    private final Set<String> stateStores;
    private final List<ProcessorNode<KOut, VOut, ?, ?>> children = new ArrayList<>();
    private final Map<String, ProcessorNode<KOut, VOut, ?, ?>> childByName = new HashMap<>();
    /** The task's context, set by {@link #init}. */
    protected InternalProcessorContext context;
    private long droppedRecords;

    /**
     * A node without a processor (sources and sinks).
     *
     * @param name the node name
     */
    protected ProcessorNode(String name) {
        this(name, null, null, Set.of());
    }

    /**
     * @param name              the node name
     * @param processor         the processor, or null
     * @param fixedKeyProcessor the fixed-key processor, or null (at most one of the two is set)
     * @param stateStores       the stores connected to the node
     */
    public ProcessorNode(String name, Processor<KIn, VIn, KOut, VOut> processor,
                         FixedKeyProcessor<KIn, VIn, VOut> fixedKeyProcessor, Set<String> stateStores) {
        this.name = name;
        this.processor = processor;
        this.fixedKeyProcessor = fixedKeyProcessor;
        this.stateStores = Set.copyOf(stateStores);
    }

    /** @return the node name */
    public final String name() {
        return name;
    }

    /** @return the names of the stores connected to this node */
    public final Set<String> stateStores() {
        return stateStores;
    }

    /** @return the children, in the order they were connected */
    public final List<ProcessorNode<KOut, VOut, ?, ?>> children() {
        return Collections.unmodifiableList(children);
    }

    /**
     * @param childName a child's name
     * @return the child, or null
     */
    public final ProcessorNode<KOut, VOut, ?, ?> child(String childName) {
        return childByName.get(childName);
    }

    /** @param child a node this one forwards to */
    public final void addChild(ProcessorNode<KOut, VOut, ?, ?> child) {
        children.add(child);
        childByName.put(child.name(), child);
    }

    /**
     * @return records dropped at this node: by the processing exception handler (CONTINUE) and, for DSL operators,
     *         on purpose ({@link #recordDroppedRecord()})
     */
    public final long droppedRecords() {
        return droppedRecords;
    }

    /**
     * For the DSL: counts a record this node's processor dropped on purpose (a record later than a window's grace
     * period, a null key an aggregation or join cannot use), Kafka's {@code dropped-records} task metric. The count
     * is part of the task's {@code droppedRecords} in {@link io.runnel.streams.TaskMetadata}. Task thread only.
     */
    public final void recordDroppedRecord() {
        droppedRecords++;
    }

    /**
     * Initialises the processor with the task's context; this node is the current node during the call.
     *
     * @param context the task's context
     * @throws StreamsException if the processor's {@code init} throws
     */
    @SuppressWarnings("unchecked") // the context forwards Object keys and values; the node's types are the user's
    public void init(InternalProcessorContext context) {
        this.context = context;
        ProcessorNode<?, ?, ?, ?> previous = context.currentNode();
        context.setCurrentNode(this);
        try {
            if (processor != null) {
                processor.init((ProcessorContext<KOut, VOut>) (ProcessorContext<?, ?>) context);
            } else if (fixedKeyProcessor != null) {
                fixedKeyProcessor.init((FixedKeyProcessorContext<KIn, VOut>) (FixedKeyProcessorContext<?, ?>) context);
            }
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StreamsException("Failed to initialize processor " + name + ": " + e, e, context.taskId());
        } finally {
            context.setCurrentNode(previous);
        }
    }

    /**
     * Runs the processor on a record (the caller has made this node current).
     *
     * @param record the record
     * @throws FailedProcessingException if the processor failed and the handler answered FAIL
     */
    public final void process(Record<KIn, VIn> record) {
        try {
            doProcess(record);
        } catch (FailedProcessingException | ProductionFailedException | TaskMigratedException e) {
            throw e;
        } catch (RuntimeException e) {
            handle(record, e);
        }
    }

    /**
     * What the node does with a record: runs its processor; sources forward, sinks write.
     *
     * @param record the record
     */
    protected void doProcess(Record<KIn, VIn> record) {
        if (processor != null) {
            processor.process(record);
        } else {
            fixedKeyProcessor.process(InternalFixedKeyRecordFactory.create(record));
        }
    }

    /**
     * Asks the processing exception handler what to do with a failure of this node.
     *
     * @param record    the record being processed
     * @param exception the failure
     * @throws FailedProcessingException unless the handler answers CONTINUE
     */
    private void handle(Record<?, ?> record, RuntimeException exception) {
        ProcessingExceptionHandler handler = context.processingExceptionHandler();
        ProcessingHandlerResponse response;
        try {
            response = handler.handle(DefaultErrorHandlerContext.of(context.recordContext(), name,
                    context.taskId()), record, exception);
        } catch (RuntimeException handlerFailure) {
            exception.addSuppressed(handlerFailure);
            throw new FailedProcessingException(name, exception);
        }
        if (response == ProcessingHandlerResponse.CONTINUE) {
            droppedRecords++;
            LOG.debug("Processor {} dropped a record after a failure, as the processing exception handler asked",
                    name);
            return;
        }
        throw new FailedProcessingException(name, exception);
    }

    /** Closes the processor. */
    public void close() {
        if (processor != null) {
            processor.close();
        } else if (fixedKeyProcessor != null) {
            fixedKeyProcessor.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
