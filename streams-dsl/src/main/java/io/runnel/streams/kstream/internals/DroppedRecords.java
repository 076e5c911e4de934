package io.runnel.streams.kstream.internals;

import io.runnel.streams.processor.api.ProcessingContext;
import io.runnel.streams.processor.api.Record;
import io.runnel.streams.processor.internals.InternalProcessorContext;
import io.runnel.streams.processor.internals.ProcessorNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs the records a DSL processor drops on purpose (Kafka's {@code dropped-records} metric and its
 * "Skipping record" warnings): null keys an aggregation or join cannot use, records later than a window's grace
 * period. The count goes to the node ({@link ProcessorNode#recordDroppedRecord()}) and from there to the task's
 * {@code TaskMetadata.droppedRecords()}; the first drop of each processor instance is logged at WARN, the following
 * ones at DEBUG. One instance per processor instance; task thread only.
 */
public final class DroppedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(DroppedRecords.class);

    private final ProcessorNode<?, ?, ?, ?> node;
    private final String taskId;
    private boolean warned;

    /**
     * Call from the processor's {@code init}, while its node is current.
     *
     * @param context the processor's context
     */
    public DroppedRecords(ProcessingContext context) {
        InternalProcessorContext internal = InternalProcessorContext.of(context);
        this.node = internal.currentNode();
        this.taskId = String.valueOf(context.taskId());
    }

    /**
     * Counts and logs a dropped record.
     *
     * @param reason why ("null key", "expired window")
     * @param record the record
     */
    public void drop(String reason, Record<?, ?> record) {
        if (node != null) {
            node.recordDroppedRecord();
        }
        if (!warned) {
            warned = true;
            LOG.warn("Skipping record due to {}: processor={}, task={}, key={}, timestamp={} (further drops by this"
                            + " processor are logged at DEBUG and counted in TaskMetadata.droppedRecords())", reason,
                    node == null ? "?" : node.name(), taskId, record.key(), record.timestamp());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Skipping record due to {}: processor={}, task={}, key={}, timestamp={}", reason,
                    node == null ? "?" : node.name(), taskId, record.key(), record.timestamp());
        }
    }
}
