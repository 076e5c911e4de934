/**
 * Source offset storage: an {@link io.runnel.connect.runtime.storage.OffsetBackingStore} of serialized offsets
 * (in memory, or the standalone worker's file {@code offset.storage.file.filename}), the {@link
 * io.runnel.connect.storage.OffsetStorageReader} source tasks read from, and the {@link
 * io.runnel.connect.runtime.storage.OffsetStorageWriter} the worker flushes acknowledged offsets through.
 */
package io.runnel.connect.runtime.storage;
