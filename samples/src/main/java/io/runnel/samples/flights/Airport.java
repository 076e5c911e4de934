package io.runnel.samples.flights;

/**
 * One row of the airports table (JSON object in the compacted topic {@code airports}, keyed by {@code iata}).
 *
 * @param iata      IATA code, the key
 * @param name      airport name
 * @param city      city
 * @param state     two-letter U.S. state code ({@code NA} for airports outside a state)
 * @param country   country
 * @param latitude  degrees north
 * @param longitude degrees east
 */
public record Airport(String iata, String name, String city, String state, String country, Double latitude,
                      Double longitude) {
}
