/**
 * The built-in file connectors, as Kafka Connect's {@code FileStream} connectors: a source that tails a text file
 * line by line and a sink that appends one line per record. Meant for demos and tests, not production.
 */
package io.runnel.connect.file;
