package org.isoband.dashboard.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.Origin;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.ZoneFigures;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.dashboard.store.ForceCurve;
import org.isoband.dashboard.store.History;
import org.isoband.dashboard.store.StrengthStore;

/**
 * Ten weeks of an athlete training with the strength coach, made up for the page's tests and screenshots: 2-3
 * sessions a week, both legs at 4 named angles, 5 reps each with their plan numbering and zone figures, a
 * maximum test at each position every 4 weeks (the maxima growing, the left leg 8-12 % weaker), force curves for
 * the newest session and for today's reps.
 */
public final class TrainingLog {
    public static final List<String> ANGLES = List.of("closest to the torso", "high", "low", "almost on the floor");

    private TrainingLog() {
    }

    /** Seeds the log; returns the id of the newest session before today. */
    public static String seed(RunningDashboard d, String gateway, String band, ZoneId zone) {
        StrengthStore strength = new StrengthStore(d.store().database());
        Random random = new Random(42);
        Instant now = Instant.now();
        LocalDate day = LocalDate.ofInstant(now, zone);
        LocalDate thisWeek = History.weekOf(day);
        // Today's session began 40 min ago, or at midnight when that was less: run just after midnight, its reps
        // would otherwise be yesterday's and the page's "today" empty. Its (at most 30) reps fit before now.
        Instant midnight = day.atStartOfDay(zone).toInstant();
        Instant todayStart = now.minusSeconds(40 * 60).isAfter(midnight) ? now.minusSeconds(40 * 60) : midnight;
        long todayStepMs = Math.max(1, Math.min(25_000, java.time.Duration.between(todayStart, now).toMillis() / 31));
        String newest = null;
        for (int week = 10; week >= 0; week--) {
            int sessions = week == 0 ? 1 : week % 4 == 0 ? 1 : 2 + random.nextInt(2);
            for (int s = 0; s < sessions; s++) {
                Instant start = thisWeek.minusWeeks(week).plusDays(s * 2L).atTime(18, 30).atZone(zone).toInstant();
                boolean today = week == 0;
                if (today) {
                    start = todayStart;
                }
                long stepMs = today ? todayStepMs : 25_000;
                String session = (today ? "today-" : "seed-") + week + "-" + s;
                boolean tests = s == 0 && (week % 4 == 2 || week == 10);
                boolean curves = week == 1 && s == sessions - 1 || today;
                if (!today && week == 1 && s == sessions - 1) {
                    newest = session;
                }
                double progress = (10 - week) / 10.0;
                int n = 0;
                for (String leg : List.of("right", "left")) {
                    for (int angle = 0; angle < 4; angle++) {
                        if (today && (angle > 1 || leg.equals("left"))) {
                            continue;
                        }
                        double max = (330 - 25 * angle) * (1 + 0.12 * progress) * (leg.equals("left") ? 0.9 : 1);
                        if (tests) {
                            Instant at = start.plusMillis(n++ * stepMs);
                            strength.addMaxTest(new MaxTestMessage(UUID.randomUUID().toString(), gateway, band, session,
                                    leg, angle, ANGLES.get(angle), at, max, new double[] {max * 0.97, max}), at);
                        }
                        for (int r = 1; r <= 5; r++) {
                            int attempt = 1;
                            double steady;
                            Verdict v;
                            do {
                                steady = Math.max(0.5, 5.5 + 2.5 * progress + random.nextGaussian() * 1.0 - angle * 0.2);
                                v = steady >= 6 ? Verdict.HELD : random.nextInt(4) == 0 ? Verdict.MOVED : Verdict.SHORT;
                                double pct = 70 + random.nextGaussian() * 6;
                                double mean = max * pct / 100;
                                Instant t = start.plusMillis(n++ * stepMs);
                                double inZone = Math.max(0, Math.min(steady + 0.6, (steady + 0.6) * (1 - Math.abs(pct - 70) / 25)));
                                RepMessage rep = new RepMessage(UUID.randomUUID().toString(), gateway, band, session, leg, angle, n,
                                        t, t.plusMillis((long) (steady * 1000) + 1400), Math.round(steady * 1000) / 1000.0, 6.0,
                                        v, Math.round(mean * 100) / 100.0, Math.round(mean * 102) / 100.0, 1.9, 0.8,
                                        30 + 9 * angle, mean - 30 - 9 * angle, 0,
                                        new PlanPlace(ANGLES.get(angle), r, 5, attempt),
                                        new ZoneFigures(max, 60, 80, Math.round(inZone * 10) / 10.0, pct));
                                d.store().add(rep, curves ? curve(rep, random) : null, t);
                                attempt++;
                            } while (v != Verdict.HELD && attempt <= 3);
                        }
                    }
                }
            }
        }
        return newest;
    }

    /** A hold shaped like the rep: rest, a ramp, the steady level with a little tremor, a release. */
    static ForceCurve curve(RepMessage rep, Random random) {
        double dur = (rep.end().toEpochMilli() - rep.start().toEpochMilli()) / 1000.0;
        int n = (int) ((dur + 2) * 40);
        double[] t = new double[n];
        double[] f = new double[n];
        double rest = rep.restN();
        double level = rep.meanN();
        for (int i = 0; i < n; i++) {
            double s = -1 + i / 40.0;
            t[i] = Math.round(s * 10000) / 10.0;
            double shape = s < 0 || s > dur ? 0 : s < 0.6 ? s / 0.6 : s > dur - 0.6 ? (dur - s) / 0.6 : 1;
            f[i] = Math.round((rest + (level - rest) * shape) * (1 + 0.01 * random.nextGaussian()) * 100) / 100.0;
        }
        return new ForceCurve(t, f);
    }

    /** The origin of a band's messages, for tests that publish. */
    public static Origin origin(String gateway, String band, String session) {
        return new Origin(gateway, band, session, null, null);
    }
}
