/**
 * The only package that uses RocksDB (besides the public {@link io.runnel.streams.state.RocksDBConfigSetter}
 * hook): the RocksDB bytes store and the shared memory budget. Enforced by the layering test.
 */
package io.runnel.streams.state.internals.rocksdb;
