package io.runnel.common.record.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses and decompresses the records section of a RecordBatch v2 for each codec, with Kafka's framing:
 *
 * <table>
 *   <caption>Codec framing</caption>
 *   <tr><th>id</th><th>codec</th><th>framing written</th><th>accepted on read</th></tr>
 *   <tr><td>1</td><td>gzip</td><td>one RFC 1952 member ({@link GZIPOutputStream})</td><td>any gzip stream</td></tr>
 *   <tr><td>2</td><td>snappy</td><td>snappy-java's {@code SnappyOutputStream} block framing (magic
 *       {@code 0x82 SNAPPY 0x00}), the framing Kafka's producer writes</td><td>the same</td></tr>
 *   <tr><td>3</td><td>lz4</td><td>LZ4 frame format: magic {@code 0x184D2204}, FLG {@code 0x60} (version 1,
 *       independent blocks, no block or content checksum), BD {@code 0x40} (64 KiB blocks), as Kafka's
 *       {@code Lz4BlockOutputStream}</td><td>any LZ4 frame</td></tr>
 *   <tr><td>4</td><td>zstd</td><td>one zstd frame (level 3, Kafka's default)</td><td>any zstd frames</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe. Failures of a codec (malformed input) surface as {@link IOException}s wrapped in
 * {@link CompressionException}; the record layer adds the batch's position and offset to the message.
 */
public final class Compression {

    /** Codec id of gzip. */
    public static final int GZIP = 1;
    /** Codec id of snappy. */
    public static final int SNAPPY = 2;
    /** Codec id of lz4. */
    public static final int LZ4 = 3;
    /** Codec id of zstd. */
    public static final int ZSTD = 4;

    private static final int ZSTD_LEVEL = 3;
    private static final int GZIP_BUFFER = 8 * 1024;

    private Compression() {
    }

    /** A codec failed (malformed compressed data, or a native library that could not load). */
    public static final class CompressionException extends RuntimeException {
        CompressionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Compresses {@code src[offset, offset + length)} into a new heap buffer that starts with {@code headroom}
     * unused bytes (room for the batch header, so the caller never copies).
     *
     * @param codec    1-4 (gzip, snappy, lz4, zstd)
     * @param src      the uncompressed bytes
     * @param offset   where they start
     * @param length   how many
     * @param headroom bytes to leave free at the start of the result
     * @return a buffer with position 0 and limit {@code headroom + compressed length}
     * @throws IllegalArgumentException for an unknown codec
     * @throws CompressionException if the codec fails
     */
    public static ByteBuffer compress(int codec, byte[] src, int offset, int length, int headroom) {
        try {
            if (codec == ZSTD) {
                int bound = (int) Zstd.compressBound(length);
                byte[] dst = new byte[headroom + bound];
                long n = Zstd.compressByteArray(dst, headroom, bound, src, offset, length, ZSTD_LEVEL);
                if (Zstd.isError(n)) {
                    throw new IOException("zstd compression failed: " + Zstd.getErrorName(n));
                }
                return ByteBuffer.wrap(dst, 0, headroom + (int) n).slice();
            }
            Growable out = new Growable(headroom + Math.max(64, length / 2), headroom);
            try (OutputStream stream = wrap(codec, out)) {
                stream.write(src, offset, length);
            }
            return ByteBuffer.wrap(out.buf, 0, out.count);
        } catch (IOException e) {
            throw new CompressionException(name(codec) + " compression failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decompresses a whole compressed records section.
     *
     * @param codec      1-4
     * @param src        the compressed bytes, from its position to its limit (not moved)
     * @param sizeHint   the expected uncompressed size, or 0 when unknown
     * @return a heap buffer with the uncompressed bytes (position 0)
     * @throws IllegalArgumentException for an unknown codec
     * @throws CompressionException if the data is malformed for the codec
     */
    public static ByteBuffer decompress(int codec, ByteBuffer src, int sizeHint) {
        try {
            if (codec == ZSTD && src.hasArray()) {
                byte[] a = src.array();
                int off = src.arrayOffset() + src.position();
                long contentSize = Zstd.getFrameContentSize(a, off, src.remaining());
                if (contentSize > 0 && contentSize < Integer.MAX_VALUE - 16) {
                    byte[] dst = new byte[(int) contentSize];
                    long n = Zstd.decompressByteArray(dst, 0, dst.length, a, off, src.remaining());
                    if (!Zstd.isError(n) && n == contentSize) {
                        return ByteBuffer.wrap(dst);
                    }
                }
            }
            InputStream in = unwrap(codec, new BufferInput(src.duplicate()));
            try (in) {
                byte[] buf = new byte[Math.max(1024, sizeHint > 0 ? sizeHint : src.remaining() * 4)];
                int count = 0;
                while (true) {
                    if (count == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = in.read(buf, count, buf.length - count);
                    if (n < 0) {
                        break;
                    }
                    count += n;
                }
                return ByteBuffer.wrap(buf, 0, count);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("Unknown compression codec")) {
                throw iae;
            }
            throw new CompressionException(name(codec) + " decompression failed: " + e, e);
        }
    }

    private static OutputStream wrap(int codec, OutputStream out) throws IOException {
        switch (codec) {
            case GZIP: return new GZIPOutputStream(out, GZIP_BUFFER);
            case SNAPPY: return new SnappyOutputStream(out);
            case LZ4: return new LZ4FrameOutputStream(out, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                    LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE);
            default: throw new IllegalArgumentException("Unknown compression codec id " + codec + ": expected 1-4");
        }
    }

    private static InputStream unwrap(int codec, InputStream in) throws IOException {
        switch (codec) {
            case GZIP: return new GZIPInputStream(in, GZIP_BUFFER);
            case SNAPPY: return new SnappyInputStream(in);
            case LZ4: return new LZ4FrameInputStream(in);
            case ZSTD: return new ZstdInputStreamNoFinalizer(in);
            default: throw new IllegalArgumentException("Unknown compression codec id " + codec + ": expected 1-4");
        }
    }

    private static String name(int codec) {
        switch (codec) {
            case GZIP: return "gzip";
            case SNAPPY: return "snappy";
            case LZ4: return "lz4";
            case ZSTD: return "zstd";
            default: return "codec " + codec;
        }
    }

    /** An output stream over a growable array that leaves {@code headroom} bytes free at the start. */
    private static final class Growable extends OutputStream {
        byte[] buf;
        int count;

        Growable(int capacity, int headroom) {
            this.buf = new byte[capacity];
            this.count = headroom;
        }

        private void ensure(int extra) {
            if (count + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + extra));
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }
    }

    /** An input stream over a buffer's remaining bytes. */
    private static final class BufferInput extends InputStream {
        private final ByteBuffer buffer;

        BufferInput(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return buffer.remaining();
        }
    }
}
