/**
 * The Streams DSL (KStream, KTable, GlobalKTable). Arrives with the Streams DSL issue.
 */
package io.runnel.streams.kstream;
