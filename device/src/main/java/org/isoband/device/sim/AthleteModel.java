package org.isoband.device.sim;

import java.util.List;

/**
 * The noiseless tension of the band over a planned session: cosine ramps and releases, slow fatigue drift,
 * the band's stress relaxation, leg movements as steps of tension, wobbles as a slow oscillation, set-up
 * tension before a pull, fidgets and rest plateaus, and the rest tension moving to the next angle's between
 * sets. Pure function of time.
 */
public final class AthleteModel {
    private static final double ANGLE_CHANGE_S = 10;
    private static final double SETUP_RISE_S = 0.6;

    private final List<RepPlan> reps;
    private final double angleChangeS;

    public AthleteModel(List<RepPlan> reps) {
        this(reps, ANGLE_CHANGE_S);
    }

    /** @param angleChangeS how long moving the leg to the next angle takes (real legs: 1.5-4 s) */
    public AthleteModel(List<RepPlan> reps, double angleChangeS) {
        if (reps.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one rep");
        }
        this.reps = List.copyOf(reps);
        this.angleChangeS = angleChangeS;
    }

    public List<RepPlan> reps() {
        return reps;
    }

    /** When the session is over: a few seconds of rest after the last release. */
    public double durationS() {
        return reps.get(reps.size() - 1).endS() + 4;
    }

    public double tensionAt(double t) {
        RepPlan previous = null;
        for (RepPlan r : reps) {
            if (t < r.startS()) {
                return restBetween(previous, r, t) + bumps(r, t) + setup(r, t);
            }
            if (t < r.endS()) {
                return inRep(r, t);
            }
            previous = r;
        }
        return reps.get(reps.size() - 1).restN();
    }

    private double restBetween(RepPlan previous, RepPlan next, double t) {
        if (previous == null || previous.restN() == next.restN()) {
            return next.restN();
        }
        // Move the leg to the new angle, finishing a few seconds before the next rep is prepared.
        double end = Math.min(next.startS(), next.restStartsMovingS()) - 3;
        double start = end - angleChangeS;
        return previous.restN() + (next.restN() - previous.restN()) * smooth((t - start) / angleChangeS);
    }

    private static double bumps(RepPlan r, double t) {
        double sum = 0;
        for (RepPlan.Bump b : r.bumps()) {
            double u = t - b.startS();
            if (u < 0 || u > b.riseS() * 2 + b.topS()) {
                continue;
            }
            double up = smooth(u / b.riseS());
            double down = 1 - smooth((u - b.riseS() - b.topS()) / b.riseS());
            sum += b.heightN() * Math.min(up, down);
        }
        return sum;
    }

    private static double setup(RepPlan r, double t) {
        if (r.setupN() <= 0 || t < r.startS() - r.setupS()) {
            return 0;
        }
        return r.setupN() * smooth((t - (r.startS() - r.setupS())) / SETUP_RISE_S);
    }

    private static double inRep(RepPlan r, double t) {
        double u = t - r.startS();
        double base = r.baseN();
        if (u < r.rampS()) {
            return base + r.amplitudeN() * smooth(u / r.rampS());
        }
        double top = base + r.amplitudeN();
        double h = u - r.rampS();
        double level = top - r.amplitudeN() * r.fatiguePct() / 100 * Math.min(h, r.holdS()) / r.holdS();
        if (r.relaxPct() > 0) {
            // Latex creeps: a still hold loses a few percent of its tension, fast at first.
            level -= top * r.relaxPct() / 100 * (1 - Math.exp(-Math.min(h, r.holdS()) / r.relaxTauS()));
        }
        if (r.fault() == Fault.MOVE && h > r.faultAtS()) {
            level += r.faultSizeN() * smooth((h - r.faultAtS()) / RepPlan.MOVE_S);
        }
        if (r.fault() == Fault.WOBBLE && h < r.holdS()) {
            level += r.faultSizeN() * Math.sin(2 * Math.PI * h / 1.1) * smooth(h / 0.3);
        }
        if (h < r.holdS()) {
            return level;
        }
        return r.restN() + (level - r.restN()) * (1 - smooth((h - r.holdS()) / r.releaseS()));
    }

    /** 0 to 1 along a half cosine, flat at both ends like a human movement. */
    private static double smooth(double u) {
        double c = Math.min(1, Math.max(0, u));
        return (1 - Math.cos(Math.PI * c)) / 2;
    }
}
