/**
 * Foreign-key KTable joins: subscriptions and responses over two internal topics.
 */
package io.runnel.streams.kstream.internals.foreignkeyjoin;
