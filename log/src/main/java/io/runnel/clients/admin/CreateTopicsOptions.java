package io.runnel.clients.admin;

/**
 * Options of {@link Admin#createTopics(java.util.Collection, CreateTopicsOptions)} (Kafka's
 * {@code CreateTopicsOptions}). Not thread-safe.
 */
public final class CreateTopicsOptions {

    private boolean validateOnly;

    /** Creates options with Kafka's defaults. */
    public CreateTopicsOptions() {
    }

    /**
     * @param validateOnly check the request (names, partitions, replication factor, configs) but create nothing
     * @return this
     */
    public CreateTopicsOptions validateOnly(boolean validateOnly) {
        this.validateOnly = validateOnly;
        return this;
    }

    /** @return whether only validation is asked for */
    public boolean shouldValidateOnly() {
        return validateOnly;
    }
}
