/**
 * Client internals shared by the producer, consumer and admin client: the transport factory and waiting helpers.
 */
package io.runnel.clients.internals;
