package io.runnel.common.config;

import java.util.Objects;

/**
 * What a configuration belongs to: a topic or a broker (Kafka's {@code ConfigResource}), for the admin
 * client's {@code describeConfigs} and {@code incrementalAlterConfigs}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the kind of resource
 * @param name the topic name, or the broker's node id as a string ({@code "0"}; empty for the cluster default)
 */
public record ConfigResource(Type type, String name) {

    /** The kinds of resource, with Kafka's ids. */
    public enum Type {
        /** A broker (id 4). */
        BROKER((byte) 4),
        /** A topic (id 2). */
        TOPIC((byte) 2),
        /** Unknown (id 0). */
        UNKNOWN((byte) 0);

        private final byte id;

        Type(byte id) {
            this.id = id;
        }

        /** @return Kafka's id */
        public byte id() {
            return id;
        }
    }

    /**
     * @throws NullPointerException if a component is null
     */
    public ConfigResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "ConfigResource(type=" + type + ", name='" + name + "')";
    }
}
