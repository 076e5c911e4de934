package io.runnel.samples.flights;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The aggregate of one (state, hour) window: how many flights left the state's airports and their summed
 * departure delay. Immutable; the JSON value of topic {@code delays-by-state-hourly} and of the window store.
 *
 * @param flights           flights in the window
 * @param totalDelayMinutes sum of their departure delays, minutes (early departures count negative)
 */
public record DelayStats(long flights, @JsonProperty("total_delay_minutes") long totalDelayMinutes) {

    /** The aggregate of no flights: the initializer of the windowed aggregation. */
    public static final DelayStats EMPTY = new DelayStats(0, 0);

    /**
     * @param delayMinutes one more flight's delay
     * @return this aggregate with that flight added
     */
    public DelayStats add(int delayMinutes) {
        return new DelayStats(flights + 1, totalDelayMinutes + delayMinutes);
    }

    /**
     * @return the mean delay in minutes, rounded half-up to two decimals (exact decimal arithmetic, so the same
     *     totals always print the same); null when there are no flights
     */
    @JsonProperty("avg_delay_minutes")
    public BigDecimal averageDelayMinutes() {
        return flights == 0 ? null : BigDecimal.valueOf(totalDelayMinutes).divide(BigDecimal.valueOf(flights), 2, RoundingMode.HALF_UP);
    }

    /** @return true when no flight was added */
    @JsonIgnore
    public boolean isEmpty() {
        return flights == 0;
    }
}
