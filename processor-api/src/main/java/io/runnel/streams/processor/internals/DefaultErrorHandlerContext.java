package io.runnel.streams.processor.internals;

import io.runnel.common.header.Headers;
import io.runnel.streams.errors.ErrorHandlerContext;
import io.runnel.streams.processor.TaskId;

/**
 * The {@link ErrorHandlerContext} the runtime gives handlers.
 *
 * @param topic           the input topic, or null
 * @param partition       the input partition, or -1
 * @param offset          the input offset, or -1
 * @param headers         the input headers
 * @param processorNodeId the node that failed (the source node for deserialization failures)
 * @param taskId          the task
 * @param timestamp       the record timestamp in ms, or -1
 */
public record DefaultErrorHandlerContext(String topic, int partition, long offset, Headers headers,
                                         String processorNodeId, TaskId taskId, long timestamp)
        implements ErrorHandlerContext {

    /**
     * @param recordContext the record being processed
     * @param nodeName      the failing node
     * @param taskId        the task
     * @return the context
     */
    public static DefaultErrorHandlerContext of(ProcessorRecordContext recordContext, String nodeName, TaskId taskId) {
        return new DefaultErrorHandlerContext(recordContext.topic(), recordContext.partition(), recordContext.offset(),
                recordContext.headers(), nodeName, taskId, recordContext.timestamp());
    }
}
