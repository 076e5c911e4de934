/**
 * The flight-delays demo ({@code runnel demo flight-delays}): a CSV source connector, the Streams topology, and the
 * pipeline that runs both with a file sink on one embedded log. See {@link io.runnel.samples.flights.FlightDelaysPipeline}.
 */
package io.runnel.samples.flights;
