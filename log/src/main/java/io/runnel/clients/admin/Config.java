package io.runnel.clients.admin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource's settings (Kafka's {@code Config}). Immutable.
 */
public final class Config {

    private final Map<String, ConfigEntry> entries = new LinkedHashMap<>();

    /** @param entries the settings */
    public Config(Collection<ConfigEntry> entries) {
        entries.forEach(e -> this.entries.put(e.name(), e));
    }

    /** @return every setting */
    public Collection<ConfigEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * @param name a setting
     * @return its entry, or null
     */
    public ConfigEntry get(String name) {
        return entries.get(name);
    }

    @Override
    public String toString() {
        return "Config(entries=" + entries.values() + ")";
    }
}
