package io.runnel.streams.state.internals;

import io.runnel.common.utils.Bytes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The store key layouts sort exactly as their tuples do, and convert to and from Kafka's changelog layouts. */
class KeySchemaPropertiesTest {

    private static int compareTuple(byte[] k1, long t1, int s1, byte[] k2, long t2, int s2) {
        int c = Arrays.compareUnsigned(k1, k2);
        if (c != 0) {
            return Integer.signum(c);
        }
        c = Long.compare(t1, t2);
        return c != 0 ? Integer.signum(c) : Integer.signum(Integer.compareUnsigned(s1, s2));
    }

    @Property(tries = 2000)
    void windowStoreKeysSortAsKeyThenTimestampThenSeqnum(@ForAll @Size(max = 6) byte[] k1, @ForAll long t1,
                                                          @ForAll int s1, @ForAll @Size(max = 6) byte[] k2,
                                                          @ForAll long t2, @ForAll int s2) {
        Bytes a = WindowKeySchema.toStoreKey(k1, t1, s1);
        Bytes b = WindowKeySchema.toStoreKey(k2, t2, s2);
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(compareTuple(k1, t1, s1, k2, t2, s2));
    }

    @Property(tries = 2000)
    void windowKeysSortWithinRangeBoundsOfTheirKey(@ForAll @Size(max = 4) byte[] key, @ForAll @Size(max = 4) byte[] other,
                                                   @ForAll long t) {
        Bytes lower = WindowKeySchema.toStoreKey(key, Long.MIN_VALUE, 0);
        Bytes upper = WindowKeySchema.toStoreKey(key, Long.MAX_VALUE, -1);
        Bytes candidate = WindowKeySchema.toStoreKey(other, t, 7);
        boolean inside = candidate.compareTo(lower) >= 0 && candidate.compareTo(upper) <= 0;
        assertThat(inside).isEqualTo(Arrays.equals(key, other));
    }

    @Property(tries = 1000)
    void windowKeysRoundTripThroughTheChangelogLayout(@ForAll @Size(max = 8) byte[] key, @ForAll long t,
                                                      @ForAll int seq) {
        Bytes storeKey = WindowKeySchema.toStoreKey(key, t, seq);
        assertThat(WindowKeySchema.extractKey(storeKey.get()).get()).isEqualTo(key);
        assertThat(WindowKeySchema.extractTimestamp(storeKey.get())).isEqualTo(t);
        assertThat(WindowKeySchema.extractSeqnum(storeKey.get())).isEqualTo(seq);
        Bytes changelog = WindowKeySchema.storeToChangelogKey(storeKey.get());
        assertThat(changelog.get()).isEqualTo(ByteBuffer.allocate(key.length + 12).put(key).putLong(t).putInt(seq)
                .array());
        assertThat(WindowKeySchema.changelogToStoreKey(changelog.get())).isEqualTo(storeKey);
    }

    @Property(tries = 2000)
    void sessionStoreKeysSortAsKeyThenEndThenStart(@ForAll @Size(max = 6) byte[] k1, @ForAll long s1,
                                                   @ForAll long e1, @ForAll @Size(max = 6) byte[] k2,
                                                   @ForAll long s2, @ForAll long e2) {
        Bytes a = SessionKeySchema.toStoreKey(k1, s1, e1);
        Bytes b = SessionKeySchema.toStoreKey(k2, s2, e2);
        int expected = Integer.signum(Arrays.compareUnsigned(k1, k2));
        if (expected == 0) {
            expected = Integer.signum(Long.compare(e1, e2));
        }
        if (expected == 0) {
            expected = Integer.signum(Long.compare(s1, s2));
        }
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void sessionKeysRoundTripThroughTheChangelogLayout(@ForAll @Size(max = 8) byte[] key, @ForAll long start,
                                                       @ForAll long end) {
        Bytes changelog = SessionKeySchema.toChangelogKey(key, start, end);
        assertThat(changelog.get()).isEqualTo(ByteBuffer.allocate(key.length + 16).put(key).putLong(end)
                .putLong(start).array());
        Bytes storeKey = SessionKeySchema.changelogToStoreKey(changelog.get());
        assertThat(SessionKeySchema.extractKey(storeKey.get()).get()).isEqualTo(key);
        assertThat(SessionKeySchema.extractStart(storeKey.get())).isEqualTo(start);
        assertThat(SessionKeySchema.extractEnd(storeKey.get())).isEqualTo(end);
    }
}
