package org.isoband.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCsvTest {

    private static List<double[]> read(String text) throws TraceFormatException {
        List<double[]> out = new ArrayList<>();
        TraceCsv.read(new StringReader(text), "trace.csv", (t, f) -> out.add(new double[] {t / 1e9, f}));
        return out;
    }

    @Test
    void readsTheColumnsByNameSkippingCommentsBlankLinesAndOtherColumns() throws TraceFormatException {
        List<double[]> samples = read("# a recording\n\nforce_n,band,t_s\n12.5,red,0.0\n# note\n13.0,red,0.1\n");

        assertThat(samples).hasSize(2);
        assertThat(samples.get(1)).containsExactly(0.1, 13.0);
    }

    @Test
    void passesNaNOnForTheDetectorToCount() throws TraceFormatException {
        assertThat(Double.isNaN(read("t_s,force_n\n0,NaN\n").get(0)[1])).isTrue();
    }

    @Test
    void aMissingColumnNamesTheColumnAndTheHeaderLine() {
        assertThatThrownBy(() -> read("# c\ntime,force_n\n0,1\n"))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("trace.csv, line 2, field t_s: the header has no column 't_s'")
                .satisfies(e -> assertThat(((TraceFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void textWhereANumberBelongsNamesLineAndField() {
        assertThatThrownBy(() -> read("t_s,force_n\n0,1\n0.1,abc\n"))
                .hasMessage("trace.csv, line 3, field force_n: not a number: 'abc'");
    }

    @Test
    void aShortLineNamesTheMissingField() {
        assertThatThrownBy(() -> read("t_s,x,force_n\n0,1,2\n0.1,2\n"))
                .hasMessage("trace.csv, line 3, field force_n: missing: the line has fewer fields than the header's 3");
    }

    @Test
    void anEmptyValueIsNamed() {
        assertThatThrownBy(() -> read("t_s,force_n\n,1\n")).hasMessage("trace.csv, line 2, field t_s: empty value");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutSamplesAreErrors() {
        assertThatThrownBy(() -> read("")).hasMessageStartingWith("trace.csv: the file is empty");
        assertThatThrownBy(() -> read("# only a comment\n")).hasMessageStartingWith("trace.csv: the file is empty");
        assertThatThrownBy(() -> read("t_s,force_n\n")).hasMessage("trace.csv: the file has a header but no samples");
    }

    @Test
    void anInfiniteTimeIsRefused() {
        assertThatThrownBy(() -> read("t_s,force_n\nInfinity,1\n"))
                .hasMessage("trace.csv, line 2, field t_s: time must be a finite number");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws TraceFormatException {
        assertThat(read("\uFEFFt_s,force_n\n0,1\n")).hasSize(1);
    }
}
