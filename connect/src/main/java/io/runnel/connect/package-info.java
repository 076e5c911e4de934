/**
 * Runnel Connect: a Kafka Connect-compatible connector framework.
 *
 * <p>The SPI that connector, converter and transformation authors compile against mirrors Kafka Connect's
 * packages ({@code org.apache.kafka.connect.X} becomes {@code io.runnel.connect.X}): {@link
 * io.runnel.connect.connector}, {@link io.runnel.connect.source}, {@link io.runnel.connect.sink}, {@link
 * io.runnel.connect.data}, {@link io.runnel.connect.header}, {@link io.runnel.connect.storage}, {@link
 * io.runnel.connect.transforms}, {@link io.runnel.connect.errors}. The runtime that runs plugins lives in
 * {@code io.runnel.connect.runtime} and its sub-packages; SPI packages never depend on it (an ArchUnit test
 * checks this).
 */
package io.runnel.connect;
