package io.runnel.streams.errors;

import io.runnel.common.Configurable;
import io.runnel.streams.processor.api.Record;

import java.util.Map;

/**
 * Decides what happens when a processor throws while processing a record: {@code processing.exception.handler},
 * Kafka's {@code ProcessingExceptionHandler} (KIP-1033). The default, {@link LogAndFailProcessingExceptionHandler},
 * fails the stream thread, so the exception reaches the {@link StreamsUncaughtExceptionHandler} with the task id and
 * the record's coordinates. Exceptions from punctuators are not given to this handler; they always fail the thread.
 */
public interface ProcessingExceptionHandler extends Configurable {

    /** What to do with the record. */
    enum ProcessingHandlerResponse {
        /** Skip the rest of this record's processing and go on with the next record. */
        CONTINUE,
        /** Fail the stream thread. */
        FAIL
    }

    /**
     * @param context   where the record came from and which node failed
     * @param record    the record the failing node was given
     * @param exception what the node threw
     * @return continue or fail
     */
    ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception);

    @Override
    default void configure(Map<String, ?> configs) {
    }
}
