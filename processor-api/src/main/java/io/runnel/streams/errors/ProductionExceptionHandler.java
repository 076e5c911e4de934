package io.runnel.streams.errors;

import io.runnel.clients.producer.ProducerRecord;
import io.runnel.common.Configurable;

import java.util.Map;

/**
 * Decides what happens when an output record cannot be serialized or written ({@code record too large}, unknown
 * topic, ...): {@code default.production.exception.handler}, Kafka's {@code ProductionExceptionHandler}. The
 * default, {@link DefaultProductionExceptionHandler}, fails. Retriable send errors are retried by the producer and
 * never reach the handler. Instantiated once per stream thread and configured with the application configuration.
 */
public interface ProductionExceptionHandler extends Configurable {

    /** What to do with the record. */
    enum ProductionExceptionHandlerResponse {
        /** Drop the record and go on (its input offset is committed: the record is lost on purpose). */
        CONTINUE,
        /** Stop: the stream thread fails at the next send, flush or commit. */
        FAIL
    }

    /** Where a serialization failure happened. */
    enum SerializationExceptionOrigin {
        /** The key serializer failed. */
        KEY,
        /** The value serializer failed. */
        VALUE
    }

    /**
     * A send failed.
     *
     * @param context   the input record behind the output, as far as known when the send failed (for an
     *                  asynchronous failure: the record being processed when the sink sent it)
     * @param record    the serialized record
     * @param exception the failure
     * @return continue or fail
     */
    ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                              Exception exception);

    /**
     * A key or value could not be serialized. By default: fail.
     *
     * @param context   the input record behind the output
     * @param record    the record with its unserialized key and value
     * @param exception what the serializer threw
     * @param origin    key or value
     * @return continue or fail
     */
    default ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                                                                            ProducerRecord<?, ?> record,
                                                                            Exception exception,
                                                                            SerializationExceptionOrigin origin) {
        return ProductionExceptionHandlerResponse.FAIL;
    }

    @Override
    default void configure(Map<String, ?> configs) {
    }
}
