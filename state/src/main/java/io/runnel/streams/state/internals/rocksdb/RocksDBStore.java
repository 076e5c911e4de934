package io.runnel.streams.state.internals.rocksdb;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.serialization.Serializer;
import io.runnel.common.utils.Bytes;
import io.runnel.streams.KeyValue;
import io.runnel.streams.errors.ProcessorStateException;
import io.runnel.streams.processor.ChangelogRecord;
import io.runnel.streams.processor.RecordBatchingStateRestoreCallback;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.RocksDBConfigSetter;
import io.runnel.streams.state.internals.AbstractKeyValueIterator;
import io.runnel.streams.state.internals.Iterators;
import io.runnel.streams.state.internals.Segment;
import io.runnel.streams.state.internals.StoreGuards;
import io.runnel.streams.state.internals.ValueFormat;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/*
 * Design: a RocksDB instance as a sorted bytes store.
 *
 * One instance per key-value store (<task dir>/rocksdb/<store>) or per segment of a window/session store
 * (<task dir>/<store>/<store>.<segment start ms>). Every instance:
 *   - shares the application instance's block cache and write buffer manager (RocksDBMemory), so memory is bounded
 *     no matter how many stores and segments are open;
 *   - writes with the WAL disabled: the changelog topic is the durability, and flush() flushes memtables to SST
 *     files so that what the checkpoint file claims is on disk is on disk;
 *   - restores whole changelog batches with one WriteBatch;
 *   - uses RocksDB's default bytewise comparator, which is Bytes' order, so in-memory and RocksDB stores iterate
 *     alike.
 *
 * Native memory: every RocksObject this class creates (options, write and flush options, filter, iterators, the
 * database) is tracked in `nativeObjects` or `openIterators` and closed in close(), iterators first. An iterator
 * the caller forgot to close is closed with the store (and logged), as Kafka does. Failures are wrapped in
 * ProcessorStateException naming the store and its directory.
 */
/**
 * A RocksDB key-value bytes store; also a segment of RocksDB window and session stores. Used by one task thread.
 */
