package io.runnel.clients.admin;

/**
 * A topic's new partition count (Kafka's {@code NewPartitions}). Immutable.
 */
public final class NewPartitions {

    private final int totalCount;

    private NewPartitions(int totalCount) {
        this.totalCount = totalCount;
    }

    /**
     * @param totalCount the new total, larger than the current count
     * @return the request
     */
    public static NewPartitions increaseTo(int totalCount) {
        return new NewPartitions(totalCount);
    }

    /** @return the new total */
    public int totalCount() {
        return totalCount;
    }

    @Override
    public String toString() {
        return "(totalCount=" + totalCount + ")";
    }
}
