package io.runnel.clients.admin;

/**
 * What {@link Admin#deleteRecords} deletes in a partition (Kafka's {@code RecordsToDelete}). Immutable.
 */
public final class RecordsToDelete {

    private final long offset;

    private RecordsToDelete(long offset) {
        this.offset = offset;
    }

    /**
     * @param offset delete every record below it (it becomes the log start offset); -1 for the high watermark
     * @return the request
     */
    public static RecordsToDelete beforeOffset(long offset) {
        return new RecordsToDelete(offset);
    }

    /** @return the offset */
    public long beforeOffset() {
        return offset;
    }
}
