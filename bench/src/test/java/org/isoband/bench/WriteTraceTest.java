package org.isoband.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.isoband.core.trace.TraceCsv;
import org.junit.jupiter.api.Test;

/** The written trace is what {@code isoband analyze} reads: the same samples, to the written precision. */
class WriteTraceTest {

    @Test
    void theCsvReadsBackAsTheSampledSignal() throws Exception {
        ForceSignal session = Sessions.session(120, 5);
        StringWriter csv = new StringWriter();

        long written = WriteTrace.write(session, 1000, 5, csv);

        List<double[]> read = new ArrayList<>();
        long count = TraceCsv.read(new StringReader(csv.toString()), "test.csv",
                (t, f) -> read.add(new double[] {t / 1e9, f}));
        ForceSignal.Samples expected = session.sample(1000, 5);
        assertThat(count).isEqualTo(written).isEqualTo(expected.size());
        for (int i = 0; i < count; i += 997) {
            assertThat(read.get(i)[0]).isCloseTo(expected.tNanos()[i] / 1e9, within(1e-6));
            assertThat(read.get(i)[1]).isCloseTo(expected.newtons()[i], within(1e-3));
        }
    }

    @Test
    void fixedPointKeepsLeadingZerosAndTheSign() {
        assertThat(WriteTrace.fixed(new StringBuilder(), 1_000_042, 6)).hasToString("1.000042");
        assertThat(WriteTrace.fixed(new StringBuilder(), -1_500, 3)).hasToString("-1.500");
        assertThat(WriteTrace.fixed(new StringBuilder(), 7, 3)).hasToString("0.007");
    }
}
