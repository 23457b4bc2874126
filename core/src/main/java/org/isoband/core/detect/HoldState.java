package org.isoband.core.detect;

/**
 * What the athlete should see right now: a snapshot of the detector's live state.
 *
 * @param phase          current phase
 * @param tNanos         time of the last accepted sample
 * @param levelN         smoothed tension
 * @param restN          rest tension (during a rep: the one it is measured against)
 * @param steadySeconds  length of the steady stretch in progress (0 unless in HOLD), back-dated to where it began
 * @param bestSteadySeconds longest steady stretch of the rep in progress
 * @param bandLowN       lower edge of the steady band (NaN unless in HOLD)
 * @param bandHighN      upper edge of the steady band (NaN unless in HOLD)
 */
public record HoldState(
        Phase phase,
        long tNanos,
        double levelN,
        double restN,
        double steadySeconds,
        double bestSteadySeconds,
        double bandLowN,
        double bandHighN) {

    public double amplitudeN() {
        return levelN - restN;
    }
}
