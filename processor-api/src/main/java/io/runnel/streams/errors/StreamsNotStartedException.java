package io.runnel.streams.errors;

/** An operation needs a started application instance: call {@code start()} first (Kafka's name). */
public class StreamsNotStartedException extends InvalidStateStoreException {

    /** @param message what was attempted */
    public StreamsNotStartedException(String message) {
        super(message);
    }
}
