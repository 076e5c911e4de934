/**
 * Kafka Connect-compatible connector runtime. Arrives with the Connect issue.
 */
package io.runnel.connect;
