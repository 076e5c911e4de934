package io.runnel.streams.processor;

import java.util.Objects;

/**
 * The identity of a task: a sub-topology number and an input partition number, written
 * {@code <subtopology>_<partition>} as in Kafka ({@code 0_3}). It names the task's state directory
 * ({@code <state.dir>/<application.id>/<task>/}) and is part of every store error message.
 *
 * <p>Immutable and thread-safe. Ordered by sub-topology, then partition.
 *
 * @param subtopology the sub-topology number, at least 0
 * @param partition   the partition number, at least 0
 */
public record TaskId(int subtopology, int partition) implements Comparable<TaskId> {

    /**
     * @throws IllegalArgumentException if either number is negative
     */
    public TaskId {
        if (subtopology < 0 || partition < 0) {
            throw new IllegalArgumentException("TaskId needs non-negative sub-topology and partition numbers, got "
                    + subtopology + "_" + partition);
        }
    }

    /**
     * Parses the text form produced by {@link #toString()}.
     *
     * @param text {@code <subtopology>_<partition>}, for example {@code 1_12}
     * @return the task id
     * @throws IllegalArgumentException if the text is null or not two non-negative decimal numbers joined by '_'
     */
    public static TaskId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("TaskId text is null; expected <subtopology>_<partition>, e.g. 0_1");
        }
        int sep = text.indexOf('_');
        if (sep <= 0 || sep != text.lastIndexOf('_') || sep == text.length() - 1) {
            throw new IllegalArgumentException("TaskId '" + text
                    + "' is not of the form <subtopology>_<partition>, e.g. 0_1");
        }
        try {
            return new TaskId(parseNumber(text.substring(0, sep)), parseNumber(text.substring(sep + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TaskId '" + text
                    + "' is not of the form <subtopology>_<partition> with non-negative decimal numbers, e.g. 0_1", e);
        }
    }

    private static int parseNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new NumberFormatException("not a decimal digit in '" + s + "'");
            }
        }
        return Integer.parseInt(s);
    }

    @Override
    public int compareTo(TaskId other) {
        int c = Integer.compare(subtopology, other.subtopology);
        return c != 0 ? c : Integer.compare(partition, other.partition);
    }

    /** @return {@code <subtopology>_<partition>} */
    @Override
    public String toString() {
        return subtopology + "_" + partition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskId t && t.subtopology == subtopology && t.partition == partition;
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtopology, partition);
    }
}
