package io.runnel.streams.errors;

import io.runnel.streams.processor.api.Record;

/** Fails the stream thread on a processing error (the default); the error is logged by the thread. */
public class LogAndFailProcessingExceptionHandler implements ProcessingExceptionHandler {

    /** Creates the handler. */
    public LogAndFailProcessingExceptionHandler() {
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return ProcessingHandlerResponse.FAIL;
    }
}
