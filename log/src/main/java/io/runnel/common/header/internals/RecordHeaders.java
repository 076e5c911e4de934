package io.runnel.common.header.internals;

import io.runnel.common.header.Header;
import io.runnel.common.header.Headers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The list-backed {@link Headers} implementation. Not thread-safe.
 */
public final class RecordHeaders implements Headers {

    private final List<Header> headers;
    private boolean readOnly;

    /** Creates empty headers. */
    public RecordHeaders() {
        this.headers = new ArrayList<>();
    }

    /**
     * Creates headers holding a copy of the given ones.
     *
     * @param headers the initial headers, may be null for none
     */
    public RecordHeaders(Iterable<Header> headers) {
        this.headers = new ArrayList<>();
        if (headers != null) {
            headers.forEach(this.headers::add);
        }
    }

    /**
     * Creates headers holding a copy of the given ones.
     *
     * @param headers the initial headers, may be null for none
     */
    public RecordHeaders(Header[] headers) {
        this.headers = headers == null ? new ArrayList<>() : new ArrayList<>(List.of(headers));
    }

    /** Makes these headers read-only; later mutations throw {@link IllegalStateException}. */
    public void setReadOnly() {
        readOnly = true;
    }

    @Override
    public Headers add(Header header) {
        checkWritable();
        headers.add(Objects.requireNonNull(header, "header"));
        return this;
    }

    @Override
    public Headers add(String key, byte[] value) {
        return add(new RecordHeader(key, value));
    }

    @Override
    public Headers remove(String key) {
        checkWritable();
        headers.removeIf(h -> h.key().equals(key));
        return this;
    }

    @Override
    public Header lastHeader(String key) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(key)) {
                return headers.get(i);
            }
        }
        return null;
    }

    @Override
    public Iterable<Header> headers(String key) {
        List<Header> matching = new ArrayList<>();
        for (Header h : headers) {
            if (h.key().equals(key)) {
                matching.add(h);
            }
        }
        return matching;
    }

    @Override
    public Header[] toArray() {
        return headers.toArray(new Header[0]);
    }

    @Override
    public Iterator<Header> iterator() {
        return readOnly ? Collections.unmodifiableList(headers).iterator() : headers.iterator();
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("RecordHeaders has been closed: headers of a record that was "
                    + "already sent cannot be changed; copy them into a new record instead");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordHeaders other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return "RecordHeaders(headers = " + headers + ", isReadOnly = " + readOnly + ")";
    }
}
