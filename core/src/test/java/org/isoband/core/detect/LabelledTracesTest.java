package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector against the labelled recordings of ../shared/traces (see src/test/resources/traces/README.md). */
class LabelledTracesTest {
    private static final List<String> TRACES = List.of(
            "crane-scale-00", "crane-scale-01", "hx711-00", "hx711-01", "progressor-00", "progressor-01");

    @Test
    void findsEveryRepJudgesThemAndTimesTheirHolds() {
        List<LabelledTrace.Match> all = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int extras = 0;
        for (String name : TRACES) {
            LabelledTrace trace = LabelledTrace.load(name, DetectorConfig.DEFAULTS);
            report.append(trace.report());
            all.addAll(trace.matches());
            extras += trace.extras().size();
        }
        System.out.print(report);
        long missing = all.stream().filter(m -> m.rep() == null).count();
        long right = all.stream().filter(m -> m.rep() != null && m.rep().verdict() == m.label().verdict()).count();
        double[] errors = all.stream().filter(m -> m.rep() != null).mapToDouble(LabelledTrace.Match::steadyError)
                .sorted().toArray();
        double median = errors.length == 0 ? Double.NaN : errors[errors.length / 2];
        System.out.printf("reps %d, missing %d, extra %d, verdicts right %d (%.1f %%), median |steady error| %.3f s%n",
                all.size(), missing, extras, right, 100.0 * right / all.size(), median);

        assertThat(missing).as("labelled reps not found\n" + report).isZero();
        assertThat(extras).as("reps found that are not there\n" + report).isZero();
        assertThat(100.0 * right / all.size()).as("verdict accuracy %\n" + report).isGreaterThanOrEqualTo(95.0);
        assertThat(median).as("median |steady_s error|\n" + report).isLessThanOrEqualTo(0.2);
    }
}
