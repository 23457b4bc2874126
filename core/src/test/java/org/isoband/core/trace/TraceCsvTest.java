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

    @Test
    void aTimeBeyondAnyClockSkipsThatOneLineAndKeepsTheRest() throws TraceFormatException {
        List<String> skipped = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        TraceCsv.read(new StringReader("t_s,force_n\n0,1\n1e308,2\n0.2,3\n1e15,4\n0.3,5\n"), "trace.csv",
                new TraceCsv.SampleSink() {
                    @Override
                    public void accept(long tNanos, double newtons) {
                        out.add(new double[] {tNanos / 1e9, newtons});
                    }

                    @Override
                    public void lineSkipped(TraceFormatException problem) {
                        skipped.add(problem.getMessage());
                    }
                });

        assertThat(out).extracting(p -> p[1]).containsExactly(1.0, 3.0, 5.0);
        assertThat(skipped).hasSize(2);
        assertThat(skipped.get(0)).startsWith("trace.csv, line 3, field t_s: time '1e308' s is beyond any clock");
    }

    @Test
    void timeGoingBackIsToldWithItsLineAndEverySampleIsPassedOn() throws TraceFormatException {
        List<String> told = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        TraceCsv.read(new StringReader("t_s,force_n\n5.7,1\n5.8,1\n0.0,2\n0.1,2\n0.2,2\n9e3,3\n0.3,2\n"), "trace.csv",
                new TraceCsv.SampleSink() {
                    @Override
                    public void accept(long tNanos, double newtons) {
                        out.add(new double[] {tNanos / 1e9, newtons});
                    }

                    @Override
                    public void timeWentBack(int line, double fromS, double toS) {
                        told.add("back at " + line);
                    }

                    @Override
                    public void timeOutOfLine(int line, double timeS) {
                        told.add("out of line at " + line);
                    }
                });

        assertThat(out).hasSize(7);
        assertThat(told).containsExactly("back at 4", "out of line at 7");
    }

    @Test
    void javaSuffixesAndHexadecimalAreNotNumbers() {
        assertThatThrownBy(() -> read("t_s,force_n\n0,1d\n")).hasMessage("trace.csv, line 2, field force_n: not a number: '1d'");
        assertThatThrownBy(() -> read("t_s,force_n\n0,2F\n")).hasMessage("trace.csv, line 2, field force_n: not a number: '2F'");
        assertThatThrownBy(() -> read("t_s,force_n\n0x1p3,1\n")).hasMessage("trace.csv, line 2, field t_s: not a number: '0x1p3'");
    }

    @Test
    void signedExponentsAndInfinityStillRead() throws TraceFormatException {
        assertThat(read("t_s,force_n\n1.5e-3,-2E+1\n").get(0)).containsExactly(0.0015, -20.0);
        assertThat(read("t_s,force_n\n0,-Infinity\n").get(0)[1]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aDuplicatedColumnNamesTheLineAndBothColumns() {
        assertThatThrownBy(() -> read("force_n,t_s,force_n\n1,0,2\n")).hasMessage(
                "trace.csv, line 1, field force_n: the header names column 'force_n' twice (columns 1 and 3): which one is meant?");
    }

    @Test
    void aLineLongerThanAnyRecordingsIsAnErrorWithoutEchoingIt() {
        String huge = "t_s,force_n\n" + "9".repeat(200_000) + "\n";

        assertThatThrownBy(() -> read(huge))
                .hasMessageStartingWith("trace.csv, line 2: the line is longer than 65536 characters")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }

    @Test
    void binaryDataIsNotATextCsv() {
        assertThatThrownBy(() -> read("t_s,force_n\n0,1\n\u0000\u0001\n")).hasMessageContaining("not a text CSV");
    }
}
