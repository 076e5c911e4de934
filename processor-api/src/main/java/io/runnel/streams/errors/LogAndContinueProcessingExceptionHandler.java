package io.runnel.streams.errors;

import io.runnel.streams.processor.api.Record;

/** Logs a processing error at WARN and skips the record. */
public class LogAndContinueProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(LogAndContinueProcessingExceptionHandler.class);

    /** Creates the handler. */
    public LogAndContinueProcessingExceptionHandler() {
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("Skipping record {}-{}@{} in task {}: processor {} failed", context.topic(), context.partition(),
                context.offset(), context.taskId(), context.processorNodeId(), exception);
        return ProcessingHandlerResponse.CONTINUE;
    }
}
