/**
 * What every client shares: setting names ({@link io.runnel.clients.CommonClientConfigs}) and the transport seam
 * ({@link io.runnel.clients.RunnelClient}) that the in-process embedded log implements today and the Kafka
 * wire protocol will tomorrow.
 */
package io.runnel.clients;
