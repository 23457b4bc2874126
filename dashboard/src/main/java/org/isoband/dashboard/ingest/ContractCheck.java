package org.isoband.dashboard.ingest;

import java.time.Duration;
import java.time.Instant;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;

/**
 * Every field of a rep event or session summary against the contract (docs/mqtt.md, docs/schemas) and the
 * history's columns, before anything is stored: so the store refuses nothing this let through, and a refusal
 * is a named, permanent reason (the payload goes to the dead letters) rather than a database error that would
 * be retried forever. Returns the first problem, or null.
 */
final class ContractCheck {
    static final int MAX_ID = 64;
    static final int MAX_NAME = 128;
    /** Before this no isoband existed: a clock at 1970 or a garbage number. */
    static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
    /** A gateway's clock may run ahead of ours, but not by a day. */
    static final Duration AHEAD = Duration.ofDays(1);
    /** Longer is not one rep (the detector cuts a contraction long before). */
    static final Duration LONGEST_REP = Duration.ofHours(1);
    static final Duration LONGEST_SESSION = Duration.ofDays(1);
    static final double MAX_NEWTONS = 100_000;

    private ContractCheck() {
    }

    /** A maximum test's id and names, before it is stored. */
    static String maxTest(org.isoband.core.message.MaxTestMessage m) {
        String p = text("id", m.id(), MAX_ID);
        p = p != null ? p : text("gateway", m.gateway(), MAX_NAME);
        return p != null ? p : text("band", m.band(), MAX_NAME);
    }

    static String rep(RepMessage r, Instant now) {
        String p = text("id", r.id(), MAX_ID);
        p = p != null ? p : text("gateway", r.gateway(), MAX_NAME);
        p = p != null ? p : text("band", r.band(), MAX_NAME);
        p = p != null ? p : text("session", r.session(), MAX_NAME);
        p = p != null ? p : instants(r.start(), r.end(), LONGEST_REP, now);
        if (p != null) {
            return p;
        }
        if (r.angle() != null && (r.angle() < 0 || r.angle() > 180)) {
            return "angle must be 0-180 degrees, got " + r.angle();
        }
        if (r.rep() < 1 || r.rep() > 100_000) {
            return "rep must be 1 or more, got " + r.rep();
        }
        if (!(r.steadyS() >= 0) || r.steadyS() > LONGEST_REP.toSeconds()) {
            return "steady_s must be 0-" + LONGEST_REP.toSeconds() + " seconds, got " + r.steadyS();
        }
        if (!(r.targetS() > 0) || r.targetS() > 600) {
            return "target_s must be above 0 and at most 600 s, got " + r.targetS();
        }
        if (r.dropped() < 0) {
            return "dropped must be 0 or more, got " + r.dropped();
        }
        String[] names = {"mean_n", "peak_n", "cv_pct", "drift_pct", "rest_n", "amplitude_n"};
        double[] values = {r.meanN(), r.peakN(), r.cvPct(), r.driftPct(), r.restN(), r.amplitudeN()};
        for (int i = 0; i < names.length; i++) {
            // NaN is how the reader gives a JSON null (unknown): allowed; infinities and absurd sizes are not.
            if (Double.isInfinite(values[i]) || Math.abs(values[i]) > MAX_NEWTONS * (names[i].endsWith("pct") ? 100 : 1)) {
                return names[i] + " is out of range: " + values[i];
            }
        }
        return null;
    }

    static String session(SessionSummary s, Instant now) {
        String p = text("id", s.id(), MAX_ID);
        p = p != null ? p : text("gateway", s.gateway(), MAX_NAME);
        p = p != null ? p : text("band", s.band(), MAX_NAME);
        p = p != null ? p : text("session", s.session(), MAX_NAME);
        p = p != null ? p : instants(s.start(), s.end(), LONGEST_SESSION, now);
        if (p != null) {
            return p;
        }
        if (s.reps() < 0 || s.reps() > 100_000) {
            return "reps must be 0 or more, got " + s.reps();
        }
        if (!(s.steadyTotalS() >= 0) || !(s.bestSteadyS() >= 0) || !(s.targetS() > 0) || s.targetS() > 600) {
            return "steady_total_s and best_steady_s must be 0 or more and target_s 0-600 s, got "
                    + s.steadyTotalS() + ", " + s.bestSteadyS() + ", " + s.targetS();
        }
        return null;
    }

    private static String text(String field, String value, int max) {
        if (value.isEmpty()) {
            return field + " is empty";
        }
        if (value.length() > max) {
            return field + " is longer than " + max + " characters (" + value.length() + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return field + " holds a control character (code " + (int) value.charAt(i) + ") at " + i;
            }
        }
        return null;
    }

    private static String instants(Instant start, Instant end, Duration longest, Instant now) {
        if (start.isBefore(EARLIEST)) {
            return "start " + start + " is before " + EARLIEST + " (a gateway clock not set?)";
        }
        if (end.isAfter(now.plus(AHEAD))) {
            return "end " + end + " is more than a day after now (" + now + ")";
        }
        if (end.isBefore(start)) {
            return "end " + end + " is before start " + start;
        }
        if (Duration.between(start, end).compareTo(longest) > 0) {
            return "from start " + start + " to end " + end + " is longer than " + longest;
        }
        return null;
    }
}
