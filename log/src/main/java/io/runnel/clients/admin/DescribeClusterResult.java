package io.runnel.clients.admin;

import io.runnel.common.Node;
import io.runnel.common.RunnelFuture;

import java.util.Collection;

/**
 * The result of {@link Admin#describeCluster} (Kafka's {@code DescribeClusterResult}).
 */
public final class DescribeClusterResult {

    private final RunnelFuture<Collection<Node>> nodes;
    private final RunnelFuture<Node> controller;
    private final RunnelFuture<String> clusterId;

    /**
     * @param nodes      the nodes
     * @param controller the controller
     * @param clusterId  the cluster id
     */
    public DescribeClusterResult(RunnelFuture<Collection<Node>> nodes, RunnelFuture<Node> controller,
                                 RunnelFuture<String> clusterId) {
        this.nodes = nodes;
        this.controller = controller;
        this.clusterId = clusterId;
    }

    /** @return the nodes (one for the embedded log) */
    public RunnelFuture<Collection<Node>> nodes() {
        return nodes;
    }

    /** @return the controller */
    public RunnelFuture<Node> controller() {
        return controller;
    }

    /** @return the cluster id */
    public RunnelFuture<String> clusterId() {
        return clusterId;
    }
}
