/**
 * The JSON converter, byte-compatible with Kafka Connect's {@code org.apache.kafka.connect.json.JsonConverter}.
 * Jackson is used only in this package (and later the REST package).
 */
package io.runnel.connect.json;
