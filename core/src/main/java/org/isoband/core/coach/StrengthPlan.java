package org.isoband.core.coach;

/**
 * The strength side of the plan: a maximum test per leg and hip angle, and the force zone the holds aim for as
 * a share of that maximum.
 *
 * @param maxTest          run the maximum test when it is due; false for athletes who must not make maximal
 *                         efforts (high blood pressure): the coach then works on time alone, as without a maximum
 * @param pullsPerPosition maximal pulls per leg and angle; the best one counts (2 or 3)
 * @param pullS            how long each pull lasts, s (3 to 5: long enough for a 1 s plateau, short enough to
 *                         stay maximal)
 * @param restBetweenPullsS rest after each pull, s (a maximal effort needs a minute or more)
 * @param retestEveryWeeks the maximum of a position is tested again when it is older than this
 * @param zoneLowPct       lower edge of the target zone, % of the maximum
 * @param zoneHighPct      upper edge of the target zone, % of the maximum
 */
public record StrengthPlan(
        boolean maxTest,
        int pullsPerPosition,
        double pullS,
        double restBetweenPullsS,
        int retestEveryWeeks,
        double zoneLowPct,
        double zoneHighPct) {

    /** Two pulls of 4 s with a minute's rest, retested every 4 weeks, holds at 60-80 % of the maximum. */
    public static final StrengthPlan DEFAULT = new StrengthPlan(true, 2, 4.0, 60, 4, 60, 80);
    /** No maximum test and no zone: the coach times holds only. */
    public static final StrengthPlan OFF = new StrengthPlan(false, 2, 4.0, 60, 4, 60, 80);

    public StrengthPlan {
        if (pullsPerPosition < 1 || pullsPerPosition > 5) {
            throw new IllegalArgumentException("maximal pulls per position must be 1 to 5 (2-3 recommended), got "
                    + pullsPerPosition);
        }
        if (!(pullS >= 2 && pullS <= 10)) {
            throw new IllegalArgumentException("a maximal pull must last 2 to 10 s (3-5 recommended), got " + pullS);
        }
        if (!(restBetweenPullsS >= 0)) {
            throw new IllegalArgumentException("the rest between pulls must not be negative, got " + restBetweenPullsS);
        }
        if (retestEveryWeeks < 1 || retestEveryWeeks > 52) {
            throw new IllegalArgumentException("the maximum is retested every 1 to 52 weeks, got " + retestEveryWeeks);
        }
        if (!(zoneLowPct > 0 && zoneLowPct < zoneHighPct && zoneHighPct <= 100)) {
            throw new IllegalArgumentException("the target zone must be 0 < low < high <= 100 % of the maximum, got "
                    + zoneLowPct + "-" + zoneHighPct);
        }
    }

    /** The zone for a position whose maximum is {@code maxN}. */
    public ForceZone zone(double maxN) {
        return new ForceZone(maxN, zoneLowPct, zoneHighPct);
    }
}
