package io.runnel.streams.errors;

import io.runnel.clients.producer.ProducerRecord;

/** Fails on every production error (Kafka's default). */
public class DefaultProductionExceptionHandler implements ProductionExceptionHandler {

    /** Creates the handler. */
    public DefaultProductionExceptionHandler() {
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        return ProductionExceptionHandlerResponse.FAIL;
    }
}
