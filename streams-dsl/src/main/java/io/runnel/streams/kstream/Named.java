package io.runnel.streams.kstream;

import java.util.Objects;

/**
 * The name of a DSL operator, as Kafka's {@code Named}: the processor node gets this name instead of a generated
 * one ({@code KSTREAM-FILTER-0000000001}), and stateful operators derive the names of their stores and internal
 * topics from it, which then survive any change elsewhere in the topology. Immutable.
 *
 * <p>Names may contain ASCII letters, digits, {@code .}, {@code _} and {@code -} (they may end up in topic
 * names), at most 249 characters.
 */
public class Named {

    private static final int MAX_NAME_LENGTH = 249;

    /** The name, never null. */
    protected final String name;

    /**
     * @param name the name
     * @throws NullPointerException     if the name is null
     * @throws IllegalArgumentException if the name is empty, too long or has other characters than
     *                                  {@code [a-zA-Z0-9._-]}
     */
    protected Named(String name) {
        this.name = validate(name);
    }

    /**
     * Copy constructor, for the DSL's internal view.
     *
     * @param named the instance to copy
     */
    protected Named(Named named) {
        this.name = named.name;
    }

    /**
     * @param name the operator's name
     * @return a {@code Named}
     * @throws NullPointerException     if the name is null
     * @throws IllegalArgumentException if the name is not a legal name (see the class description)
     */
    public static Named as(String name) {
        return new Named(name);
    }

    /**
     * @param name the new name
     * @return a copy with the name
     * @throws IllegalArgumentException if the name is not legal
     */
    public Named withName(String name) {
        return new Named(name);
    }

    /**
     * Checks a name given to a DSL operator, store or internal topic.
     *
     * @param name the name
     * @return the name
     * @throws NullPointerException     if the name is null
     * @throws IllegalArgumentException if it is empty, longer than 249 characters or has characters other than
     *                                  ASCII letters, digits, {@code .}, {@code _} and {@code -}
     */
    static String validate(String name) {
        Objects.requireNonNull(name, "name can't be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Name is illegal, it can't be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Name is illegal, it can't be longer than " + MAX_NAME_LENGTH
                    + " characters, name: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (!legal) {
                throw new IllegalArgumentException("Name \"" + name + "\" is illegal, it contains a character other"
                        + " than ASCII alphanumerics, '.', '_' and '-'");
            }
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && name.equals(((Named) o).name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "Named(" + name + ")";
    }
}
