package io.runnel.common.requests;

import io.runnel.common.Node;

import java.util.List;

/**
 * The result of a {@link DescribeClusterRequest}.
 *
 * @param error        the error
 * @param clusterId    the cluster id
 * @param controllerId the controller's node id
 * @param brokers      the nodes
 */
public record DescribeClusterResponse(Errors error, String clusterId, int controllerId, List<Node> brokers)
        implements AbstractResponse {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CLUSTER;
    }
}
