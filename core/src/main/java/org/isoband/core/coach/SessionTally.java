package org.isoband.core.coach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Counts the session's reps for its {@link SessionSummary}; owned by the {@link Coach}, on its thread. */
final class SessionTally {
    private final TrainingPlan plan;
    private final int[][] held;
    private final int[][] tried;
    private final double[][] longest;
    private final boolean[][] reached;

    SessionTally(TrainingPlan plan) {
        this.plan = plan;
        int legs = plan.legs().size();
        int angles = plan.angles().size();
        held = new int[legs][angles];
        tried = new int[legs][angles];
        longest = new double[legs][angles];
        reached = new boolean[legs][angles];
    }

    void reached(PlanPosition where) {
        if (!where.done()) {
            reached[where.legIndex()][where.angleIndex()] = true;
        }
    }

    void rep(PlanPosition where, boolean wasHeld, double steadyS) {
        int l = where.legIndex();
        int a = where.angleIndex();
        reached[l][a] = true;
        tried[l][a]++;
        held[l][a] += wasHeld ? 1 : 0;
        longest[l][a] = Math.max(longest[l][a], steadyS);
    }

    SessionSummary summary(int heldInPlan, boolean endedEarly, PlanPosition position) {
        List<SessionSummary.Cell> cells = new ArrayList<>();
        int h = 0;
        int t = 0;
        double best = 0;
        for (int l = 0; l < plan.legs().size(); l++) {
            for (int a = 0; a < plan.angles().size(); a++) {
                if (reached[l][a]) {
                    cells.add(new SessionSummary.Cell(plan.legs().get(l), a, plan.angles().get(a), held[l][a], tried[l][a], longest[l][a]));
                    h += held[l][a];
                    t += tried[l][a];
                    best = Math.max(best, longest[l][a]);
                }
            }
        }
        return new SessionSummary(cells, heldInPlan, t, plan.totalReps(), best, endedEarly,
                nextTime(cells, h, t, endedEarly, position));
    }

    /** One piece of advice, the most useful first: what was left, what failed most, the weaker leg, more. */
    private String nextTime(List<SessionSummary.Cell> cells, int h, int t, boolean endedEarly, PlanPosition position) {
        if (t == 0) {
            return String.format(Locale.ROOT, "Next time: push into the band and keep it still for %.0f s", plan.holdTargetS());
        }
        if (endedEarly && !position.done()) {
            return String.format(Locale.ROOT, "Next time: go on from the %s, %s", position.leg(plan).label().toLowerCase(Locale.ROOT),
                    position.angleName(plan));
        }
        SessionSummary.Cell weakest = cells.stream().filter(c -> c.tried() >= 2)
                .min(Comparator.comparingDouble(c -> (double) c.held() / c.tried())).orElse(null);
        if (weakest != null && (double) weakest.held() / weakest.tried() < 0.6) {
            return String.format(Locale.ROOT, "Next time: pull a little less at %s, %s (%d of %d held)",
                    weakest.leg().label().toLowerCase(Locale.ROOT), weakest.angleName(), weakest.held(), weakest.tried());
        }
        if (h == t && h >= plan.totalReps()) {
            return String.format(Locale.ROOT, "Next time: every rep held first time; try a %.0f s hold", plan.holdTargetS() + 1);
        }
        return "Next time: the same plan, aiming for every rep on the first try";
    }
}
