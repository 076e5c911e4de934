package io.runnel.common.record;

import java.util.Locale;

/**
 * The compression codec of a record batch: bits 0-2 of the RecordBatch v2 attributes, with Kafka's ids and
 * names. The records section of a compressed batch (everything after the 61-byte header) is one stream in the
 * codec's framing exactly as Kafka writes it: gzip (RFC 1952 member), snappy (snappy-java's
 * {@code SnappyOutputStream} block framing), lz4 (the LZ4 frame format, 64 KiB independent blocks, no block or
 * content checksum) and zstd (one zstd frame). The codec implementations live in
 * {@code io.runnel.common.record.compression}.
 */
public enum CompressionType {
    /** No compression. */
    NONE(0, "none"),
    /** gzip (java.util.zip). */
    GZIP(1, "gzip"),
    /** Snappy (snappy-java, xerial stream framing as Kafka uses it). */
    SNAPPY(2, "snappy"),
    /** LZ4 frame format (lz4-java). */
    LZ4(3, "lz4"),
    /** Zstandard (zstd-jni). */
    ZSTD(4, "zstd");

    /** The codec id in the batch attributes. */
    public final int id;
    /** The name used by {@code compression.type}. */
    public final String name;

    CompressionType(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /**
     * @param id a codec id (0-4)
     * @return the codec
     * @throws IllegalArgumentException for an unknown id
     */
    public static CompressionType forId(int id) {
        switch (id) {
            case 0: return NONE;
            case 1: return GZIP;
            case 2: return SNAPPY;
            case 3: return LZ4;
            case 4: return ZSTD;
            default: throw new IllegalArgumentException("Unknown compression codec id " + id + ": expected 0-4");
        }
    }

    /**
     * @param name {@code none}, {@code gzip}, {@code snappy}, {@code lz4} or {@code zstd} (any case)
     * @return the codec
     * @throws IllegalArgumentException for any other name
     */
    public static CompressionType forName(String name) {
        for (CompressionType t : values()) {
            if (t.name.equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown compression type '" + name
                + "': expected none, gzip, snappy, lz4 or zstd");
    }

    @Override
    public String toString() {
        return name;
    }
}
