/**
 * Implementations behind the {@code io.runnel.streams.kstream} types; may change freely.
 */
package io.runnel.streams.kstream.internals;
