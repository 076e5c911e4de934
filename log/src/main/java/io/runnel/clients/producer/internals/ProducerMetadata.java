package io.runnel.clients.producer.internals;

import io.runnel.clients.RunnelClient;
import io.runnel.clients.internals.ClientWaits;
import io.runnel.common.Cluster;
import io.runnel.common.RunnelException;
import io.runnel.common.errors.InvalidPartitionsException;
import io.runnel.common.errors.InvalidTopicException;
import io.runnel.common.errors.TimeoutException;
import io.runnel.common.requests.Errors;
import io.runnel.common.requests.MetadataRequest;
import io.runnel.common.requests.MetadataResponse;
import io.runnel.common.utils.Time;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The producer's cluster metadata (Kafka's {@code ProducerMetadata}): the topics it has sent to, refreshed when a
 * topic or partition is unknown and at least every {@code metadata.max.age.ms}; topics not used for
 * {@code metadata.max.idle.ms} are dropped. Missing topics are created by the broker when
 * {@code auto.create.topics.enable} allows. Thread-safe.
 */
public final class ProducerMetadata {

    private final RunnelClient client;
    private final Time time;
    private final long maxAgeMs;
    private final long maxIdleMs;
    private final long retryBackoffMs;
    private final Map<String, Long> topicsLastUsed = new ConcurrentHashMap<>();
    private volatile Cluster cluster = Cluster.empty();
    private volatile long lastRefreshMs = -1;

    /**
     * @param client         the transport
     * @param time           the clock
     * @param maxAgeMs       {@code metadata.max.age.ms}
     * @param maxIdleMs      {@code metadata.max.idle.ms}
     * @param retryBackoffMs {@code retry.backoff.ms}
     */
    public ProducerMetadata(RunnelClient client, Time time, long maxAgeMs, long maxIdleMs, long retryBackoffMs) {
        this.client = client;
        this.time = time;
        this.maxAgeMs = maxAgeMs;
        this.maxIdleMs = maxIdleMs;
        this.retryBackoffMs = retryBackoffMs;
    }

    /** @return the current snapshot */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * Returns metadata that knows {@code topic} (and {@code partition}, if given), fetching it if needed.
     *
     * @param topic      the topic
     * @param partition  an explicit partition, or null
     * @param maxBlockMs how long to wait for the topic to appear
     * @return the metadata
     * @throws TimeoutException            if the topic is not known within {@code maxBlockMs}
     * @throws InvalidTopicException       for an illegal topic name
     * @throws InvalidPartitionsException  if {@code partition} is not below the topic's partition count
     */
    public Cluster awaitTopic(String topic, Integer partition, long maxBlockMs) {
        long now = time.milliseconds();
        Long lastUsed = topicsLastUsed.get(topic);
        if (lastUsed == null || now - lastUsed > 1000) {
            topicsLastUsed.put(topic, now);
        }
        Cluster c = cluster;
        Integer count = c.partitionCountForTopic(topic);
        boolean stale = now - lastRefreshMs >= maxAgeMs;
        if (count != null && !stale && (partition == null || partition < count)) {
            return c;
        }
        long deadline = now + maxBlockMs;
        boolean refreshedForPartition = false;
        while (true) {
            MetadataResponse.TopicMetadata tm = refresh(topic, deadline);
            if (tm.error() == Errors.INVALID_TOPIC_EXCEPTION) {
                throw new InvalidTopicException("Invalid topic name '" + topic + "': topic names use ASCII letters, "
                        + "digits, '.', '_' and '-' and are at most 249 characters");
            }
            c = cluster;
            count = c.partitionCountForTopic(topic);
            if (count != null) {
                if (partition == null || partition < count) {
                    return c;
                }
                if (refreshedForPartition) {
                    throw new InvalidPartitionsException("Invalid partition given with record: " + partition
                            + " is not in the range [0..." + count + ") of topic " + topic + ".");
                }
                refreshedForPartition = true;
                continue;
            }
            if (tm.error() != Errors.UNKNOWN_TOPIC_OR_PARTITION && tm.error() != Errors.NONE) {
                RunnelException e = tm.error().exception("Metadata for topic " + topic + " failed: " + tm.error());
                throw e;
            }
            long remaining = deadline - time.milliseconds();
            if (remaining <= 0) {
                throw new TimeoutException("Topic " + topic + " not present in metadata after " + maxBlockMs + " ms"
                        + " (it does not exist and auto.create.topics.enable is false: create it first)");
            }
            ClientWaits.sleep(time, Math.min(retryBackoffMs, remaining));
        }
    }

    /** Refreshes the metadata of every topic in use if it is older than {@code metadata.max.age.ms}. */
    public void maybeRefresh() {
        if (time.milliseconds() - lastRefreshMs >= maxAgeMs && !topicsLastUsed.isEmpty()) {
            try {
                refresh(null, time.milliseconds() + 30_000);
            } catch (RuntimeException ignored) {
                // the next send retries
            }
        }
    }

    private MetadataResponse.TopicMetadata refresh(String wanted, long deadline) {
        long now = time.milliseconds();
        topicsLastUsed.entrySet().removeIf(e -> now - e.getValue() > maxIdleMs && !e.getKey().equals(wanted));
        ArrayList<String> topics = new ArrayList<>(topicsLastUsed.keySet());
        if (wanted != null && !topics.contains(wanted)) {
            topics.add(wanted);
        }
        MetadataResponse r = ClientWaits.await(client.send(new MetadataRequest(topics, true)), time, deadline,
                "metadata for " + topics);
        cluster = r.buildCluster();
        lastRefreshMs = time.milliseconds();
        return wanted == null ? null : r.topicsByName().get(wanted);
    }
}
