/** Implementations of the header interfaces; may change freely. */
package io.runnel.common.header.internals;
