package io.trackingsystem.tracking.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotesCellsWithSeparatorsQuotesOrLineBreaks() {
        assertThat(row("plain", "a,b", "say \"hi\"", "two\nlines")).isEqualTo(
                "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(row("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "/ok")).isEqualTo(
                "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),/ok\r\n");
    }

    private static String row(String... cells) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, List.of(cells));
        return out.toString();
    }
}
