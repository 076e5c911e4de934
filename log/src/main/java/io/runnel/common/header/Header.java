package io.runnel.common.header;

/**
 * One record header: a non-null key and a nullable value, stored in a RecordBatch v2 record as
 * varint-length-prefixed UTF-8 key and bytes.
 *
 * <p>Implementations are immutable. The value array is not copied: callers must not modify it.
 */
public interface Header {

    /** @return the header key, never null */
    String key();

    /** @return the header value, or null */
    byte[] value();
}
