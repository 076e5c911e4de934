/**
 * The values the {@link io.runnel.connect.runtime.Herder} returns and the REST API writes as JSON, with Kafka
 * Connect's shapes (Kafka's {@code org.apache.kafka.connect.runtime.rest.entities}). Plain records without any JSON
 * library: the mapping to Kafka's JSON field names lives in {@code io.runnel.connect.runtime.rest}.
 */
package io.runnel.connect.runtime.rest.entities;
