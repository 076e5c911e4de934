package io.runnel.server;

import io.runnel.common.errors.RunnelStorageException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/*
 * File layout: <log.dir>/producer-id-block holds one line, the first producer id not yet handed out to a block
 * (decimal). Ids are handed out in blocks of BLOCK_SIZE; the end of a block is written (tmp file, fsync, atomic
 * rename) before any id of it is used, so after a crash the next block starts above every id ever used: the log's
 * producer state (which survives restarts) never sees an old producer's sequence numbers under a new producer.
 */
/**
 * Hands out producer ids for idempotent producers (Kafka's producer id manager, reduced to one node). Thread-safe.
 */
final class ProducerIdManager {

    static final String FILE_NAME = "producer-id-block";
    static final long BLOCK_SIZE = 1000;

    private final Path file;
    private long next;
    private long blockEnd;

    ProducerIdManager(Path logDir) {
        this.file = logDir.resolve(FILE_NAME);
        long start = 0;
        if (Files.exists(file)) {
            try {
                start = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
            } catch (IOException | NumberFormatException e) {
                throw new RunnelStorageException("Could not read " + file + ": " + e.getMessage()
                        + " (delete it only if no idempotent producer ever wrote to this log)", e);
            }
        }
        this.next = start;
        this.blockEnd = start;
    }

    synchronized long nextProducerId() {
        if (next >= blockEnd) {
            blockEnd = next + BLOCK_SIZE;
            persist(blockEnd);
        }
        return next++;
    }

    private void persist(long value) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RunnelStorageException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
