package io.runnel.cli.internals;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    @Test
    void shouldPadEveryColumnButTheLastToItsWidestCellOrMinimum() {
        StringWriter text = new StringWriter();
        new Table(new String[]{"A", "BB", "C"}, new int[]{3, 0, 0})
                .row("x", "longer", "end")
                .row(null, 1, null)
                .print(new PrintWriter(text, true));
        assertThat(text.toString()).isEqualTo(
                "A   BB     C\n"
                        + "x   longer end\n"
                        + "-   1      -\n");
    }

    @Test
    void shouldRejectRowsOfTheWrongLength() {
        assertThatThrownBy(() -> new Table(new String[]{"A"}, new int[]{0}).row("a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 columns but 2 cells");
    }
}
