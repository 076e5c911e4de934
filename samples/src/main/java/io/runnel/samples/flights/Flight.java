package io.runnel.samples.flights;

/**
 * One row of the flights file, as the CSV source writes it (JSON object in topic {@code flights}).
 *
 * @param date        scheduled departure, {@code YYYY-MM-DDTHH:mm}, local airport time without a zone (the demo
 *                    reads it as UTC for event time)
 * @param delay       departure delay in minutes; negative = early
 * @param distance    distance in miles
 * @param origin      IATA code of the origin airport
 * @param destination IATA code of the destination airport
 */
public record Flight(String date, int delay, int distance, String origin, String destination) {
}
