package io.runnel.cli.internals;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A left-aligned text table as Kafka's consumer-group tool prints them: columns separated by one space, each as
 * wide as its longest cell or its minimum width, the last one unpadded. Not thread-safe.
 */
final class Table {

    private final String[] headers;
    private final int[] minWidths;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param headers   the column titles
     * @param minWidths the minimum width of each column (same length as headers)
     */
    Table(String[] headers, int[] minWidths) {
        if (headers.length != minWidths.length) {
            throw new IllegalArgumentException(headers.length + " headers but " + minWidths.length + " widths");
        }
        this.headers = headers.clone();
        this.minWidths = minWidths.clone();
    }

    /**
     * @param cells one value per column ({@code null} prints as {@code -})
     * @return this table
     */
    Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(headers.length + " columns but " + cells.length + " cells");
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "-" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    /** @return whether no row was added */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @param out where to print the header line and the rows */
    void print(PrintWriter out) {
        int[] widths = minWidths.clone();
        for (int i = 0; i < headers.length; i++) {
            widths[i] = Math.max(widths[i], headers[i].length());
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        printLine(out, headers, widths);
        rows.forEach(row -> printLine(out, row, widths));
    }

    private static void printLine(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length()));
            }
        }
        out.println(line);
    }
}
