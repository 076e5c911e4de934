package io.runnel.common.record;

import io.runnel.common.errors.CorruptRecordException;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Walks whole batches in a buffer, checking size bounds and magic. Package-private. */
final class ByteBufferBatchIterator implements Iterator<DefaultRecordBatch> {

    private final ByteBuffer buffer;
    private final String source;
    private int position;
    private DefaultRecordBatch next;

    ByteBufferBatchIterator(ByteBuffer buffer, String source) {
        this.buffer = buffer.duplicate();
        this.source = source;
        this.position = this.buffer.position();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public DefaultRecordBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DefaultRecordBatch b = next;
        next = null;
        return b;
    }

    private DefaultRecordBatch advance() {
        int remaining = buffer.limit() - position;
        if (remaining < DefaultRecordBatch.LOG_OVERHEAD) {
            return null;
        }
        int length = buffer.getInt(position + DefaultRecordBatch.LENGTH_OFFSET);
        long baseOffset = buffer.getLong(position + DefaultRecordBatch.BASE_OFFSET_OFFSET);
        if (length < DefaultRecordBatch.RECORD_BATCH_OVERHEAD - DefaultRecordBatch.LOG_OVERHEAD) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset + " (" + source + ", position "
                    + position + ") has length " + length + ", smaller than the minimum "
                    + (DefaultRecordBatch.RECORD_BATCH_OVERHEAD - DefaultRecordBatch.LOG_OVERHEAD));
        }
        int size = DefaultRecordBatch.LOG_OVERHEAD + length;
        if (remaining < size) {
            return null;
        }
        byte magic = buffer.get(position + DefaultRecordBatch.MAGIC_OFFSET);
        if (magic != RecordBatch.MAGIC_VALUE_V2) {
            throw new CorruptRecordException("Record batch at offset " + baseOffset + " (" + source + ", position "
                    + position + ") has magic " + magic + ": only RecordBatch v2 (magic 2) is supported");
        }
        ByteBuffer slice = buffer.duplicate().position(position).limit(position + size).slice();
        position += size;
        return new DefaultRecordBatch(slice);
    }
}