public class RocksDBStore implements Segment {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RocksDBStore.class);
    /** Memtable size of one instance (Kafka's default); the write buffer manager bounds the total. */
    static final long WRITE_BUFFER_SIZE = 16L * 1024 * 1024;
    static final long BLOCK_SIZE = 4096L;
    /**
     * Memtable arena allocation unit. RocksDB's default (write buffer size / 8 = 2 MiB) would make every open
     * instance hold 2 MiB before its first write, which with dozens of segments breaks the budget.
     */
    static final long ARENA_BLOCK_SIZE = 256L * 1024;

    static {
        RocksDB.loadLibrary();
    }

    private final String name;
    private final String parentDir;
    private final long segmentId;
    private final ValueFormat valueFormat;

    private File dbDir;
    private RocksDB db;
    private Options options;
    private WriteOptions writeOptions;
    private FlushOptions flushOptions;
    private RocksDBConfigSetter configSetter;
    private final List<RocksObject> nativeObjects = new ArrayList<>();
    private final Set<KeyValueIterator<Bytes, byte[]>> openIterators =
            Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean open;
    private WriteBatchEncoder restoreEncoder;
    private boolean bulkLoading;

    /**
     * A key-value store at {@code <task dir>/rocksdb/<name>}.
     *
     * @param name        the store name
     * @param valueFormat how restored changelog values become store values
     */
    public RocksDBStore(String name, ValueFormat valueFormat) {
        this(name, "rocksdb", -1, valueFormat);
    }

    private RocksDBStore(String name, String parentDir, long segmentId, ValueFormat valueFormat) {
        this.name = name;
        this.parentDir = parentDir;
        this.segmentId = segmentId;
        this.valueFormat = valueFormat;
    }

    /**
     * @param context the task context (state directory, configuration, shared memory)
     * @return a factory of RocksDB segments under {@code <task dir>/<store>/}
     */
    public static Segment.Factory segmentFactory(StateStoreContext context) {
        return new Segment.Factory() {
            @Override
            public Segment open(String storeName, long segmentId, long startMs) {
                RocksDBStore segment = new RocksDBStore(storeName + "." + startMs, storeName, segmentId,
                        ValueFormat.PLAIN);
                segment.openDB(context);
                return segment;
            }

            @Override
            public List<long[]> existing(String storeName) {
                File dir = new File(context.stateDir(), storeName);
                File[] children = dir.listFiles(File::isDirectory);
                List<long[]> found = new ArrayList<>();
                if (children == null) {
                    return found;
                }
                String prefix = storeName + ".";
                for (File child : children) {
                    if (child.getName().startsWith(prefix)) {
                        try {
                            found.add(new long[] {Long.parseLong(child.getName().substring(prefix.length()))});
                        } catch (NumberFormatException e) {
                            LOG.warn("Ignoring unexpected directory {} in segmented store {}", child, storeName);
                        }
                    }
                }
                return found;
            }
        };
    }

    @Override
    public long id() {
        return segmentId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        if (open) {
            throw new IllegalStateException("Store " + name + " is already initialised");
        }
        openDB(context);
        context.register(root, (RecordBatchingStateRestoreCallback) this::restoreBatch);
    }

    private void openDB(StateStoreContext context) {
        dbDir = new File(new File(context.stateDir(), parentDir), name);
        try {
            Files.createDirectories(dbDir.toPath());
        } catch (IOException e) {
            throw new ProcessorStateException("RocksDB " + StoreGuards.describe(name, dbDir)
                    + " failed to create its directory: " + e.getMessage(), e);
        }
        RocksDBMemory memory = context.resources().rocksDBMemory();
        BlockBasedTableConfig tableConfig = new BlockBasedTableConfig();
        BloomFilter filter = track(new BloomFilter(10));
        tableConfig.setFilterPolicy(filter);
        tableConfig.setBlockSize(BLOCK_SIZE);
        options = track(new Options());
        options.setCreateIfMissing(true);
        options.setErrorIfExists(false);
        options.setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
        options.setWriteBufferSize(WRITE_BUFFER_SIZE);
        options.setMaxWriteBufferNumber(3);
        options.setArenaBlockSize(ARENA_BLOCK_SIZE);
        options.setCompressionType(CompressionType.NO_COMPRESSION);
        options.setIncreaseParallelism(Math.max(Runtime.getRuntime().availableProcessors(), 2));
        options.setKeepLogFileNum(2);
        memory.configure(options, tableConfig);
        options.setTableFormatConfig(tableConfig);
        writeOptions = track(new WriteOptions());
        writeOptions.setDisableWAL(true);
        flushOptions = track(new FlushOptions());
        flushOptions.setWaitForFlush(true);

        Class<?> setterClass = context.resources().config().rocksDBConfigSetter();
        if (setterClass != null) {
            configSetter = AbstractConfig.newInstance(setterClass, RocksDBConfigSetter.class,
                    "rocksdb.config.setter");
            configSetter.setConfig(name, options, context.appConfigs());
        }
        try {
            db = RocksDB.open(options, dbDir.getAbsolutePath());
        } catch (RocksDBException e) {
            closeNativeObjects();
            throw new ProcessorStateException("RocksDB " + StoreGuards.describe(name, dbDir) + " failed to open: "
                    + e.getMessage(), e);
        }
        open = true;
    }

    private <T extends RocksObject> T track(T object) {
        nativeObjects.add(object);
        return object;
    }

    /**
     * Bulk-load mode while restoring: automatic compactions are off (RocksDB then also skips its L0-file-count write
     * stalls), which doubles the restore rate on a small machine. Left on the first normal write, flush or close;
     * RocksDB then compacts the accumulated L0 files in the background.
     */
    private void bulkLoading(boolean on) {
        if (bulkLoading == on) {
            return;
        }
        try {
            db.setOptions(MutableColumnFamilyOptions.builder().setDisableAutoCompactions(on).build());
        } catch (RocksDBException e) {
            throw failure(on ? "enter bulk-load mode for restoration" : "leave bulk-load mode", e);
        }
        bulkLoading = on;
    }

    private void restoreBatch(Collection<ChangelogRecord> records) {
        StoreGuards.ensureOpen(open, name);
        bulkLoading(true);
        if (restoreEncoder == null) {
            restoreEncoder = new WriteBatchEncoder(64 * 1024);
        }
        restoreEncoder.reset();
        for (ChangelogRecord r : records) {
            byte[] value = valueFormat.fromChangelog(r.value(), r.timestamp());
            if (value == null) {
                restoreEncoder.delete(r.key());
            } else {
                restoreEncoder.put(r.key(), value);
            }
        }
        try (WriteBatch batch = new WriteBatch(restoreEncoder.toByteArray())) {
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("restore a batch of " + records.size() + " changelog records", e);
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private ProcessorStateException failure(String action, RocksDBException e) {
        return new ProcessorStateException("RocksDB " + StoreGuards.describe(name, dbDir) + " failed to " + action
                + ": " + e.getMessage(), e);
    }

    @Override
    public byte[] get(Bytes key) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        try {
            return db.get(key.get());
        } catch (RocksDBException e) {
            throw failure("get", e);
        }
    }

    @Override
    public void put(Bytes key, byte[] value) {
        StoreGuards.ensureOpen(open, name);
        StoreGuards.requireKey(key, name);
        if (bulkLoading) {
            bulkLoading(false);
        }
        try {
            if (value == null) {
                db.delete(writeOptions, key.get());
            } else {
                db.put(writeOptions, key.get(), value);
            }
        } catch (RocksDBException e) {
            throw failure("put", e);
        }
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        StoreGuards.ensureOpen(open, name);
        for (KeyValue<Bytes, byte[]> kv : entries) {
            StoreGuards.requireKey(kv.key, name);
        }
        if (bulkLoading) {
            bulkLoading(false);
        }
        write(entries);
    }

    /** Restoration of a segment: enters bulk-load mode, like a restored key-value store. */
    @Override
    public void writeBatch(List<KeyValue<Bytes, byte[]>> entries) {
        StoreGuards.ensureOpen(open, name);
        bulkLoading(true);
        write(entries);
    }

    private void write(List<KeyValue<Bytes, byte[]>> entries) {
        try (WriteBatch batch = new WriteBatch()) {
            for (KeyValue<Bytes, byte[]> kv : entries) {
                if (kv.value == null) {
                    batch.delete(kv.key.get());
                } else {
                    batch.put(kv.key.get(), kv.value);
                }
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("write a batch of " + entries.size(), e);
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] old = get(key);
        put(key, null);
        return old;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return iterate(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return iterate(from, to, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return iterate(null, null, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return iterate(null, null, false);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        StoreGuards.requireKey(prefix, name);
        byte[] raw = prefixSerializer.serialize(null, prefix);
        if (raw == null) {
            throw new NullPointerException("Prefix serializer returned null for prefix " + prefix + " (store " + name
                    + ")");
        }
        return Iterators.filter(iterate(Bytes.wrap(raw), null, true), kv -> startsWith(kv.key.get(), raw),
                kv -> true);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public long approximateNumEntries() {
        StoreGuards.ensureOpen(open, name);
        try {
            long n = db.getLongProperty("rocksdb.estimate-num-keys");
            return n < 0 ? Long.MAX_VALUE : n;
        } catch (RocksDBException e) {
            throw failure("estimate its number of entries", e);
        }
    }

    @Override
    public void flush() {
        StoreGuards.ensureOpen(open, name);
        bulkLoading(false);
        try {
            db.flush(flushOptions);
        } catch (RocksDBException e) {
            throw failure("flush", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        if (!openIterators.isEmpty()) {
            LOG.warn("Closing {} open iterators of RocksDB store {}: iterators must be closed after use",
                    openIterators.size(), name);
            for (KeyValueIterator<Bytes, byte[]> it : new ArrayList<>(openIterators)) {
                it.close();
            }
        }
        db.close();
        db = null;
        if (configSetter != null) {
            configSetter.close(name, options);
        }
        closeNativeObjects();
    }

    private void closeNativeObjects() {
        for (int i = nativeObjects.size() - 1; i >= 0; i--) {
            nativeObjects.get(i).close();
        }
        nativeObjects.clear();
    }

    /** @return whether automatic compactions are off for a restoration in progress */
    boolean isBulkLoading() {
        return bulkLoading;
    }

    /** @return how many native objects (options, filters, iterators, the database) this store holds open now */
    int openNativeObjects() {
        int n = openIterators.size() + (db != null ? 1 : 0);
        for (RocksObject o : nativeObjects) {
            if (o.isOwningHandle()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void destroy() {
        close();
        if (dbDir != null) {
            try (Stream<java.nio.file.Path> paths = Files.walk(dbDir.toPath())) {
                for (java.nio.file.Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new ProcessorStateException("RocksDB " + StoreGuards.describe(name, dbDir)
                        + " failed to delete its files: " + e.getMessage(), e);
            }
        }
    }

    /** @return the database directory, or null before it is opened */
    public File directory() {
        return dbDir;
    }

    private synchronized KeyValueIterator<Bytes, byte[]> iterate(Bytes from, Bytes to, boolean forward) {
        StoreGuards.ensureOpen(open, name);
        if (from != null && to != null && from.compareTo(to) > 0) {
            return Iterators.empty();
        }
        RocksIterator it = db.newIterator();
        KeyValueIterator<Bytes, byte[]> result = new AbstractKeyValueIterator<>() {
            private boolean started;

            @Override
            protected KeyValue<Bytes, byte[]> computeNext() {
                if (!started) {
                    started = true;
                    if (forward) {
                        if (from == null) {
                            it.seekToFirst();
                        } else {
                            it.seek(from.get());
                        }
                    } else if (to == null) {
                        it.seekToLast();
                    } else {
                        it.seekForPrev(to.get());
                    }
                } else if (forward) {
                    it.next();
                } else {
                    it.prev();
                }
                if (!it.isValid()) {
                    try {
                        it.status();
                    } catch (RocksDBException e) {
                        throw failure("iterate", e);
                    }
                    return null;
                }
                Bytes key = Bytes.wrap(it.key());
                if (forward ? (to != null && key.compareTo(to) > 0) : (from != null && key.compareTo(from) < 0)) {
                    return null;
                }
                return KeyValue.pair(key, it.value());
            }

            @Override
            protected void checkUsable() {
                StoreGuards.ensureOpen(open, name);
            }

            @Override
            protected void onClose() {
                synchronized (RocksDBStore.this) {
                    openIterators.remove(this);
                    it.close();
                }
            }
        };
        openIterators.add(result);
        return result;
    }

    /**
     * @param context the task context
     * @param name    the store name
     * @return the directory a key-value store of that name uses
     */
    public static File directoryOf(StateStoreContext context, String name) {
        return new File(new File(context.stateDir(), "rocksdb"), name);
    }
}
