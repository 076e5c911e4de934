package io.runnel.streams.state.internals.rocksdb;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our Java encoding of a WriteBatch equals RocksDB's own, byte for byte. */
class WriteBatchEncoderTest {

    static {
        RocksDB.loadLibrary();
    }

    @Property(tries = 200)
    void shouldEncodeExactlyAsRocksDB(@ForAll @Size(max = 20) List<@Size(min = 0, max = 300) byte[]> keys,
                                      @ForAll @Size(max = 200) byte[] value) throws RocksDBException {
        WriteBatchEncoder encoder = new WriteBatchEncoder(16);
        try (WriteBatch reference = new WriteBatch()) {
            int i = 0;
            for (byte[] key : keys) {
                if (i++ % 3 == 2) {
                    reference.delete(key);
                    encoder.delete(key);
                } else {
                    reference.put(key, value);
                    encoder.put(key, value);
                }
            }
            byte[] ours = encoder.toByteArray();
            assertThat(ours).isEqualTo(reference.data());
            try (WriteBatch decoded = new WriteBatch(ours)) {
                assertThat(decoded.count()).isEqualTo(keys.size());
            }
        }
    }
}
