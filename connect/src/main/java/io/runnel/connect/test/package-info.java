/**
 * Test kit for connector authors: {@link io.runnel.connect.test.ConnectorTestDriver} runs one connector with its
 * converters and transformations against a temporary embedded log, step by step and on a mock clock. Uses the
 * runtime; connector code itself only ever sees the SPI.
 */
package io.runnel.connect.test;
