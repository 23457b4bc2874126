package org.isoband.device.sim;

import java.util.List;

/**
 * The noiseless tension of the band over a planned session: cosine ramps and releases, slow fatigue drift,
 * leg movements as steps of tension, wobbles as a slow oscillation, and the rest tension moving slowly to
 * the next angle's between sets. Pure function of time.
 */
public final class AthleteModel {
    private static final double ANGLE_CHANGE_S = 10;

    private final List<RepPlan> reps;

    public AthleteModel(List<RepPlan> reps) {
        if (reps.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one rep");
        }
        this.reps = List.copyOf(reps);
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
                return restBetween(previous, r, t);
            }
            if (t < r.endS()) {
                return inRep(r, t);
            }
            previous = r;
        }
        return reps.get(reps.size() - 1).restN();
    }

    private static double restBetween(RepPlan previous, RepPlan next, double t) {
        if (previous == null || previous.restN() == next.restN()) {
            return next.restN();
        }
        // Move the leg to the new angle slowly, finishing a few seconds before the next rep.
        double end = next.startS() - 3;
        double start = end - ANGLE_CHANGE_S;
        return previous.restN() + (next.restN() - previous.restN()) * smooth((t - start) / ANGLE_CHANGE_S);
    }

    private static double inRep(RepPlan r, double t) {
        double u = t - r.startS();
        double top = r.restN() + r.amplitudeN();
        if (u < r.rampS()) {
            return r.restN() + r.amplitudeN() * smooth(u / r.rampS());
        }
        double h = u - r.rampS();
        double level = top - r.amplitudeN() * r.fatiguePct() / 100 * Math.min(h, r.holdS()) / r.holdS();
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
