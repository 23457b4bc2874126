package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detector over many randomised sessions whose truth is known (see {@link RandomSessions}). */
class DetectorRobustnessTest {

    @Test
    void judgesRandomisedSessionsAcrossSensorsRatesAndStrengths() {
        Result r = evaluate(RandomSessions.Profile.ALL);

        assertThat(r.found()).as("reps found\n" + r.misses()).isEqualTo(r.total());
        assertThat(r.extra()).as("extra reps\n" + r.misses()).isZero();
        assertThat(r.accuracyPct()).as("verdict accuracy %%\n" + r.misses()).isGreaterThanOrEqualTo(95);
        assertThat(r.medianError()).as("median |steady error|").isLessThanOrEqualTo(0.15);
    }

    /**
     * Contractions of only 12-37 N on 10-20 Hz sensors, half of them in 0.5 N steps: the noise is a large
     * share of the amplitude, so a wobble is harder to tell from tremor and a weak rep from the rest noise.
     */
    @Test
    void judgesWeakContractionsOnSlowCoarseSensors() {
        Result r = evaluate(RandomSessions.Profile.WEAK_AND_SLOW);

        assertThat(100.0 * r.found() / r.total()).as("reps found %%\n" + r.misses()).isGreaterThanOrEqualTo(99);
        assertThat(r.extra()).as("extra reps\n" + r.misses()).isZero();
        assertThat(r.accuracyPct()).as("verdict accuracy %%\n" + r.misses()).isGreaterThanOrEqualTo(95);
        assertThat(r.medianError()).as("median |steady error|").isLessThanOrEqualTo(0.15);
    }

    record Result(int total, int found, int extra, int right, double medianError, String misses) {
        double accuracyPct() {
            return 100.0 * right / total;
        }
    }

    private static Result evaluate(RandomSessions.Profile profile) {
        int total = 0;
        int found = 0;
        int right = 0;
        int extra = 0;
        double signed = 0;
        Map<Verdict, Double> bias = new EnumMap<>(Verdict.class);
        List<Double> errors = new ArrayList<>();
        Map<Verdict, Map<Verdict, Integer>> confusion = new EnumMap<>(Verdict.class);
        StringBuilder misses = new StringBuilder();
        for (long seed = 1; seed <= 60; seed++) {
            RandomSessions.Session session = RandomSessions.generate(seed, profile);
            // A weak athlete's plan sets the first rep's floor (the default, 25 N, is above their reps).
            DetectorConfig config = profile == RandomSessions.Profile.WEAK_AND_SLOW
                    ? DetectorConfig.DEFAULTS.withFirstRepMin(8) : DetectorConfig.DEFAULTS;
            List<RepEvent> reps = Signal.detect(session.samples(), config);
            List<RepEvent> used = new ArrayList<>();
            for (RandomSessions.Truth t : session.truth()) {
                total++;
                RepEvent match = reps.stream()
                        .filter(r -> Math.min(t.endS(), r.endSeconds()) - Math.max(t.startS(), r.startSeconds()) > 0.5 * (t.endS() - t.startS()))
                        .findFirst().orElse(null);
                if (match == null) {
                    misses.append(String.format("  %s: missed %.1f-%.1f %s%n", session.description(), t.startS(), t.endS(), t.verdict()));
                    continue;
                }
                used.add(match);
                found++;
                confusion.computeIfAbsent(t.verdict(), v -> new EnumMap<>(Verdict.class)).merge(match.verdict(), 1, Integer::sum);
                if (match.verdict() == t.verdict()) {
                    right++;
                } else {
                    misses.append(String.format("  %s: %.1f-%.1f %s (%.1f s) judged %s (%.2f s)%n", session.description(),
                            t.startS(), t.endS(), t.verdict(), t.steadyS(), match.verdict(), match.steadySeconds()));
                }
                errors.add(Math.abs(match.steadySeconds() - t.steadyS()));
                signed += match.steadySeconds() - t.steadyS();
                bias.merge(t.verdict(), match.steadySeconds() - t.steadyS(), Double::sum);
            }
            for (RepEvent r : reps) {
                if (!used.contains(r)) {
                    extra++;
                    misses.append(String.format("  %s: extra %.1f-%.1f %s%n", session.description(), r.startSeconds(), r.endSeconds(), r.verdict()));
                }
            }
        }
        errors.sort(null);
        double median = errors.get(errors.size() / 2);
        double p90 = errors.get((int) (errors.size() * 0.9));
        System.out.printf("robustness (" + profile + "): %d reps, %d found, %d extra, %d right (%.1f %%), |steady error| median %.3f s, p90 %.3f s%n",
                total, found, extra, right, 100.0 * right / total, median, p90);
        System.out.printf("mean signed steady error %.3f s, summed by verdict %s%n", signed / found, bias);
        System.out.println("confusion (truth -> judged): " + confusion);
        System.out.print(misses);

        return new Result(total, found, extra, right, median, misses.toString());
    }
}
