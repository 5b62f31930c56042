package io.cherrypick.ops.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A CSV cell a spreadsheet would run as a formula is shown as text; numbers stay numbers. */
class CsvTest {
    @Test
    void formulaCellsGetAnApostropheAndNumbersStayNumbers() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(Csv.cell("+1+2")).isEqualTo("'+1+2");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(Csv.cell("-3")).isEqualTo("-3");
        assertThat(Csv.cell("-0.5")).isEqualTo("-0.5");
        assertThat(Csv.cell("Pick P1 = held")).isEqualTo("Pick P1 = held");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void linesAreWrittenWithTheirHeaderAndQuotedWhereNeeded() {
        assertThat(Csv.write(List.of(List.of("Pick", "What happened"), List.of("P1", "line 2, item x"),
                List.of("P2", "=cmd|' /C calc'!A0"))))
                .isEqualTo("Pick,What happened\r\nP1,\"line 2, item x\"\r\nP2,'=cmd|' /C calc'!A0\r\n");
    }
}
