package org.isoband.device.sim;

/**
 * One contraction the simulated athlete will make, in seconds from the start of the session.
 *
 * @param leg        "right" or "left"
 * @param angle      hip angle index, 0 = closest to the torso
 * @param startS     the ramp begins
 * @param rampS      ramp-up duration
 * @param holdS      time from the end of the ramp to the start of the release
 * @param releaseS   release duration
 * @param restN      band tension at rest for this angle
 * @param amplitudeN level above rest the athlete holds
 * @param fault      what goes wrong
 * @param faultAtS   seconds into the hold when a MOVE or DROPOUT happens
 * @param faultSizeN tension change of a MOVE, or half-swing of a WOBBLE; seconds of silence for a DROPOUT
 * @param fatiguePct level lost over the hold (slow drift, % of amplitude)
 */
public record RepPlan(
        String leg,
        int angle,
        double startS,
        double rampS,
        double holdS,
        double releaseS,
        double restN,
        double amplitudeN,
        Fault fault,
        double faultAtS,
        double faultSizeN,
        double fatiguePct) {

    public double endS() {
        return startS + rampS + holdS + releaseS;
    }

    /** Steady seconds the athlete really held: the longest stretch without a fault. */
    public double steadyS() {
        return switch (fault) {
            case NONE, EARLY_RELEASE -> holdS;
            case MOVE -> Math.max(faultAtS, holdS - faultAtS - MOVE_S);
            case WOBBLE -> 0;
            case DROPOUT -> faultAtS;
        };
    }

    /** How long a leg movement takes. */
    static final double MOVE_S = 0.4;
}
