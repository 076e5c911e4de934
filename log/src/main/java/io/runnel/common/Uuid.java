package io.runnel.common;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A 128-bit identifier, as Kafka's KIP-516 uses for topic IDs: printed and parsed as 22 characters of
 * URL-safe base64 without padding (for example {@code AAAAAAAAAAAAAAAAAAAAAQ}), the same text
 * {@code kafka-topics --describe} shows, so IDs can be compared across the two systems.
 *
 * <p>{@link #randomUuid()} never returns {@link #ZERO_UUID} or {@link #METADATA_TOPIC_ID}, which Kafka reserves,
 * nor an ID whose text starts with {@code -} (awkward on command lines). Immutable and thread-safe.
 */
public final class Uuid implements Comparable<Uuid> {

    /** The all-zero ID; Kafka uses it for "no topic ID". */
    public static final Uuid ZERO_UUID = new Uuid(0L, 0L);
    /** Reserved by Kafka for the KRaft metadata topic. */
    public static final Uuid METADATA_TOPIC_ID = new Uuid(0L, 1L);

    private final long mostSignificantBits;
    private final long leastSignificantBits;

    /**
     * @param mostSignificantBits  the high 64 bits
     * @param leastSignificantBits the low 64 bits
     */
    public Uuid(long mostSignificantBits, long leastSignificantBits) {
        this.mostSignificantBits = mostSignificantBits;
        this.leastSignificantBits = leastSignificantBits;
    }

    /** @return a new random (version 4) ID that is neither reserved nor starts with {@code -} */
    public static Uuid randomUuid() {
        while (true) {
            UUID u = UUID.randomUUID();
            Uuid candidate = new Uuid(u.getMostSignificantBits(), u.getLeastSignificantBits());
            if (!candidate.equals(ZERO_UUID) && !candidate.equals(METADATA_TOPIC_ID)
                    && !candidate.toString().startsWith("-")) {
                return candidate;
            }
        }
    }

    /**
     * Parses the 22-character base64url text form.
     *
     * @param text the text form, as {@link #toString()} writes it
     * @return the ID
     * @throws IllegalArgumentException if {@code text} is not 22 characters of URL-safe base64 encoding 16 bytes
     */
    public static Uuid fromString(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 22) {
            throw new IllegalArgumentException("Invalid topic ID '" + text
                    + "': expected 22 characters of URL-safe base64, got " + text.length());
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid topic ID '" + text + "': " + e.getMessage(), e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new Uuid(buffer.getLong(), buffer.getLong());
    }

    /** @return the high 64 bits */
    public long getMostSignificantBits() {
        return mostSignificantBits;
    }

    /** @return the low 64 bits */
    public long getLeastSignificantBits() {
        return leastSignificantBits;
    }

    @Override
    public String toString() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(mostSignificantBits).putLong(leastSignificantBits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uuid other
                && other.mostSignificantBits == mostSignificantBits
                && other.leastSignificantBits == leastSignificantBits;
    }

    @Override
    public int hashCode() {
        long h = mostSignificantBits ^ leastSignificantBits;
        return (int) (h >> 32) ^ (int) h;
    }

    @Override
    public int compareTo(Uuid o) {
        int c = Long.compare(mostSignificantBits, o.mostSignificantBits);
        return c != 0 ? c : Long.compare(leastSignificantBits, o.leastSignificantBits);
    }
}
