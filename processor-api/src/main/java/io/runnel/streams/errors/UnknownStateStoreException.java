package io.runnel.streams.errors;

/** An interactive query names a store the topology does not have (Kafka's name); the message lists the stores. */
public class UnknownStateStoreException extends InvalidStateStoreException {

    /** @param message which store, and the known ones */
    public UnknownStateStoreException(String message) {
        super(message);
    }
}
