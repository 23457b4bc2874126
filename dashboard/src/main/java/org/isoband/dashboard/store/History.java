package org.isoband.dashboard.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.isoband.core.message.RepMessage;

/**
 * Progress over weeks, from a range of reps: steady seconds per leg and hip angle, the share of reps held,
 * the left/right balance and the number of sessions against the weekly target. Weeks start on Monday in the
 * dashboard's time zone; every week of the range from the first one with a rep is present, empty ones too, so
 * charts show the gaps (but not the weeks before the athlete started).
 *
 * @param zone           the time zone that days and weeks are cut in
 * @param sessionsTarget sessions per week the athlete aims for (the exercise asks for 2-3)
 * @param series         the leg and angle keys present, in display order: {@code right:0}, ..., {@code left:0}, ...
 *                       ({@code none:-} for reps without a plan)
 * @param weeks          one per week of the range, oldest first
 */
public record History(ZoneId zone, int sessionsTarget, List<String> series, List<Week> weeks) {

    /**
     * One week.
     *
     * @param start          its Monday
     * @param sessions       distinct sessions with at least one rep
     * @param reps           reps of any verdict
     * @param held           reps HELD
     * @param steadyS        sum of steady seconds per series key (leg and angle)
     * @param steadyRightS   sum of steady seconds of the right leg
     * @param steadyLeftS    sum of steady seconds of the left leg
     * @param amplitudeRightN mean tension above rest of the right leg's held reps, N (NaN: none)
     * @param amplitudeLeftN  the same for the left leg
     */
    public record Week(LocalDate start, int sessions, int reps, int held, Map<String, Double> steadyS,
                       double steadyRightS, double steadyLeftS, double amplitudeRightN, double amplitudeLeftN) {

        /** Share of reps held, %; NaN in a week without reps. */
        public double heldPct() {
            return reps == 0 ? Double.NaN : 100.0 * held / reps;
        }

        /**
         * Left/right balance: {@code (R - L) / max(R, L) x 100} of the mean tension of held reps, so +10 means
         * the left leg held 10 % less than the right, -10 the other way round. The tension is the honest measure
         * here: with the same band, the leg that presses harder is the stronger one, whatever the hold time.
         * NaN when either leg has no held rep that week.
         */
        public double asymmetryPct() {
            return asymmetry(amplitudeRightN, amplitudeLeftN);
        }

        public boolean metTarget(int target) {
            return sessions >= target;
        }
    }

    public History {
        Objects.requireNonNull(zone, "zone");
        series = List.copyOf(series);
        weeks = List.copyOf(weeks);
    }

    static double asymmetry(double right, double left) {
        if (!(right > 0) || !(left > 0)) {
            return Double.NaN;
        }
        return 100.0 * (right - left) / Math.max(right, left);
    }

    /** Monday of the week holding {@code day}. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The series key of a rep: leg and 0-based angle, e.g. {@code right:2}. */
    public static String seriesKey(RepMessage rep) {
        return (rep.leg() == null ? "none" : rep.leg()) + ":" + (rep.angle() == null ? "-" : rep.angle().toString());
    }

    /** The history of {@code reps} (any order) over the weeks from {@code firstDay}'s to {@code lastDay}'s. */
    public static History of(Iterable<RepMessage> reps, ZoneId zone, LocalDate firstDay, LocalDate lastDay, int sessionsTarget) {
        LocalDate first = weekOf(firstDay);
        LocalDate last = weekOf(lastDay);
        Map<LocalDate, Tally> tallies = new LinkedHashMap<>();
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
            tallies.put(w, new Tally());
        }
        Set<String> keys = new TreeSet<>(SERIES_ORDER);
        for (RepMessage rep : reps) {
            LocalDate week = weekOf(rep.start().atZone(zone).toLocalDate());
            Tally t = tallies.get(week);
            if (t == null) {
                continue;
            }
            String key = seriesKey(rep);
            keys.add(key);
            t.add(rep, key);
        }
        List<Week> weeks = new ArrayList<>(tallies.size());
        tallies.forEach((start, t) -> {
            // weeks before the first rep are not weeks missed: the athlete had not started
            if (!weeks.isEmpty() || t.reps > 0) {
                weeks.add(t.week(start));
            }
        });
        return new History(zone, sessionsTarget, new ArrayList<>(keys), weeks);
    }

    /** Right before left, then the angle; reps without a plan last. */
    static final Comparator<String> SERIES_ORDER = Comparator.<String>comparingInt(k ->
            k.startsWith("right:") ? 0 : k.startsWith("left:") ? 1 : 2).thenComparing(k -> {
                String angle = k.substring(k.indexOf(':') + 1);
                return angle.equals("-") ? Integer.MAX_VALUE : Integer.parseInt(angle);
            });

    /** Reps over the whole range. */
    public int reps() {
        return weeks.stream().mapToInt(Week::reps).sum();
    }

    public int held() {
        return weeks.stream().mapToInt(Week::held).sum();
    }

    public int sessions() {
        return weeks.stream().mapToInt(Week::sessions).sum();
    }

    /** Weeks in which the target number of sessions was reached. */
    public int weeksOnTarget() {
        return (int) weeks.stream().filter(w -> w.metTarget(sessionsTarget)).count();
    }

    private static final class Tally {
        final Set<String> sessions = new HashSet<>();
        final Map<String, Double> steady = new LinkedHashMap<>();
        int reps;
        int held;
        double right;
        double left;
        double ampRight;
        int ampRightN;
        double ampLeft;
        int ampLeftN;

        void add(RepMessage rep, String key) {
            reps++;
            sessions.add(rep.gateway() + "\u0000" + rep.session());
            double s = Double.isFinite(rep.steadyS()) ? rep.steadyS() : 0;
            steady.merge(key, s, Double::sum);
            if ("right".equals(rep.leg())) {
                right += s;
            } else if ("left".equals(rep.leg())) {
                left += s;
            }
            if (rep.isHeld()) {
                held++;
                if (Double.isFinite(rep.amplitudeN())) {
                    if ("right".equals(rep.leg())) {
                        ampRight += rep.amplitudeN();
                        ampRightN++;
                    } else if ("left".equals(rep.leg())) {
                        ampLeft += rep.amplitudeN();
                        ampLeftN++;
                    }
                }
            }
        }

        Week week(LocalDate start) {
            Map<String, Double> rounded = new LinkedHashMap<>();
            steady.forEach((k, v) -> rounded.put(k, Math.round(v * 10) / 10.0));
            return new Week(start, sessions.size(), reps, held, Collections.unmodifiableMap(rounded),
                    Math.round(right * 10) / 10.0, Math.round(left * 10) / 10.0,
                    ampRightN == 0 ? Double.NaN : ampRight / ampRightN, ampLeftN == 0 ? Double.NaN : ampLeft / ampLeftN);
        }
    }
}
