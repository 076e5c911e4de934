package io.runnel.common;

import java.util.Locale;

/**
 * The state of a consumer group, with the names Kafka's admin API and tools print ({@code Stable},
 * {@code PreparingRebalance}, ...); Kafka's {@code GroupState}. The classic group protocol moves a group through
 * {@link #EMPTY}, {@link #PREPARING_REBALANCE}, {@link #COMPLETING_REBALANCE}, {@link #STABLE} and {@link #DEAD}.
 */
public enum GroupState {
    /** A state the client does not know. */
    UNKNOWN("Unknown"),
    /** Members are (re)joining; the group waits for every known member or the rebalance timeout. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** Every member joined; the group waits for the leader's assignment (SyncGroup). */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Members hold their assignment and heartbeat. */
    STABLE("Stable"),
    /** The group is being or has been deleted. */
    DEAD("Dead"),
    /** No members; committed offsets may remain until they expire. */
    EMPTY("Empty");

    private final String displayName;

    GroupState(String displayName) {
        this.displayName = displayName;
    }

    /**
     * @param name a display name ({@code Stable}) or constant name ({@code STABLE}), any case
     * @return the state, or {@link #UNKNOWN} when no state has that name
     */
    public static GroupState parse(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        for (GroupState s : values()) {
            if (s.displayName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** @return the display name ({@code PreparingRebalance}) */
    @Override
    public String toString() {
        return displayName;
    }
}
