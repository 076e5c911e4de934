/**
 * Internal helpers shared by clients and the log; not part of the public API.
 */
package io.runnel.common.internals;
