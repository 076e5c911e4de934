package io.runnel.common.record;

import io.runnel.common.errors.CorruptRecordException;
import io.runnel.common.header.Header;
import io.runnel.common.header.internals.RecordHeader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A record of RecordBatch v2, read in place. Byte layout (the Kafka protocol guide's "Record"):
 *
 * <pre>
 *   length            varint   bytes after this field
 *   attributes        int8     unused, 0
 *   timestampDelta    varlong  timestamp - batch baseTimestamp
 *   offsetDelta       varint   offset - batch baseOffset
 *   keyLength         varint   -1 for a null key
 *   key               bytes
 *   valueLength       varint   -1 for a null value
 *   value             bytes
 *   headersCount      varint
 *   headers           [headerKeyLength varint, headerKey UTF-8, headerValueLength varint (-1 = null), value]
 * </pre>
 *
 * <p>A flyweight: decoding records the positions of key, value and headers; {@link #key()} and {@link #value()}
 * return slices of the underlying buffer and {@link #headers()} decodes on demand. There is no per-record CRC
 * in v2; the batch CRC covers every record.
 */
public final class DefaultRecord implements Record {

    private final ByteBuffer buffer;
    private final int sizeInBytes;
    private final long offset;
    private final long timestamp;
    private final int sequence;
    private final int keyPosition;
    private final int keySize;
    private final int valuePosition;
    private final int valueSize;
    private final int headersPosition;
    private final int end;

    private DefaultRecord(ByteBuffer buffer, int sizeInBytes, long offset, long timestamp, int sequence,
                          int keyPosition, int keySize, int valuePosition, int valueSize,
                          int headersPosition, int end) {
        this.buffer = buffer;
        this.sizeInBytes = sizeInBytes;
        this.offset = offset;
        this.timestamp = timestamp;
        this.sequence = sequence;
        this.keyPosition = keyPosition;
        this.keySize = keySize;
        this.valuePosition = valuePosition;
        this.valueSize = valueSize;
        this.headersPosition = headersPosition;
        this.end = end;
    }

    /**
     * Decodes the record at {@code buffer}'s position and moves the position past it.
     *
     * @param buffer        the records bytes
     * @param baseOffset    the batch's base offset
     * @param baseTimestamp the batch's base timestamp
     * @param baseSequence  the batch's base sequence
     * @param logAppendTime whether the batch is LogAppendTime
     * @param appendTime    the batch max timestamp (used when logAppendTime)
     * @return the record
     * @throws CorruptRecordException if the record is malformed
     */
    static DefaultRecord readFrom(ByteBuffer buffer, long baseOffset, long baseTimestamp, int baseSequence,
                                  boolean logAppendTime, long appendTime) {
        int start = buffer.position();
        int limit = buffer.limit();
        long v = ByteUtils.varintAt(buffer, start);
        int length = (int) (v >> 32);
        int p = (int) v;
        if (length < 6 || length > limit - p) {
            throw new CorruptRecordException("Record length " + length + " is out of bounds (" + (limit - p)
                    + " bytes remain in the batch)");
        }
        int end = p + length;
        p++; // attributes, unused
        long timestampDelta;
        {
            long raw = 0;
            int shift = 0;
            int b;
            do {
                if (shift > 63) {
                    throw new CorruptRecordException("Varlong is longer than 10 bytes at buffer position " + p);
                }
                b = buffer.get(p++);
                raw |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            timestampDelta = (raw >>> 1) ^ -(raw & 1);
        }
        v = ByteUtils.varintAt(buffer, p);
        int offsetDelta = (int) (v >> 32);
        v = ByteUtils.varintAt(buffer, (int) v);
        int keySize = (int) (v >> 32);
        int keyPosition = (int) v;
        p = keyPosition;
        if (keySize >= 0) {
            if (keySize > end - keyPosition) {
                throw new CorruptRecordException("Record key length " + keySize + " overruns its record");
            }
            p += keySize;
        } else if (keySize != -1) {
            throw new CorruptRecordException("Record key length " + keySize + " is negative");
        }
        v = ByteUtils.varintAt(buffer, p);
        int valueSize = (int) (v >> 32);
        int valuePosition = (int) v;
        p = valuePosition;
        if (valueSize >= 0) {
            if (valueSize > end - valuePosition) {
                throw new CorruptRecordException("Record value length " + valueSize + " overruns its record");
            }
            p += valueSize;
        } else if (valueSize != -1) {
            throw new CorruptRecordException("Record value length " + valueSize + " is negative");
        }
        if (p >= end) {
            throw new CorruptRecordException("Record has no header count");
        }
        buffer.position(end);
        long timestamp = logAppendTime ? appendTime : baseTimestamp + timestampDelta;
        int sequence = baseSequence == RecordBatch.NO_SEQUENCE ? RecordBatch.NO_SEQUENCE
                : DefaultRecordBatch.incrementSequence(baseSequence, offsetDelta);
        return new DefaultRecord(buffer, end - start, baseOffset + offsetDelta, timestamp, sequence, keyPosition,
                keySize, valuePosition, valueSize, p, end);
    }

    /**
     * @param keySize     key length or -1
     * @param valueSize   value length or -1
     * @param headers     the headers (not null)
     * @param offsetDelta offset delta
     * @param timestampDelta timestamp delta
     * @return the body size (without the length prefix) of the record these fields encode to
     */
    static int sizeOfBodyInBytes(int offsetDelta, long timestampDelta, int keySize, int valueSize, Header[] headers) {
        int size = 1 + ByteUtils.sizeOfVarlong(timestampDelta) + ByteUtils.sizeOfVarint(offsetDelta);
        size += ByteUtils.sizeOfVarint(keySize) + Math.max(0, keySize);
        size += ByteUtils.sizeOfVarint(valueSize) + Math.max(0, valueSize);
        size += ByteUtils.sizeOfVarint(headers.length);
        for (Header h : headers) {
            int kl = utf8Length(h.key());
            size += ByteUtils.sizeOfVarint(kl) + kl;
            byte[] v = h.value();
            size += v == null ? ByteUtils.sizeOfVarint(-1) : ByteUtils.sizeOfVarint(v.length) + v.length;
        }
        return size;
    }

    static int utf8Length(String s) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return len;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public int sequence() {
        return sequence;
    }

    @Override
    public int sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public int keySize() {
        return keySize;
    }

    @Override
    public boolean hasKey() {
        return keySize >= 0;
    }

    @Override
    public ByteBuffer key() {
        return keySize < 0 ? null : buffer.asReadOnlyBuffer().position(keyPosition).limit(keyPosition + keySize).slice();
    }

    @Override
    public int valueSize() {
        return valueSize;
    }

    @Override
    public boolean hasValue() {
        return valueSize >= 0;
    }

    @Override
    public ByteBuffer value() {
        return valueSize < 0 ? null
                : buffer.asReadOnlyBuffer().position(valuePosition).limit(valuePosition + valueSize).slice();
    }

    /**
     * Copies the key into {@code dst} at {@code offset} without creating a view (for hashing in the cleaner).
     *
     * @param dst    the destination, at least {@link #keySize()} long from {@code offset}
     * @param offset where to write
     */
    public void copyKeyTo(byte[] dst, int offset) {
        if (keySize > 0) {
            buffer.get(keyPosition, dst, offset, keySize);
        }
    }

    @Override
    public Header[] headers() {
        ByteBuffer b = buffer.duplicate().position(headersPosition).limit(end);
        int count = ByteUtils.readVarint(b);
        if (count < 0 || count > b.remaining()) {
            throw new CorruptRecordException("Record at offset " + offset + " has an invalid header count " + count);
        }
        Header[] headers = new Header[count];
        for (int i = 0; i < count; i++) {
            int kl = ByteUtils.readVarint(b);
            if (kl < 0 || kl > b.remaining()) {
                throw new CorruptRecordException("Record at offset " + offset + " has an invalid header key length " + kl);
            }
            byte[] k = new byte[kl];
            b.get(k);
            int vl = ByteUtils.readVarint(b);
            byte[] v = null;
            if (vl >= 0) {
                if (vl > b.remaining()) {
                    throw new CorruptRecordException("Record at offset " + offset + " has a header value overrunning it");
                }
                v = new byte[vl];
                b.get(v);
            }
            headers[i] = new RecordHeader(new String(k, StandardCharsets.UTF_8), v);
        }
        if (b.hasRemaining()) {
            throw new CorruptRecordException("Record at offset " + offset + " has " + b.remaining()
                    + " bytes after its headers");
        }
        return headers;
    }

    @Override
    public String toString() {
        return "DefaultRecord(offset=" + offset + ", timestamp=" + timestamp + ", key=" + keySize
                + " bytes, value=" + valueSize + " bytes)";
    }
}
