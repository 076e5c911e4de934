package io.runnel.clients.consumer;

import java.util.Objects;
import java.util.Optional;

/**
 * A committed position in a partition: the offset of the next record to consume, optional metadata text and the
 * leader epoch of the last consumed record, as Kafka's {@code OffsetAndMetadata}. Committed offsets are stored in
 * {@code __consumer_offsets}; Connect's sink tasks receive them in {@code flush}/{@code preCommit}.
 *
 * <p>Immutable and thread-safe.
 */
public final class OffsetAndMetadata {

    private final long offset;
    private final String metadata;
    private final Integer leaderEpoch;

    /**
     * @param offset      the next offset to consume, {@code >= 0}
     * @param leaderEpoch the leader epoch of the last consumed record, if known
     * @param metadata    free text stored with the commit; null is stored as empty
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public OffsetAndMetadata(long offset, Optional<Integer> leaderEpoch, String metadata) {
        if (offset < 0) {
            throw new IllegalArgumentException("Invalid negative offset " + offset
                    + ": a committed offset is the position of the next record to consume");
        }
        this.offset = offset;
        this.leaderEpoch = leaderEpoch.orElse(null);
        this.metadata = metadata == null ? "" : metadata;
    }

    /**
     * @param offset   the next offset to consume
     * @param metadata free text stored with the commit
     */
    public OffsetAndMetadata(long offset, String metadata) {
        this(offset, Optional.empty(), metadata);
    }

    /** @param offset the next offset to consume */
    public OffsetAndMetadata(long offset) {
        this(offset, "");
    }

    /** @return the next offset to consume */
    public long offset() {
        return offset;
    }

    /** @return the metadata text, empty when none */
    public String metadata() {
        return metadata;
    }

    /** @return the leader epoch of the last consumed record, if known */
    public Optional<Integer> leaderEpoch() {
        return Optional.ofNullable(leaderEpoch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetAndMetadata other && offset == other.offset
                && metadata.equals(other.metadata) && Objects.equals(leaderEpoch, other.leaderEpoch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, metadata, leaderEpoch);
    }

    @Override
    public String toString() {
        return "OffsetAndMetadata{offset=" + offset + ", leaderEpoch=" + leaderEpoch + ", metadata='" + metadata + "'}";
    }
}
