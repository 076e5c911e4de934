package io.runnel.clients.consumer.internals;

import io.runnel.common.Cluster;
import io.runnel.common.requests.MetadataRequest;
import io.runnel.common.requests.MetadataResponse;
import io.runnel.common.utils.Timer;

import java.util.ArrayList;
import java.util.Collection;

/**
 * The consumer's cluster metadata (Kafka's {@code ConsumerMetadata}): a snapshot refreshed on demand and at least
 * every {@code metadata.max.age.ms}. Not thread-safe beyond a volatile snapshot: refreshed by the polling thread.
 */
public final class ConsumerMetadata {

    private final ConsumerNetworkClient net;
    private final long maxAgeMs;
    private final boolean allowAutoCreate;
    private volatile Cluster cluster = Cluster.empty();
    private long lastRefreshMs = -1;
    private boolean refreshRequested = true;

    /**
     * @param net             the transport
     * @param maxAgeMs        {@code metadata.max.age.ms}
     * @param allowAutoCreate {@code allow.auto.create.topics}
     */
    public ConsumerMetadata(ConsumerNetworkClient net, long maxAgeMs, boolean allowAutoCreate) {
        this.net = net;
        this.maxAgeMs = maxAgeMs;
        this.allowAutoCreate = allowAutoCreate;
    }

    /** @return the current snapshot */
    public Cluster cluster() {
        return cluster;
    }

    /** Makes the next {@link #maybeRefresh} refresh. */
    public void requestUpdate() {
        refreshRequested = true;
    }

    /**
     * Refreshes if requested or older than {@code metadata.max.age.ms}.
     *
     * @param topics the topics to refresh, or null for every topic
     * @param timer  the time budget
     * @return whether a refresh happened
     */
    public boolean maybeRefresh(Collection<String> topics, Timer timer) {
        long now = net.time().milliseconds();
        if (!refreshRequested && now - lastRefreshMs < maxAgeMs) {
            return false;
        }
        refresh(topics, timer);
        return true;
    }

    /**
     * Refreshes now.
     *
     * @param topics the topics, or null for every topic
     * @param timer  the time budget
     * @return the response
     */
    public MetadataResponse refresh(Collection<String> topics, Timer timer) {
        MetadataRequest request = new MetadataRequest(topics == null ? null : new ArrayList<>(topics),
                topics != null && allowAutoCreate);
        MetadataResponse r = net.sendAndWait(request, timer, "metadata");
        cluster = r.buildCluster();
        lastRefreshMs = net.time().milliseconds();
        refreshRequested = false;
        return r;
    }
}
