/**
 * The request/response seam between clients and the log: one immutable request and response record per Kafka
 * API ({@link io.runnel.common.requests.ApiKeys}), errors as Kafka's codes ({@link io.runnel.common.requests.Errors}).
 * The in-process transport hands these objects to the request handler; the future wire-protocol server will
 * translate them to and from Kafka's bytes.
 */
package io.runnel.common.requests;
