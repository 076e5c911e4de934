/**
 * The Processor API and the Streams runtime. Arrives with the Processor API issue.
 */
package io.runnel.streams.processor.api;
