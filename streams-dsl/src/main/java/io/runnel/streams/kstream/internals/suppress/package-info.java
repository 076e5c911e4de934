/**
 * {@code KTable.suppress}: its settings and its buffering processor.
 */
package io.runnel.streams.kstream.internals.suppress;
