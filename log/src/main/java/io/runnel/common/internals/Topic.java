package io.runnel.common.internals;

/**
 * Names of Runnel's internal topics (Kafka's {@code org.apache.kafka.common.internals.Topic}).
 */
public final class Topic {

    /** The compacted topic holding committed offsets and group metadata. */
    public static final String GROUP_METADATA_TOPIC_NAME = "__consumer_offsets";

    private Topic() {
    }

    /**
     * @param topic a topic name
     * @return whether it is an internal topic (hidden from listings unless asked for; not writable by producers)
     */
    public static boolean isInternal(String topic) {
        return GROUP_METADATA_TOPIC_NAME.equals(topic);
    }
}
