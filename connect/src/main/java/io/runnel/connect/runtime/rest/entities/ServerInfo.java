package io.runnel.connect.runtime.rest.entities;

/**
 * What {@code GET /} returns: the worker's version, the source revision and the id of the log's cluster
 * (Kafka's JSON: {@code {"version":..., "commit":..., "kafka_cluster_id":...}}).
 *
 * @param version        Runnel's version
 * @param commit         the source revision, or {@code unknown}
 * @param kafkaClusterId the log's cluster id
 */
public record ServerInfo(String version, String commit, String kafkaClusterId) {
}
