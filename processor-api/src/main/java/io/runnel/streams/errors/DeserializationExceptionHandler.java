package io.runnel.streams.errors;

import io.runnel.clients.consumer.ConsumerRecord;
import io.runnel.common.Configurable;

import java.util.Map;

/**
 * Decides what happens when an input record cannot be deserialized (or its timestamp cannot be extracted):
 * {@code default.deserialization.exception.handler}, Kafka's {@code DeserializationExceptionHandler}. Built-ins:
 * {@link LogAndFailExceptionHandler} (the default) and {@link LogAndContinueExceptionHandler}.
 *
 * <p>Instantiated once per stream thread through its public no-argument constructor, then
 * {@link #configure(Map)}d with the application configuration.
 */
public interface DeserializationExceptionHandler extends Configurable {

    /** What to do with the record. */
    enum DeserializationHandlerResponse {
        /** Skip the record and go on (it is counted as dropped). */
        CONTINUE,
        /** Stop: the stream thread fails with a {@link StreamsException} naming the record. */
        FAIL
    }

    /**
     * @param context   where the record came from
     * @param record    the raw record
     * @param exception what the deserializer threw
     * @return continue or fail
     */
    DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                          Exception exception);

    @Override
    default void configure(Map<String, ?> configs) {
    }
}
