package org.isoband.dashboard.store;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.RepMessage;

/**
 * Strength per position (leg and hip angle) over weeks: the maximum of each week's tests and the mean force of
 * its held reps, the angles' names as the plan calls them, and the left/right asymmetry per angle as a headline.
 * Weeks start on Monday in the dashboard's zone; weeks before the first rep or test are left out.
 *
 * @param weeks      the Mondays, oldest first
 * @param series     the position keys present ({@code right:0}, ...), right before left, then by angle
 * @param maxN       per position key, one value per week: the best maximum tested that week (NaN: none)
 * @param holdN      per position key, one value per week: the mean tension of the held reps (NaN: none)
 * @param angleNames angle index to its name in the plan (from the newest rep or test that named it)
 * @param asymmetry  per angle index that both legs have: the headline figure
 */
public record StrengthHistory(List<LocalDate> weeks, List<String> series, Map<String, double[]> maxN,
                              Map<String, double[]> holdN, Map<Integer, String> angleNames, List<Asymmetry> asymmetry) {

    /**
     * Left/right at one angle: {@code (R - L) / max(R, L) x 100}, +10 meaning the left leg is 10 % weaker.
     *
     * @param angle    the angle index
     * @param rightN   the right leg's figure, N
     * @param leftN    the left leg's
     * @param pct      the asymmetry, %
     * @param basis    {@code max_test} (the newest maxima of each leg) or {@code hold} (the mean tension of the held
     *                 reps of the range, without maxima for both legs)
     */
    public record Asymmetry(int angle, double rightN, double leftN, double pct, String basis) {
    }

    public static StrengthHistory of(List<RepMessage> reps, List<MaxTestMessage> tests, ZoneId zone, LocalDate firstDay,
                                     LocalDate lastDay) {
        LocalDate first = History.weekOf(firstDay);
        LocalDate last = History.weekOf(lastDay);
        LocalDate earliest = null;
        for (RepMessage r : reps) {
            LocalDate w = History.weekOf(r.start().atZone(zone).toLocalDate());
            earliest = earliest == null || w.isBefore(earliest) ? w : earliest;
        }
        for (MaxTestMessage t : tests) {
            LocalDate w = History.weekOf(t.at().atZone(zone).toLocalDate());
            earliest = earliest == null || w.isBefore(earliest) ? w : earliest;
        }
        if (earliest != null && earliest.isAfter(first)) {
            first = earliest;
        }
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        if (earliest == null) {
            weeks.clear();
        }
        TreeSet<String> keys = new TreeSet<>(History.SERIES_ORDER);
        Map<String, double[]> max = new TreeMap<>(History.SERIES_ORDER);
        Map<String, double[]> holdSum = new TreeMap<>(History.SERIES_ORDER);
        Map<String, int[]> holdCount = new TreeMap<>(History.SERIES_ORDER);
        Map<Integer, String> names = new TreeMap<>();
        Map<String, Double> newestMax = new LinkedHashMap<>();
        Map<String, double[]> rangeHold = new LinkedHashMap<>();
        int n = weeks.size();
        for (MaxTestMessage t : tests) {
            int i = index(weeks, History.weekOf(t.at().atZone(zone).toLocalDate()));
            if (i < 0) {
                continue;
            }
            String key = t.leg() + ":" + t.angle();
            keys.add(key);
            names.put(t.angle(), t.angleName());
            double[] m = max.computeIfAbsent(key, k -> nan(n));
            m[i] = Double.isNaN(m[i]) ? t.maxN() : Math.max(m[i], t.maxN());
            newestMax.put(key, t.maxN());   // tests come oldest first
        }
        for (RepMessage r : reps) {
            if (r.leg() == null || r.angle() == null) {
                continue;
            }
            int i = index(weeks, History.weekOf(r.start().atZone(zone).toLocalDate()));
            if (i < 0) {
                continue;
            }
            String key = History.seriesKey(r);
            keys.add(key);
            if (r.place() != null) {
                names.put(r.angle(), r.place().angleName());
            }
            if (r.isHeld() && Double.isFinite(r.meanN())) {
                holdSum.computeIfAbsent(key, k -> new double[n])[i] += r.meanN();
                holdCount.computeIfAbsent(key, k -> new int[n])[i]++;
                double[] range = rangeHold.computeIfAbsent(key, k -> new double[2]);
                range[0] += r.meanN();
                range[1]++;
            }
        }
        Map<String, double[]> hold = new TreeMap<>(History.SERIES_ORDER);
        for (String key : keys) {
            max.computeIfAbsent(key, k -> nan(n));
            double[] mean = nan(n);
            double[] sum = holdSum.get(key);
            int[] count = holdCount.get(key);
            for (int i = 0; sum != null && i < n; i++) {
                mean[i] = count[i] == 0 ? Double.NaN : Math.round(sum[i] / count[i] * 10) / 10.0;
            }
            hold.put(key, mean);
        }
        List<Asymmetry> asymmetry = new ArrayList<>();
        TreeSet<Integer> angles = new TreeSet<>();
        keys.forEach(k -> {
            String a = k.substring(k.indexOf(':') + 1);
            if (!a.equals("-")) {
                angles.add(Integer.parseInt(a));
            }
        });
        for (int angle : angles) {
            Double rm = newestMax.get("right:" + angle);
            Double lm = newestMax.get("left:" + angle);
            if (rm != null && lm != null) {
                asymmetry.add(new Asymmetry(angle, rm, lm, round1(History.asymmetry(rm, lm)), "max_test"));
                continue;
            }
            double[] rh = rangeHold.get("right:" + angle);
            double[] lh = rangeHold.get("left:" + angle);
            if (rh != null && lh != null) {
                double r = rh[0] / rh[1];
                double l = lh[0] / lh[1];
                asymmetry.add(new Asymmetry(angle, round1(r), round1(l), round1(History.asymmetry(r, l)), "hold"));
            }
        }
        return new StrengthHistory(weeks, new ArrayList<>(keys), max, hold, names, asymmetry);
    }

    private static int index(List<LocalDate> weeks, LocalDate week) {
        return weeks.isEmpty() ? -1 : weeks.indexOf(week);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }
}
