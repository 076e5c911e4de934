package io.runnel.streams.errors;

import io.runnel.clients.consumer.ConsumerRecord;

/** Logs the bad record at ERROR and fails the stream thread: the default deserialization handler. */
public class LogAndFailExceptionHandler implements DeserializationExceptionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogAndFailExceptionHandler.class);

    /** Creates the handler. */
    public LogAndFailExceptionHandler() {
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        LOG.error("Cannot deserialize input record {}-{}@{} in task {}; failing (set "
                        + "default.deserialization.exception.handler to LogAndContinueExceptionHandler to skip such "
                        + "records)", context.topic(), context.partition(), context.offset(), context.taskId(),
                exception);
        return DeserializationHandlerResponse.FAIL;
    }
}
