package io.runnel.streams.errors;

/** Source topics of the topology do not exist; create them before starting (Kafka's name). */
public class MissingSourceTopicException extends StreamsException {

    /** @param message the missing topics */
    public MissingSourceTopicException(String message) {
        super(message);
    }
}
