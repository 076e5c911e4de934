package io.runnel.streams.errors;

/**
 * A topology is invalid: a duplicate or unknown node name, a cycle, a store connected to nothing, a source topic
 * read twice, input topics that must be co-partitioned but have different partition counts. The message names the
 * nodes, stores or topics involved (Kafka's {@code TopologyException}, with its "Invalid topology: " prefix).
 */
public class TopologyException extends StreamsException {

    /** @param message what is wrong, naming nodes, stores or topics */
    public TopologyException(String message) {
        super("Invalid topology: " + message);
    }

    /**
     * @param message what is wrong
     * @param cause   the underlying failure
     */
    public TopologyException(String message, Throwable cause) {
        super("Invalid topology: " + message, cause);
    }
}
