package io.runnel.streams.errors;

import io.runnel.clients.consumer.ConsumerRecord;

/** Logs the bad record at WARN and skips it. */
public class LogAndContinueExceptionHandler implements DeserializationExceptionHandler {

    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(LogAndContinueExceptionHandler.class);

    /** Creates the handler. */
    public LogAndContinueExceptionHandler() {
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        LOG.warn("Skipping input record {}-{}@{} in task {}: cannot deserialize it", context.topic(),
                context.partition(), context.offset(), context.taskId(), exception);
        return DeserializationHandlerResponse.CONTINUE;
    }
}
