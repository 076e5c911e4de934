package io.runnel.streams.kstream.internals;

import io.runnel.streams.kstream.Named;

/**
 * The compiler's view of {@link Named}; an empty instance stands for "no name given".
 */
public final class NamedInternal extends Named {

    private static final NamedInternal EMPTY = new NamedInternal();

    private final boolean empty;

    private NamedInternal() {
        super("unnamed");
        this.empty = true;
    }

    private NamedInternal(String name) {
        super(name);
        this.empty = false;
    }

    private NamedInternal(Named named) {
        super(named);
        this.empty = false;
    }

    /**
     * @param named the user's object, or null
     * @return its view (empty for null)
     */
    public static NamedInternal of(Named named) {
        if (named == null) {
            return EMPTY;
        }
        return named instanceof NamedInternal n ? n : new NamedInternal(named);
    }

    /**
     * @param name a name, or null
     * @return a view of it (empty for null)
     */
    public static NamedInternal of(String name) {
        return name == null ? EMPTY : new NamedInternal(name);
    }

    /** @return the name, or null if none was given */
    public String name() {
        return empty ? null : name;
    }

    /**
     * @param builder the builder naming unnamed nodes
     * @param prefix  Kafka's prefix for the operator ({@code KSTREAM-FILTER})
     * @return the given name, or a generated {@code <prefix>-<index>}
     */
    public String orElseGenerate(InternalStreamsBuilder builder, String prefix) {
        return empty ? builder.newProcessorName(prefix) : name;
    }

    /**
     * @param suffix what to append to a given name
     * @param builder the builder naming unnamed nodes
     * @param prefix  Kafka's prefix for the generated name
     * @return {@code <name><suffix>} if named, else a generated name
     */
    public String suffixedOrElseGenerate(String suffix, InternalStreamsBuilder builder, String prefix) {
        return empty ? builder.newProcessorName(prefix) : name + suffix;
    }
}
