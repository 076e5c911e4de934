/**
 * State stores, with Kafka's names ({@code org.apache.kafka.streams.state}): the key-value, window and session
 * store interfaces and their timestamped variants, {@link io.runnel.streams.state.Stores} with the store
 * builders, the bytes-store suppliers, {@link io.runnel.streams.state.StateStoreResources} (the record cache and
 * RocksDB memory shared by an application instance), {@link io.runnel.streams.state.StateStoreConfig} and the
 * {@link io.runnel.streams.state.RocksDBConfigSetter} hook. Implementations live in {@code .internals}; RocksDB only
 * in {@code .internals.rocksdb}.
 */
package io.runnel.streams.state;
