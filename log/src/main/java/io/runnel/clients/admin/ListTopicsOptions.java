package io.runnel.clients.admin;

/**
 * Options of {@link Admin#listTopics(ListTopicsOptions)} (Kafka's {@code ListTopicsOptions}). Not thread-safe.
 */
public final class ListTopicsOptions {

    private boolean listInternal;

    /** Creates options with Kafka's defaults (internal topics hidden). */
    public ListTopicsOptions() {
    }

    /**
     * @param listInternal whether to include internal topics such as {@code __consumer_offsets}
     * @return this
     */
    public ListTopicsOptions listInternal(boolean listInternal) {
        this.listInternal = listInternal;
        return this;
    }

    /** @return whether internal topics are listed */
    public boolean shouldListInternal() {
        return listInternal;
    }
}
