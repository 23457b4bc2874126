package org.isoband.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepsCsvTest {
    @Test
    void quotes_what_needs_quoting_and_defuses_formulas() {
        assertThat(RepsCsv.text(new StringBuilder(), "plain").toString()).isEqualTo("plain");
        assertThat(RepsCsv.text(new StringBuilder(), "a,b").toString()).isEqualTo("\"a,b\"");
        assertThat(RepsCsv.text(new StringBuilder(), "say \"hi\"").toString()).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RepsCsv.text(new StringBuilder(), "=HYPERLINK(1)").toString()).isEqualTo("'=HYPERLINK(1)");
        assertThat(RepsCsv.text(new StringBuilder(), "-band").toString()).isEqualTo("'-band");
        assertThat(RepsCsv.text(new StringBuilder(), null).toString()).isEmpty();
    }

    @Test
    void numbers_are_plain_digits_and_unknown_ones_empty() {
        assertThat(RepsCsv.number(new StringBuilder(), 6.0).toString()).isEqualTo("6");
        assertThat(RepsCsv.number(new StringBuilder(), 7.25).toString()).isEqualTo("7.25");
        assertThat(RepsCsv.number(new StringBuilder(), 0.00001).toString()).isEqualTo("0.00001");
        assertThat(RepsCsv.number(new StringBuilder(), Double.NaN).toString()).isEmpty();
    }
}
