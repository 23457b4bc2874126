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
}
