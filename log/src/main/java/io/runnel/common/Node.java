package io.runnel.common;

import java.util.Objects;

/**
 * A broker: its id, where to reach it and its rack, as Kafka's {@code Node}. The embedded log is one node
 * (id {@code node.id}, default 0) whose host is the log directory's {@code file:} URI and whose port is -1.
 *
 * <p>Immutable and thread-safe.
 */
public final class Node {

    private static final Node NO_NODE = new Node(-1, "", -1);

    private final int id;
    private final String host;
    private final int port;
    private final String rack;

    /**
     * @param id   the node id
     * @param host the host name (or, for the embedded log, the directory URI); not null
     * @param port the port, or -1 when the node is not reached over the network
     */
    public Node(int id, String host, int port) {
        this(id, host, port, null);
    }

    /**
     * @param id   the node id
     * @param host the host name; not null
     * @param port the port, or -1
     * @param rack the rack, or null
     */
    public Node(int id, String host, int port, String rack) {
        this.id = id;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.rack = rack;
    }

    /** @return the node that stands for "no node" (id -1), as Kafka's {@code Node.noNode()} */
    public static Node noNode() {
        return NO_NODE;
    }

    /** @return whether this is {@link #noNode()} */
    public boolean isEmpty() {
        return host.isEmpty() || port < -1;
    }

    /** @return the node id */
    public int id() {
        return id;
    }

    /** @return the id as a string, as Kafka's {@code idString()} */
    public String idString() {
        return Integer.toString(id);
    }

    /** @return the host (for the embedded log: the directory's {@code file:} URI) */
    public String host() {
        return host;
    }

    /** @return the port, or -1 when the node is in-process */
    public int port() {
        return port;
    }

    /** @return whether a rack is set */
    public boolean hasRack() {
        return rack != null;
    }

    /** @return the rack, or null */
    public String rack() {
        return rack;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && id == n.id && port == n.port && host.equals(n.host) && Objects.equals(rack, n.rack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, host, port, rack);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (id: " + id + " rack: " + rack + ")";
    }
}
