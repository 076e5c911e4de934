package io.runnel.streams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names a running application keeps state under: its stores, their changelog topics, its repartition topics
 * and global stores. Runnel's addition to Kafka (see {@code docs/streams.md}, "Stable internal names"): save the
 * fingerprint of the deployed topology (for example in the repository, {@link #text()}), and before deploying a new
 * version check it with {@link #incompatibilitiesWith}; a store or internal topic that disappears or is renamed
 * means the new version starts that state from empty.
 *
 * <pre>{@code
 * TopologyFingerprint deployed = TopologyFingerprint.parse(Files.readString(Path.of("topology.fingerprint")));
 * assertThat(TopologyFingerprint.of(newTopology).incompatibilitiesWith(deployed)).isEmpty();
 * }</pre>
 *
 * <p>The text has one {@code <kind> <name>} line per name, sorted; kinds are {@code store}, {@code changelog},
 * {@code repartition} and {@code global-store}. Names are given without the application id. Immutable.
 */
public final class TopologyFingerprint {

    private final SortedMap<String, SortedSet<String>> names;

    private TopologyFingerprint(Map<String, ? extends Set<String>> names) {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        names.forEach((kind, set) -> {
            if (!set.isEmpty()) {
                copy.put(kind, Collections.unmodifiableSortedSet(new TreeSet<>(set)));
            }
        });
        this.names = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * @param topology a topology (Processor API or built by the DSL)
     * @return its fingerprint
     */
    public static TopologyFingerprint of(Topology topology) {
        return new TopologyFingerprint(topology.internalTopologyBuilder.internalNames());
    }

    /**
     * @param text what {@link #text()} returned
     * @return the fingerprint
     * @throws IllegalArgumentException if a non-blank line is not {@code <kind> <name>}
     */
    public static TopologyFingerprint parse(String text) {
        Map<String, Set<String>> names = new TreeMap<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int space = trimmed.indexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException("Line " + lineNo + " of the topology fingerprint is not"
                        + " '<kind> <name>': " + line);
            }
            names.computeIfAbsent(trimmed.substring(0, space), k -> new TreeSet<>())
                    .add(trimmed.substring(space + 1).strip());
        }
        return new TopologyFingerprint(names);
    }

    /** @return the names by kind, sorted */
    public SortedMap<String, SortedSet<String>> names() {
        return names;
    }

    /** @return one {@code <kind> <name>} line per name, sorted, each ending with a newline */
    public String text() {
        StringBuilder sb = new StringBuilder();
        names.forEach((kind, set) -> set.forEach(n -> sb.append(kind).append(' ').append(n).append('\n')));
        return sb.toString();
    }

    /** @return the SHA-256 of {@link #text()}, in hex: equal for topologies that keep state under the same names */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * @param previous the fingerprint of the topology deployed now
     * @return one message per name of {@code previous} this topology no longer has (state that would be left
     *         behind); empty if this topology can replace the previous one without losing state. New names are
     *         fine and not reported.
     */
    public List<String> incompatibilitiesWith(TopologyFingerprint previous) {
        List<String> problems = new ArrayList<>();
        previous.names.forEach((kind, set) -> {
            Set<String> now = names.getOrDefault(kind, Collections.emptySortedSet());
            for (String name : set) {
                if (!now.contains(name)) {
                    problems.add(kind + " '" + name + "' of the deployed topology is missing: its state would be"
                            + " abandoned (name it explicitly to keep it)");
                }
            }
        });
        return problems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyFingerprint f && f.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names);
    }

    @Override
    public String toString() {
        return text();
    }
}
