package io.runnel.clients.admin;

import java.util.Objects;

/**
 * One change of {@link Admin#incrementalAlterConfigs} (Kafka's {@code AlterConfigOp}). Immutable.
 */
public final class AlterConfigOp {

    /** The operation. */
    public enum OpType {
        /** Set the value. */
        SET,
        /** Remove the override (back to the broker default). */
        DELETE,
        /** Add values to a list setting. */
        APPEND,
        /** Remove values from a list setting. */
        SUBTRACT
    }

    private final ConfigEntry configEntry;
    private final OpType opType;

    /**
     * @param configEntry the setting and value
     * @param opType      the operation
     */
    public AlterConfigOp(ConfigEntry configEntry, OpType opType) {
        this.configEntry = Objects.requireNonNull(configEntry, "configEntry");
        this.opType = Objects.requireNonNull(opType, "opType");
    }

    /** @return the setting and value */
    public ConfigEntry configEntry() {
        return configEntry;
    }

    /** @return the operation */
    public OpType opType() {
        return opType;
    }

    @Override
    public String toString() {
        return "AlterConfigOp(opType=" + opType + ", configEntry=" + configEntry + ")";
    }
}
