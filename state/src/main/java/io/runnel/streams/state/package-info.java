/**
 * State stores: key-value, window and session stores (RocksDB and in-memory). Arrives with the state stores issue.
 */
package io.runnel.streams.state;
