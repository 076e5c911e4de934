package io.runnel.common.requests;

/**
 * Describes the cluster: id, nodes, controller (Kafka's DescribeCluster, API key 60).
 */
public record DescribeClusterRequest() implements AbstractRequest<DescribeClusterResponse> {

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CLUSTER;
    }
}
