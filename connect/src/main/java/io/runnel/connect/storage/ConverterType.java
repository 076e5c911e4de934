package io.runnel.connect.storage;

import java.util.Locale;

/** What a converter instance handles, given to it as {@code converter.type}. */
public enum ConverterType {
    /** Record keys. */
    KEY,
    /** Record values. */
    VALUE,
    /** Header values. */
    HEADER;

    private final String name = name().toLowerCase(Locale.ROOT);

    /** @return the lower-case name used in {@code converter.type} */
    public String getName() {
        return name;
    }

    /**
     * @param name a name, any case
     * @return the type, or null when the name matches none
     */
    public static ConverterType withName(String name) {
        if (name == null) {
            return null;
        }
        for (ConverterType t : values()) {
            if (t.name.equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
