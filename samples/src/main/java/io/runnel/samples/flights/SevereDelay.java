package io.runnel.samples.flights;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A flight delayed by {@link FlightDelaysTopology#SEVERE_DELAY_MINUTES} or more, with the state of its origin: the
 * JSON object written to topic {@code severe-delays} and, one per line, to {@code out/severe-delays.jsonl}.
 *
 * @param date        scheduled departure, as in the input
 * @param delay       departure delay in minutes
 * @param distance    distance in miles
 * @param origin      IATA code of the origin airport
 * @param destination IATA code of the destination airport
 * @param originState state of the origin airport, JSON field {@code origin_state}
 */
public record SevereDelay(String date, int delay, int distance, String origin, String destination,
                          @JsonProperty("origin_state") String originState) {

    /**
     * @param flight the flight
     * @param state  its origin's state
     * @return the flight with the state
     */
    public static SevereDelay of(Flight flight, String state) {
        return new SevereDelay(flight.date(), flight.delay(), flight.distance(), flight.origin(),
                flight.destination(), state);
    }
}
